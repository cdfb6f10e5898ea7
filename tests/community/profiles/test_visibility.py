"""Per-field visibility: each kind of viewer × each field group, on every surface that shows a profile."""

import io

import pytest
from PIL import Image

from django.core.files.base import ContentFile
from django.urls import reverse

from community.profiles.permissions import visible_fields
from community.profiles.selectors import directory_profiles

from .conftest import EXPECTED, MATRIX_LEVELS

pytestmark = pytest.mark.django_db

VIEWERS = list(EXPECTED)

PAGE_MARKERS = {
    "about": 'data-field="headline"',
    "photo": "/photo/",
    "skills": 'data-field="skills"',
    "languages": 'data-field="languages"',
    "country": 'data-field="country"',
    "career": 'data-field="education"',
    "origin": 'data-field="origin"',
    "city": 'data-field="city"',
    "links": "https://example.org/nadia",
    "contact": 'data-field="contact"',
}
CARD_MARKERS = {
    "about": "Hydrologist",
    "photo": "/photo/",
    "skills": 'data-field="skills"',
    "country": 'data-field="country"',
    "city": 'data-field="city"',
    "origin": 'data-field="origin"',
}
# Directory filter -> the field group it reads.
FILTERS = {
    "country": ("FR", "country"),
    "city": ("lyon", "city"),
    "region": ("souss-massa", "origin"),
    "language": ("zgh", "languages"),
    "skill": ("gis", "skills"),
    "sector": ("digital", "skills"),
    "contribution": ("mentoring", "skills"),
}


def _jpeg():
    output = io.BytesIO()
    Image.new("RGB", (20, 20), "green").save(output, "JPEG")
    return output.getvalue()


@pytest.fixture
def owner_with_photo(owner):
    owner.photo.save("p.jpg", ContentFile(_jpeg()))
    return owner


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", VIEWERS)
def test_visible_fields_follow_the_viewer(owner, viewers, who):
    assert visible_fields(viewers[who], owner) == EXPECTED[who]


def test_the_owner_sees_every_field_and_defaults_are_protective(owner):
    from community.profiles.models import Profile

    assert visible_fields(owner.user, owner) == set(MATRIX_LEVELS)
    fresh = Profile(user=owner.user)
    assert fresh.vis_city == fresh.vis_links == fresh.vis_contact == 3
    assert fresh.vis_name == fresh.vis_about == fresh.vis_skills == 1


@pytest.mark.parametrize("who", VIEWERS)
def test_profile_page_shows_only_visible_fields(client, owner_with_photo, viewers, who):
    response = _client(client, viewers[who]).get(reverse("profiles:detail", args=[owner_with_photo.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nadia Benali" in html
    for group, marker in PAGE_MARKERS.items():
        assert (marker in html) == (group in EXPECTED[who]), (who, group)
    photo = client.get(reverse("profiles:photo", args=[owner_with_photo.pk]))
    assert photo.status_code == (200 if "photo" in EXPECTED[who] else 404)


@pytest.mark.parametrize("who", VIEWERS)
def test_directory_cards_show_only_visible_fields(client, owner_with_photo, viewers, who):
    response = _client(client, viewers[who]).get(reverse("profiles:directory"))
    html = response.content.decode()
    if who == "blocked":
        assert "Nadia Benali" not in html  # a member who blocked you is not listed to you
        return
    assert "Nadia Benali" in html
    for group, marker in CARD_MARKERS.items():
        assert (marker in html) == (group in EXPECTED[who]), (who, group)


@pytest.mark.parametrize("who", VIEWERS)
@pytest.mark.parametrize("name", FILTERS)
def test_filters_never_match_on_a_field_the_viewer_cannot_see(owner, viewers, who, name):
    value, group = FILTERS[name]
    found = directory_profiles(viewers[who], filters={name: value}).filter(pk=owner.pk).exists()
    assert found == (group in EXPECTED[who] and who != "blocked"), (who, name)


@pytest.mark.parametrize("who", VIEWERS)
def test_text_search_only_reads_visible_fields(owner, viewers, who):
    for query, group in (("hydrologist", "about"), ("hydrology", "skills"), ("benali", "name")):
        found = directory_profiles(viewers[who], query=query).filter(pk=owner.pk).exists()
        assert found == (group in EXPECTED[who] and who != "blocked"), (who, query)


def test_a_filter_through_the_page_hides_the_city_from_members(client, owner, viewers):
    client.force_login(viewers["member"])
    response = client.get(reverse("profiles:directory"), {"city": "Lyon"})
    assert "Nadia Benali" not in response.content.decode()
    client.force_login(viewers["relay_here"])
    response = client.get(reverse("profiles:directory"), {"city": "Lyon"})
    assert "Nadia Benali" in response.content.decode()


def test_the_member_who_blocked_does_not_see_the_blocked_member_listed_either(owner, viewers):
    from community.profiles.factories import ProfileFactory

    blocked = ProfileFactory(user=viewers["blocked"], directory=True, vis_name=0)
    bystander = ProfileFactory(user=viewers["member"], directory=True, vis_name=0)
    listed = set(directory_profiles(owner.user).values_list("pk", flat=True))
    assert bystander.pk in listed and blocked.pk not in listed
