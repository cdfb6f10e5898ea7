"""The guided onboarding: five steps through the profile form's and privacy's own rules, re-entrant."""

import pytest
from bs4 import BeautifulSoup

from accounts.factories import UserFactory
from accounts.roles import MEMBER
from accounts.services import roles_sync
from community.home.models import Onboarding
from community.profiles.models import Profile
from privacy.models import ConsentPurpose, ConsentRecord, ConsentSource
from privacy.selectors import consents_current

pytestmark = pytest.mark.django_db

WELCOME = "/fr/community/home/welcome/"


def step(name, language="fr"):
    return f"/{language}/community/home/welcome/{name}/"


@pytest.fixture
def newcomer(db):
    roles_sync()
    return UserFactory(roles=[MEMBER], first_name="", last_name="", preferred_language="fr")


def test_a_new_member_is_offered_the_onboarding_from_the_home_but_not_forced(client, newcomer):
    client.force_login(newcomer)
    home = BeautifulSoup(client.get("/fr/community/home/").content.decode(), "html.parser")
    assert home.find("a", href=WELCOME) is not None
    # Other pages are not redirected to it.
    assert client.get("/fr/community/members/").status_code == 200
    assert client.get(WELCOME)["Location"] == step("language")


def test_the_steps_save_through_the_profile_rules_and_resume_where_the_member_left(client, newcomer):
    client.force_login(newcomer)
    # Skipping ahead before the first step leads back to it (the profile needs a name first).
    assert client.get(step("skills"))["Location"] == step("language")

    # The name is required here as on the profile form; nothing is saved without it.
    response = client.post(step("language"), {"display_name": "", "preferred_language": "fr"})
    assert response.status_code == 200
    assert not Profile.objects.filter(user=newcomer).exists()

    response = client.post(
        step("language"),
        {"display_name": "Salma\u202eEvil", "preferred_language": "ar", "languages": ["fr", "ar"]},
    )
    # The next step is in the language just chosen.
    assert response["Location"] == step("place", "ar")
    profile = Profile.objects.get(user=newcomer)
    assert profile.display_name == "SalmaEvil"  # bidirectional controls stripped, as on the profile form
    assert profile.languages == ["fr", "ar"]
    newcomer.refresh_from_db()
    assert newcomer.preferred_language == "ar"

    # The country is required; the member leaves after this step ("save and finish later").
    response = client.post(step("place", "ar"), {"country": "", "city": "Lyon"})
    assert response.status_code == 200
    response = client.post(step("place", "ar"), {"country": "FR", "city": "Lyon", "leave": "1"})
    assert response["Location"] == "/ar/community/home/"

    # Coming back resumes at the first step not done.
    assert client.get("/ar/community/home/welcome/")["Location"] == step("skills", "ar")
    response = client.post(
        step("skills", "ar"), {"skills": ["BIM (Revit, Tekla)", "Python", "python"], "sectors": ["digital"]}
    )
    assert response["Location"] == step("offer", "ar")
    profile.refresh_from_db()
    assert sorted(profile.skills.names()) == ["BIM (Revit, Tekla)", "Python"]
    assert profile.country == "FR" and profile.city == "Lyon"
    assert "|python|" in profile.skills_key  # the directory's search columns are kept by the service

    response = client.post(step("offer", "ar"), {"contributions": ["mentoring"], "availability": "days-year"})
    assert response["Location"] == step("consents", "ar")
    profile.refresh_from_db()
    assert profile.contributions == ["mentoring"]
    assert sorted(profile.skills.names()) == ["BIM (Revit, Tekla)", "Python"]  # other steps keep the skills

    assert Onboarding.objects.get(user=newcomer).finished_at is None


def test_the_consents_step_records_only_changed_decisions(client, newcomer):
    client.force_login(newcomer)
    client.post(step("language"), {"display_name": "Salma", "preferred_language": "fr"})
    before = ConsentRecord.objects.filter(user=newcomer).count()
    page = BeautifulSoup(client.get(step("consents")).content.decode(), "html.parser")
    assert page.find("input", attrs={"name": f"consent_{ConsentPurpose.MATCHING}"}) is not None
    response = client.post(step("consents"), {f"consent_{ConsentPurpose.MATCHING}": "on"})
    assert response.status_code == 302
    current = consents_current(newcomer)
    assert current[ConsentPurpose.MATCHING] is True
    added = ConsentRecord.objects.filter(user=newcomer).order_by("id")[before:]
    assert [(r.purpose, r.granted, r.source) for r in added] == [
        (ConsentPurpose.MATCHING, True, ConsentSource.SETTINGS)
    ]


def test_finishing_every_step_ends_the_onboarding_and_the_home_stops_offering_it(client, newcomer):
    client.force_login(newcomer)
    client.post(step("language"), {"display_name": "Salma", "preferred_language": "fr"})
    client.post(step("place"), {"country": "MA", "city": "Agadir"})
    client.post(step("skills"), {"skills": ["Irrigation"]})
    client.post(step("offer"), {"contributions": ["expertise"]})
    response = client.post(step("consents"), {})
    assert response["Location"] == "/fr/community/home/"
    onboarding = Onboarding.objects.get(user=newcomer)
    assert onboarding.finished_at is not None
    assert onboarding.steps_done == ["language", "place", "skills", "offer", "consents"]
    home = BeautifulSoup(client.get("/fr/community/home/").content.decode(), "html.parser")
    assert home.find("a", href=WELCOME) is None
    # Steps stay reachable to change an answer later.
    assert client.get(step("place")).status_code == 200


def test_the_skills_step_works_without_javascript(client, newcomer):
    client.force_login(newcomer)
    client.post(step("language"), {"display_name": "Salma", "preferred_language": "fr"})
    page = BeautifulSoup(client.get(step("skills")).content.decode(), "html.parser")
    boxes = page.find_all("input", attrs={"name": "skills", "type": "text"})
    assert len(boxes) >= 3  # a plain form: one skill per box, chips come with the script
    assert page.find("script", src=lambda src: src and "skill_chips" in src) is not None


def test_an_unknown_step_is_not_found(client, newcomer):
    client.force_login(newcomer)
    assert client.get(step("nothing")).status_code == 404
