"""Suggestions for a project and for a competence: ranking, reasons in the viewer's language, and every
exclusion (consent, blocks, moderation, visibility) on each surface (selectors and pages)."""

import pytest

from django.test import Client
from django.utils import timezone, translation

from accounts.factories import UserFactory
from community.moderation.models import Block
from community.profiles.choices import Visibility
from community.profiles.factories import RelayCoverageFactory
from matching import selectors
from matching.features import profile_features_refresh
from privacy.factories import ConsentRecordFactory

from .conftest import competence, consent, project_of

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _project_page(holder, project, language="fr"):
    return _client(holder.user).get(f"/{language}/matching/projects/{project.pk}/")


def _ids(suggestions):
    return [item.profile.pk for item in suggestions]


def test_the_best_fit_comes_first_across_languages_with_its_reasons(
    holder, web_project, web_developer, cardiologist
):
    with translation.override("en"):
        suggestions = selectors.competences_for_project(holder.user, web_project)
    assert _ids(suggestions)[:2] == [web_developer.pk, cardiologist.pk]
    best = suggestions[0]
    codes = [reason["code"] for reason in best.reason_data]
    assert codes[:3] == ["skills", "semantic", "sector"]
    assert {"help", "languages", "origin", "country", "availability"} <= set(codes)
    assert best.reasons[0] == "covers 2 of 2 listed needs: Digital marketing, Web development"


def test_reasons_are_worded_in_the_viewers_language(holder, web_project, web_developer):
    page = _project_page(holder, web_project, "ar")
    text = page.content.decode()
    assert page.status_code == 200
    with translation.override("ar"):
        expected = translation.ngettext(
            "covers %(covered)s of %(needed)s listed need: %(skills)s",
            "covers %(covered)s of %(needed)s listed needs: %(skills)s",
            2,
        ) % {"covered": 2, "needed": 2, "skills": "التسويق الرقمي، تطوير الويب"}
    assert expected != "covers 2 of 2 listed needs: التسويق الرقمي، تطوير الويب"
    assert expected in text
    assert "تطوير الويب" in text and "Nadia Web" in text


def test_a_member_without_the_matching_consent_is_never_suggested(holder, web_project, web_developer):
    other = competence(matching=False, skills=["Développement web"], display_name="No Consent")
    withdrawn = competence(skills=["Développement web"], display_name="Withdrawn Later")
    ConsentRecordFactory(user=withdrawn.user, purpose="matching", granted=False)
    ids = _ids(selectors.competences_for_project(holder.user, web_project))
    assert web_developer.pk in ids and other.pk not in ids and withdrawn.pk not in ids
    page = _project_page(holder, web_project).content.decode()
    assert "No Consent" not in page and "Withdrawn Later" not in page and "Nadia Web" in page


def test_a_member_without_consent_is_shown_no_suggestion(web_project, web_developer):
    holder = web_project.owner
    ConsentRecordFactory(user=holder.user, purpose="matching", granted=False)
    assert selectors.competences_for_project(holder.user, web_project) == []
    assert _project_page(holder, web_project).status_code == 403
    assert _client(web_developer.user).get("/fr/matching/me/").status_code == 200
    ConsentRecordFactory(user=web_developer.user, purpose="matching", granted=False)
    assert _client(web_developer.user).get("/fr/matching/me/").status_code == 403
    hub = _client(web_developer.user).get("/fr/matching/").content.decode()
    assert 'href="/fr/account/#consents"' in hub  # where the member changes their mind


@pytest.mark.parametrize("blocker", ["holder", "competence"])
def test_members_who_blocked_each_other_never_meet(holder, web_project, web_developer, blocker):
    if blocker == "holder":
        Block.objects.create(blocker=holder.user, blocked=web_developer.user)
    else:
        Block.objects.create(blocker=web_developer.user, blocked=holder.user)
    assert web_developer.pk not in _ids(selectors.competences_for_project(holder.user, web_project))
    assert "Nadia Web" not in _project_page(holder, web_project).content.decode()
    assert selectors.projects_for_profile(web_developer.user, web_developer) == []
    page = _client(web_developer.user).get("/fr/matching/me/").content.decode()
    assert web_project.title not in page


def test_a_profile_hidden_by_moderation_is_not_suggested_and_sees_nothing(holder, web_project, web_developer):
    web_developer.hidden_at = timezone.now()
    web_developer.save()
    assert web_developer.pk not in _ids(selectors.competences_for_project(holder.user, web_project))
    assert "Nadia Web" not in _project_page(holder, web_project).content.decode()
    assert _client(web_developer.user).get("/fr/matching/me/").status_code == 403


def test_a_profile_whose_name_the_holder_may_not_see_is_not_suggested(holder, web_project, web_developer):
    web_developer.vis_name = Visibility.STAFF
    web_developer.save()
    assert web_developer.pk not in _ids(selectors.competences_for_project(holder.user, web_project))
    assert "Nadia Web" not in _project_page(holder, web_project).content.decode()


def test_reasons_leave_out_fields_the_holder_may_not_see(holder, web_project, web_developer):
    web_developer.vis_languages = Visibility.STAFF
    web_developer.vis_origin = Visibility.STAFF
    web_developer.vis_city = Visibility.STAFF
    web_developer.save()
    best = selectors.competences_for_project(holder.user, web_project)[0]
    codes = [reason["code"] for reason in best.reason_data]
    assert "languages" not in codes and "origin" not in codes
    text = _project_page(holder, web_project, "en").content.decode()
    assert "Lyon" not in text and "speaks" not in text and "Souss-Massa, where your project is" not in text
    assert "lives in France, like you" in text


