"""Directories: the consent gate, counts and pagination, relevance, labels, projects; the relay view."""

import pytest

from django.urls import reverse

from accounts.factories import UserFactory
from community.labels.models import Label, LabelGrant
from community.profiles.factories import ProfileFactory, ProjectFactory, RelayCoverageFactory
from community.profiles.selectors import directory_profiles, directory_projects
from privacy.factories import ConsentRecordFactory

pytestmark = pytest.mark.django_db


def test_only_members_whose_latest_decision_grants_the_directory_consent_are_listed():
    listed = ProfileFactory(directory=True)
    never = ProfileFactory()
    withdrawn = ProfileFactory(directory=True)
    ConsentRecordFactory(user=withdrawn.user, purpose="directory", granted=False)
    inactive = ProfileFactory(directory=True)
    inactive.user.is_active = False
    inactive.user.save()
    viewer = UserFactory()
    found = set(directory_profiles(viewer).values_list("pk", flat=True))
    assert found == {listed.pk}
    assert never.pk not in found and withdrawn.pk not in found


def test_counts_and_pagination(client):
    for index in range(23):
        ProfileFactory(directory=True, display_name=f"Member {index:02d}")
    client.force_login(UserFactory())
    response = client.get("/fr/community/members/")
    html = response.content.decode()
    assert "23 membres trouvés" in html
    assert html.count('class="card profile-card"') == 20
    assert "Page 1 sur 2" in html
    second = client.get("/fr/community/members/", {"page": 2}).content.decode()
    assert second.count('class="card profile-card"') == 3 and "Member 22" in second
    one = client.get("/en/community/members/", {"q": "Member 07"}).content.decode()
    assert "members found" in one
    ar = client.get("/ar/community/members/", {"country": "DE"}).content.decode()
    assert "لم يُعثر على أي عضو (0)" in ar


def test_visitors_see_only_members_whose_name_is_public(client):
    public = ProfileFactory(directory=True, vis_name=0, display_name="Public Person")
    ProfileFactory(directory=True, display_name="Members Only Person")
    html = client.get("/fr/community/members/").content.decode()
    assert "Public Person" in html and "Members Only Person" not in html
    assert client.get(reverse("profiles:detail", args=[public.pk])).status_code == 200


def test_a_profile_hidden_from_visitors_is_not_found_by_them(client):
    hidden = ProfileFactory(directory=True)
    assert client.get(reverse("profiles:detail", args=[hidden.pk])).status_code == 404


def test_relevance_orders_by_number_of_matched_terms():
    both = ProfileFactory(
        directory=True, display_name="Zed", headline="Solar energy engineer", skills=["Python"]
    )
    one = ProfileFactory(directory=True, display_name="Alice", headline="Solar installer")
    ProfileFactory(directory=True, display_name="Bob", headline="Baker")
    results = list(directory_profiles(UserFactory(), query="solar python"))
    assert results == [both, one]
    assert results[0].rank > results[1].rank


def test_search_ignores_accents_and_arabic_diacritics():
    found = ProfileFactory(
        directory=True, headline="Ingénieure énergie", display_name="Saïda", name_arabic="سَعِيدَة"
    )
    viewer = UserFactory()
    assert list(directory_profiles(viewer, query="ingenieure")) == [found]
    assert list(directory_profiles(viewer, query="سعيدة")) == [found]


def test_label_badges_show_on_cards_and_filter_the_directory(client):
    label = Label.objects.create(
        slug="verified", name_fr="Compétence vérifiée", name_ar="كفاءة موثقة", name_en="V"
    )
    holder = ProfileFactory(directory=True, display_name="Labelled One")
    ProfileFactory(directory=True, display_name="Plain One")
    LabelGrant.objects.create(user=holder.user, label=label)
    client.force_login(UserFactory())
    html = client.get("/fr/community/members/", {"label": label.pk}).content.decode()
    assert "Labelled One" in html and "Plain One" not in html and "Compétence vérifiée" in html


def test_project_directory_filters_and_visibility(client):
    owner = ProfileFactory(directory=True, display_name="Holder")
    ProjectFactory(owner=owner, title="Argan cooperative", stage="launched", skills_needed=["Export"])
    ProjectFactory(owner=owner, title="Hidden drip line", stage="idea", visibility=3)
    ProjectFactory(owner=ProfileFactory(), title="Not consented")
    member = UserFactory()
    assert [p.title for p in directory_projects(member)] == ["Argan cooperative"]
    assert [p.title for p in directory_projects(member, filters={"stage": "idea"})] == []
    assert [p.title for p in directory_projects(member, filters={"skill": "export"})] == ["Argan cooperative"]
    assert [p.title for p in directory_projects(member, query="argan")] == ["Argan cooperative"]
    assert directory_projects(None).count() == 0  # members-only projects are hidden from visitors
    moderator = UserFactory(roles=["member", "moderator"], two_factor=True)
    assert directory_projects(moderator).count() == 2
    client.force_login(member)
    html = client.get("/fr/community/members/projects/").content.decode()
    assert "Argan cooperative" in html and "1 projet trouvé" in html and "Hidden drip line" not in html


def test_relay_view_lists_members_and_projects_of_covered_countries_with_staff_visibility(client):
    relay = RelayCoverageFactory(countries=["FR"]).relay
    here = ProfileFactory(directory=True, country="FR", display_name="In France", city="Lille")
    ProjectFactory(owner=here, title="French project", visibility=3)
    ProfileFactory(directory=True, country="DE", display_name="In Germany")
    ProfileFactory(country="FR", display_name="No consent")
    client.force_login(relay)
    response = client.get("/fr/community/members/relay/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "In France" in html and "Lille" in html and "French project" in html
    assert "In Germany" not in html and "No consent" not in html


@pytest.mark.parametrize("roles", [["member"], ["member", "moderator"], ["member", "relay"]])
def test_relay_view_is_refused_to_others(client, roles):
    client.force_login(
        UserFactory(roles=roles, two_factor=True)
    )  # a relay with no coverage has nothing to see either
    assert client.get("/fr/community/members/relay/").status_code == 403


def test_relay_view_asks_visitors_to_sign_in(client):
    assert client.get("/fr/community/members/relay/").status_code == 302


def test_pages_render_in_arabic_right_to_left(client):
    profile = ProfileFactory(directory=True)
    ProjectFactory(owner=profile)
    client.force_login(profile.user)
    for url in (
        "/ar/community/members/",
        "/ar/community/members/projects/",
        "/ar/community/members/me/",
        f"/ar/community/members/{profile.pk}/",
        "/ar/community/members/me/projects/add/",
        "/ar/community/members/me/delete/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'dir="rtl"' in response.content.decode()
