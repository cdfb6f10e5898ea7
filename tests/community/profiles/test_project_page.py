"""A project's own page, shared by its holder: who reads it follows the holder's choice."""

import pytest

from accounts.factories import UserFactory
from community.profiles.choices import Visibility
from community.profiles.factories import ProfileFactory, ProjectFactory, RelayCoverageFactory
from community.profiles.models import Project
from core.models import AuditLog
from privacy.factories import ConsentRecordFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Coopérative d'argan solaire",
    "summary": "Séchoirs solaires pour une coopérative d'argan de femmes à Tiznit.",
    "sector": "agriculture",
    "stage": "prototype",
    "region": "souss-massa",
    "funding_need": "100k-1m",
    "visibility": "0",
    "skills_needed": ["Énergie solaire"],
    "help_needed": ["mentoring"],
}

# Who reads the page, for each choice of the holder (holder and staff always do).
READERS = {
    Visibility.PUBLIC: {"visitor", "member", "holder", "moderator", "relay_here"},
    Visibility.MEMBERS: {"member", "holder", "moderator", "relay_here"},
    Visibility.STAFF: {"holder", "moderator", "relay_here"},
}


@pytest.fixture
def holder():
    return ProfileFactory(
        display_name="Samira Ouali", country="FR", vis_name=Visibility.PUBLIC, directory=True
    )


@pytest.fixture
def readers(holder):
    return {
        "visitor": None,
        "member": UserFactory(),
        "holder": holder.user,
        "moderator": UserFactory(roles=["member", "moderator"], two_factor=True),
        "relay_here": RelayCoverageFactory(countries=["FR"]).relay,
        "relay_elsewhere": RelayCoverageFactory(countries=["DE"]).relay,
    }


def _get(client, user, project, language="fr"):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(f"/{language}/community/projects/{project.pk}/")


@pytest.mark.parametrize("visibility", list(READERS))
def test_the_page_is_read_by_whom_the_holder_chose(client, holder, readers, visibility):
    project = ProjectFactory(owner=holder, title="Séchoirs solaires de Tiznit", visibility=visibility)
    seen = set()
    for name, user in readers.items():
        response = _get(client, user, project)
        if response.status_code == 200:
            assert "Séchoirs solaires de Tiznit" in response.content.decode()
            seen.add(name)
        else:
            assert response.status_code == 404 and b"Tiznit" not in response.content
    expected = READERS[visibility] | ({"relay_elsewhere"} if visibility <= Visibility.MEMBERS else set())
    assert seen == expected
    # A private project read by staff leaves a trace in the audit log.
    staff_reads = AuditLog.objects.filter(action="profiles.project_staff_read")
    assert staff_reads.exists() == (visibility == Visibility.STAFF)


def test_the_page_shows_what_the_project_needs_and_who_holds_it(client, holder):
    project = ProjectFactory(
        owner=holder, visibility=Visibility.PUBLIC, funding_need="1m-10m", skills_needed=["Irrigation"]
    )
    html = _get(client, None, project, "ar").content.decode()
    assert 'data-field="skills"' in html and "Irrigation" in html
    assert f'href="/ar/community/members/{holder.pk}/"' in html and "Samira Ouali" in html
    assert 'property="og:title"' in html and 'name="description"' in html
    # Only the holder is offered the edit link.
    assert f"/me/projects/{project.pk}/edit/" not in html


def test_members_only_and_private_pages_carry_no_open_graph_description(client, holder):
    project = ProjectFactory(owner=holder, visibility=Visibility.MEMBERS, summary="Pompes solaires.")
    html = _get(client, UserFactory(), project).content.decode()
    assert "Pompes solaires" in html and "og:description" not in html and 'name="description"' not in html


def test_the_holder_name_follows_its_own_visibility(client):
    holder = ProfileFactory(display_name="Karim Secret", vis_name=Visibility.STAFF, directory=True)
    project = ProjectFactory(owner=holder, visibility=Visibility.PUBLIC, title="Open bakery")
    html = _get(client, UserFactory(), project).content.decode()
    assert "Open bakery" in html and "Karim Secret" not in html


def test_a_holder_without_the_directory_consent_or_hidden_shows_no_page(client):
    unlisted = ProfileFactory(vis_name=Visibility.PUBLIC)  # no directory consent
    project = ProjectFactory(owner=unlisted, visibility=Visibility.PUBLIC)
    assert _get(client, UserFactory(), project).status_code == 404
    assert _get(client, unlisted.user, project).status_code == 200
    listed = ProfileFactory(vis_name=Visibility.PUBLIC, directory=True)
    hidden = ProjectFactory(owner=listed, visibility=Visibility.PUBLIC)
    listed.hidden_at = listed.created_at  # hidden by moderation
    listed.save(update_fields=["hidden_at"])
    assert _get(client, None, hidden).status_code == 404


def test_the_holder_lands_on_the_page_after_saving_and_finds_its_suggestions(client, holder):
    ConsentRecordFactory(user=holder.user, purpose="matching", granted=True)
    client.force_login(holder.user)
    response = client.post("/fr/community/members/me/projects/add/", FORM)
    project = Project.objects.get(owner=holder)
    assert response.status_code == 302 and response["Location"] == f"/fr/community/projects/{project.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert f"/fr/community/members/me/projects/{project.pk}/edit/" in html
    assert f"/fr/matching/projects/{project.pk}/" in html  # the matching app's link, through the slot
    edit = client.post(f"/fr/community/members/me/projects/{project.pk}/edit/", {**FORM, "stage": "launched"})
    assert edit["Location"] == f"/fr/community/projects/{project.pk}/"
    # Another member reads the public page without the holder's links.
    client.force_login(UserFactory())
    html = client.get(f"/fr/community/projects/{project.pk}/").content.decode()
    assert "Tiznit" in html and f"/matching/projects/{project.pk}/" not in html and "/edit/" not in html


def test_the_project_directory_links_to_project_pages(client, holder):
    project = ProjectFactory(owner=holder, visibility=Visibility.PUBLIC)
    html = client.get("/fr/community/members/projects/").content.decode()
    assert f'href="/fr/community/projects/{project.pk}/"' in html