def test_only_the_holder_sees_a_projects_suggestions(web_project, web_developer):
    assert _client(web_developer.user).get(f"/fr/matching/projects/{web_project.pk}/").status_code == 403
    assert selectors.competences_for_project(web_developer.user, web_project) == []
    assert Client().get(f"/fr/matching/projects/{web_project.pk}/").status_code == 302  # to log in


def test_a_competence_sees_projects_it_could_help_with_reasons(
    holder, web_project, web_developer, cardiologist
):
    suggestions = selectors.projects_for_profile(web_developer.user, web_developer)
    assert [item.project.pk for item in suggestions] == [web_project.pk]
    page = _client(web_developer.user).get("/en/matching/me/").content.decode()
    assert web_project.title in page
    assert "you cover 2 of the 2 needs it lists: Digital marketing, Web development" in page
    assert "the project holder speaks Arabic, French" in page
    french = _client(web_developer.user).get("/fr/matching/me/").content.decode()
    assert "vous couvrez 2 des 2 besoins qu&#x27;il liste : Marketing digital, Développement web" in french


def test_projects_the_member_may_not_see_or_whose_holder_left_matching_are_not_suggested(
    holder, web_project, web_developer
):
    web_project.visibility = Visibility.STAFF
    web_project.save()
    assert selectors.projects_for_profile(web_developer.user, web_developer) == []
    web_project.visibility = Visibility.MEMBERS
    web_project.save()
    ConsentRecordFactory(user=holder.user, purpose="matching", granted=False)
    assert selectors.projects_for_profile(web_developer.user, web_developer) == []
    assert web_project.title not in _client(web_developer.user).get("/fr/matching/me/").content.decode()


def test_the_holders_name_shows_only_when_the_member_may_see_it(holder, web_project, web_developer):
    page = _client(web_developer.user).get("/en/matching/me/").content.decode()
    assert "By Karim Holder" in page
    holder.vis_name = Visibility.STAFF
    holder.save()
    page = _client(web_developer.user).get("/en/matching/me/").content.decode()
    assert web_project.title in page and "Karim Holder" not in page


def test_a_member_is_never_suggested_to_themselves(holder, web_project):
    holder.skills.set(["Développement web", "Marketing digital"])
    profile_features_refresh(holder.pk)
    assert holder.pk not in _ids(selectors.competences_for_project(holder.user, web_project))
    assert selectors.projects_for_profile(holder.user, holder) == []


def test_programmes_of_the_projects_sector_open_to_the_holders_country(holder, web_project):
    from wagtail.models import Page

    from cms import factories

    root = Page.get_first_root_node()
    locale = factories.locale("fr")
    home = factories.HomePageFactory(parent=root, slug="accueil", locale=locale)
    index = factories.ProgrammeIndexPageFactory(parent=home, slug="programmes")
    open_to_france = factories.ProgrammePageFactory(
        parent=index, title="Startups numériques", slug="numerique", sectors=["digital"], countries=["FR"]
    )
    factories.ProgrammePageFactory(
        parent=index, title="Numérique Canada", slug="canada", sectors=["digital"], countries=["CA"]
    )
    factories.ProgrammePageFactory(parent=index, title="Santé", slug="sante", sectors=["health"])
    with translation.override("fr"):
        programmes = selectors.programmes_for_project(holder.user, web_project)
    assert [item.page.pk for item in programmes] == [open_to_france.pk]
    page = _project_page(holder, web_project).content.decode()
    assert "Startups numériques" in page and "Numérique Canada" not in page and "Santé" not in page


def test_relays_who_follow_the_holders_country(holder, web_project):
    in_france = RelayCoverageFactory(countries=["FR", "BE"])
    RelayCoverageFactory(countries=["DE"])
    relays = selectors.relays_for_project(holder.user, web_project)
    assert [item.user.pk for item in relays] == [in_france.relay.pk]
    Block.objects.create(blocker=holder.user, blocked=in_france.relay)
    assert selectors.relays_for_project(holder.user, web_project) == []


def test_the_hub_lists_the_members_projects_and_says_when_features_are_pending(holder):
    project = project_of(holder, features=False, title="Projet sans calcul")
    client = _client(holder.user)
    hub = client.get("/fr/matching/").content.decode()
    assert f"/fr/matching/projects/{project.pk}/" in hub
    page = client.get(f"/fr/matching/projects/{project.pk}/")
    assert page.status_code == 200 and 'role="status"' in page.content.decode()


def _main(response):
    """The page's own content, without the site menus (which offer suggestions to every member)."""
    page = response.content.decode()
    return page[page.index('<main id="main"') : page.index("</main>")]


def test_the_owners_profile_page_links_to_matching_only_for_a_consenting_owner(holder):
    page = _main(_client(holder.user).get(f"/fr/community/members/{holder.pk}/"))
    assert 'href="/fr/matching/"' in page
    other = UserFactory()
    consent(other, granted=False)
    assert 'href="/fr/matching/"' not in _main(_client(other).get(f"/fr/community/members/{holder.pk}/"))
