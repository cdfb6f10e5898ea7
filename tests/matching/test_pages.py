"""What the suggestion pages show: more than ten, one card per person, reasons that tell cards apart,
relays named with their channel, skills kept whole, and no embedding in the request."""

import threading

import pytest

from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import RELAY
from community.profiles.factories import RelayCoverageFactory
from community.profiles.models import FIELD_GROUPS, Profile
from matching.features import profile_features_refresh, project_features_refresh

from .conftest import competence, project_of

pytestmark = pytest.mark.django_db

NEEDS = ["Développement web", "Marketing digital", "E-commerce", "Export"]


def _member(index, skills, **fields):
    profile = competence(
        features=False,
        display_name=f"Membre {index:02d}",
        skills=skills,
        languages=["fr"],
        sectors=["software"],
        **fields,
    )
    profile_features_refresh(profile.pk, embed=False)  # concepts only: fast, enough to rank
    return profile


@pytest.fixture
def crowded(holder):
    """A project with four needs and 36 members covering one to four of them."""
    project = project_of(holder, features=False, title="Boutique", skills_needed=NEEDS, sector="e-commerce")
    project_features_refresh(project.pk, embed=False)
    for index in range(36):
        _member(index, NEEDS[: 1 + index % 4])
    return project


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_at_least_thirty_suggestions_are_reachable_page_by_page_one_card_per_person(crowded):
    client = _client(crowded.owner.user)
    seen, page = [], 1
    while True:
        response = client.get(f"/fr/matching/projects/{crowded.pk}/?page={page}")
        assert response.status_code == 200
        suggestions = response.context["suggestions"]
        seen += [item.profile.pk for item in suggestions]
        if not suggestions.has_next:
            break
        assert 'rel="next"' in response.content.decode()
        page += 1
    assert len(seen) >= 30 and len(seen) == len(set(seen))
    assert page >= 4


def test_reasons_shared_by_every_card_are_said_once_and_cards_differ(crowded):
    response = _client(crowded.owner.user).get(f"/fr/matching/projects/{crowded.pk}/")
    suggestions = response.context["suggestions"]
    assert suggestions.shared_reasons  # e.g. "parle français", said once above the list
    for reason in suggestions.shared_reasons:
        assert not any(reason in item.reasons for item in suggestions)
    assert len({tuple(item.reasons) for item in suggestions}) > 1 or len(suggestions) == 1
    # Every listed need counts: the best cover 4 of 4, and say which.
    assert suggestions[0].reasons[0].startswith("couvre 4 des 4 besoins listés")


def test_my_suggestions_page_shows_distinct_projects_with_their_own_reasons(holder):
    me = _member(99, ["Développement web", "Export"], contributions=["expertise"])
    for index, needs in enumerate(
        [["Export"], ["Développement web"], ["Développement web", "Export"], ["BIM"]]
    ):
        owner = _member(50 + index, [])
        project = project_of(owner, features=False, title=f"Projet {index}", skills_needed=needs)
        project_features_refresh(project.pk, embed=False)
    response = _client(me.user).get("/fr/matching/me/")
    cards = list(response.context["suggestions"])
    titles = [item.project.title for item in cards]
    assert len(titles) == len(set(titles)) >= 3
    assert "Projet 3" not in titles[:3]  # BIM: none of its needs covered
    assert len({tuple(item.reasons) for item in cards}) == len(cards)


def test_a_relay_suggestion_names_the_body_the_country_and_the_channel_the_relay_chose(web_project):
    relay = UserFactory(roles=[RELAY], first_name="Samir", last_name="Relais")
    RelayCoverageFactory(
        relay=relay,
        countries=["FR"],
        body="Consulat général du Maroc à Lyon",
        contact_channel="email",
        contact="relais@consulat-lyon.example",
    )
    page = _client(web_project.owner.user).get(f"/fr/matching/projects/{web_project.pk}/").content.decode()
    assert "Consulat général du Maroc à Lyon" in page
    assert "Votre relais : Samir Relais" in page
    assert "vit en France" in page or "France" in page
    assert 'href="mailto:relais@consulat-lyon.example"' in page


def test_a_relay_chooses_their_channel_on_their_own_page_and_the_holder_sees_it(web_project):
    relay = UserFactory(roles=[RELAY], two_factor=True, first_name="Samir", last_name="Relais")
    RelayCoverageFactory(relay=relay, countries=["FR"])
    client = _client(relay)
    assert "Comment les membres me joignent" in client.get("/fr/community/members/relay/").content.decode()
    url = "/fr/community/members/relay/contact/"
    lyon = {"body": "Consulat de Lyon"}
    wrong = client.post(url, {**lyon, "contact_channel": "phone", "contact": "appelez-moi"})
    assert wrong.status_code == 400 and "Ce n’est pas un numéro de téléphone" in wrong.content.decode()
    empty = client.post(url, {**lyon, "contact_channel": "email", "contact": ""})
    assert empty.status_code == 400 and "Indiquez l’adresse" in empty.content.decode()
    saved = client.post(url, {**lyon, "contact_channel": "phone", "contact": "04 72 00 00 00"})
    assert saved.status_code == 302
    relay.relay_coverage.refresh_from_db()
    assert relay.relay_coverage.contact == "+33 4 72 00 00 00"  # read in France, the first country covered
    page = _client(web_project.owner.user).get(f"/fr/matching/projects/{web_project.pk}/").content.decode()
    assert "Consulat de Lyon" in page and 'href="tel:+33472000000"' in page
    client.post(url, {**lyon, "contact_channel": "website", "contact": "consulat.example/lyon"})
    relay.relay_coverage.refresh_from_db()
    assert relay.relay_coverage.contact == "https://consulat.example/lyon"


def test_only_a_relay_with_the_second_factor_sets_a_relay_contact():
    url = "/fr/community/members/relay/contact/"
    assert _client(UserFactory()).get(url).status_code in (403, 404)
    without_factor = UserFactory(roles=[RELAY])
    RelayCoverageFactory(relay=without_factor)
    assert _client(without_factor).get(url).url == reverse("mfa_activate_totp")


def test_skills_are_chips_kept_whole_without_javascript():
    user = UserFactory()
    client = _client(user)
    form = {
        "display_name": "Amina BIM",
        "country": "FR",
        "headline": "Ingénieure structure",
        "bio": "Ponts.",
        "skills": ["BIM (Revit, Tekla)", "Gestion de projet", "", "gestion de projet"],
        "availability": "days-year",
        **{f"vis_{group}": "1" for group in FIELD_GROUPS},
    }
    response = client.post("/fr/community/members/me/", form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    profile = Profile.objects.get(user=user)
    assert sorted(profile.skills.names()) == ["BIM (Revit, Tekla)", "Gestion de projet"]
    page = client.get("/fr/community/members/me/").content.decode()
    assert 'type="checkbox" name="skills" value="BIM (Revit, Tekla)" checked' in page
    assert page.count('class="skill-chips__input" name="skills"') == 3  # one new skill per box
    assert '<option value="Développement web"></option>' in page  # taxonomy names, reader's language
    # Unticking a chip removes the skill; the comma inside a skill never splits it.
    client.post("/fr/community/members/me/", {**form, "skills": ["BIM (Revit, Tekla)"]})
    assert list(Profile.objects.get(user=user).skills.names()) == ["BIM (Revit, Tekla)"]


@pytest.mark.django_db(transaction=True)
def test_saving_a_profile_never_waits_for_the_embedding(settings, monkeypatch):
    """Eager tasks (no broker): the request returns while the model is still busy in a thread."""
    from matching import features
    from matching.models import ProfileFeatures
    from privacy.factories import ConsentRecordFactory

    settings.MATCHING_EAGER_THREAD = True
    release, started = threading.Event(), threading.Event()
    real = features.embed_texts

    def slow(texts):
        started.set()
        assert release.wait(30)
        return real(texts)

    monkeypatch.setattr(features, "embed_texts", slow)
    user = UserFactory()
    ConsentRecordFactory(user=user, purpose="matching", granted=True)
    client = _client(user)
    response = client.post(
        "/fr/community/members/me/",
        {
            "display_name": "Nadia Thread",
            "country": "FR",
            "headline": "Développeuse web",
            "skills": ["Développement web"],
            "availability": "days-year",
            **{f"vis_{group}": "1" for group in FIELD_GROUPS},
        },
    )
    assert response.status_code == 302
    assert started.wait(30)  # the embedding began after the response, in the background
    features_row = ProfileFeatures.objects.get(profile__user=user)
    assert features_row.concepts == ["web-development"] and features_row.vector is None
    release.set()
    for thread in threading.enumerate():
        if thread.name == "matching-embed":
            thread.join(30)
    features_row.refresh_from_db()
    assert features_row.vector is not None
