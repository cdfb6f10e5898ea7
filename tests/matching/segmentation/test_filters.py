"""The filter builder: who may be in a segment, what each filter means, counts in the page and JSON."""

from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from community.labels.factories import LabelFactory, LabelGrantFactory
from community.profiles.models import Profile, Project
from matching.segmentation.filters import clean_filters
from matching.segmentation.selectors import segment_count, segment_profiles
from privacy.factories import ConsentRecordFactory

from .conftest import member

pytestmark = pytest.mark.django_db


def _names(filters):
    return sorted(profile.display_name for profile in segment_profiles(filters))


def test_only_members_who_consented_to_matching_with_an_active_visible_profile_are_counted():
    member(display_name="Consented")
    member(display_name="Never asked", consent=None)
    member(display_name="Refused", consent=False)
    withdrawn = member(display_name="Withdrawn")
    ConsentRecordFactory(user=withdrawn.user, purpose="matching", granted=False)  # latest decision wins
    suspended = member(display_name="Suspended")
    suspended.user.is_active = False
    suspended.user.save()
    hidden = member(display_name="Hidden by moderation")
    Profile.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    directory_only = member(display_name="Directory only", consent=None)
    ConsentRecordFactory(user=directory_only.user, purpose="directory", granted=True)

    assert _names({}) == ["Consented"]
    assert segment_count({}) == 1


def test_values_of_one_filter_are_alternatives_and_filters_narrow_together():
    member(display_name="Paris digital", country="FR", sectors=["digital"])
    member(display_name="Madrid digital", country="ES", sectors=["digital"])
    member(display_name="Paris health", country="FR", sectors=["health"])
    assert _names({"country": ["FR", "ES"]}) == ["Madrid digital", "Paris digital", "Paris health"]
    assert _names({"country": ["FR"], "sector": ["digital"]}) == ["Paris digital"]


def test_sector_and_region_read_the_profile_or_one_of_the_projects():
    member(display_name="Declares agriculture", sectors=["agriculture"], region_of_origin="oriental")
    member(
        display_name="Agriculture project in Souss",
        sectors=["digital"],
        region_of_origin="oriental",
        projects=[{"sector": "agriculture", "region": "souss-massa"}],
    )
    member(display_name="Neither", sectors=["digital"], region_of_origin="oriental")
    assert _names({"sector": ["agriculture"]}) == ["Agriculture project in Souss", "Declares agriculture"]
    assert _names({"region": ["souss-massa"]}) == ["Agriculture project in Souss"]
    assert len(_names({"region": ["oriental"]})) == 3  # region of origin


def test_stage_and_funding_read_the_same_project():
    member(
        display_name="Two projects",
        projects=[
            {"stage": "idea", "funding_need": "gt-10m"},
            {"stage": "launched", "funding_need": "lt-100k"},
        ],
    )
    member(display_name="Idea, small need", projects=[{"stage": "idea", "funding_need": "lt-100k"}])
    assert _names({"stage": ["idea"]}) == ["Idea, small need", "Two projects"]
    assert _names({"stage": ["idea"], "funding": ["lt-100k"]}) == ["Idea, small need"]
    assert _names({"funding": ["gt-10m"]}) == ["Two projects"]


def test_audience_contribution_and_label():
    label = LabelFactory(slug="verified-competence")
    mentor = member(display_name="Mentor", contributions=["mentoring"])
    LabelGrantFactory(user=mentor.user, label=label)
    member(display_name="Investor holder", contributions=["investment"], projects=[{}])
    assert _names({"audience": "holders"}) == ["Investor holder"]
    assert _names({"audience": "others"}) == ["Mentor"]
    assert _names({"contribution": ["mentoring", "teaching"]}) == ["Mentor"]
    assert _names({"label": ["verified-competence"]}) == ["Mentor"]


def test_last_activity_is_the_latest_of_login_profile_change_and_project_change():
    long_ago = timezone.now() - timedelta(days=500)
    dormant = member(display_name="Dormant")
    logged_in = member(display_name="Logged in last week")
    project_owner = member(display_name="Changed a project yesterday", projects=[{}])
    for profile in (dormant, logged_in, project_owner):
        Profile.objects.filter(pk=profile.pk).update(updated_at=long_ago)
        type(profile.user).objects.filter(pk=profile.user_id).update(date_joined=long_ago, last_login=None)
    type(logged_in.user).objects.filter(pk=logged_in.user_id).update(
        last_login=timezone.now() - timedelta(days=7)
    )
    Project.objects.filter(owner=project_owner).update(updated_at=timezone.now() - timedelta(days=1))

    assert _names({"activity": "30"}) == ["Changed a project yesterday", "Logged in last week"]
    assert _names({"activity": "dormant"}) == ["Dormant"]


def test_unknown_values_are_dropped_from_saved_filters():
    assert clean_filters({"country": ["FR", "XX"], "stage": "idea", "activity": "7", "email": "x"}) == {
        "country": ["FR"],
        "stage": ["idea"],
    }


def test_the_builder_counts_without_javascript_and_the_json_endpoint_agrees(analyst):
    member(country="FR")
    member(country="FR", sectors=["health"])
    member(country="BE")
    client = Client()
    client.force_login(analyst)

    page = client.get("/fr/matching/segments/new/?country=FR&sector=health")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="segment-count"' in html and "1 membre correspond à ces filtres" in html
    assert 'name="country" value="FR"' in html  # the save form carries the filters applied

    data = client.get("/fr/matching/segments/count/?country=FR").json()
    assert data == {"count": 2, "label": "2 membres correspondent à ces filtres"}
    arabic = client.get("/ar/matching/segments/count/?country=FR").json()
    assert arabic["count"] == 2 and "2" in arabic["label"] and "members" not in arabic["label"]
    assert client.get("/fr/matching/segments/count/?country=XX").status_code == 400


def test_saving_keeps_the_filters_and_the_count(analyst):
    member(country="FR")
    member(country="BE")
    client = Client()
    client.force_login(analyst)
    response = client.post("/fr/matching/segments/new/", {"name": "France", "country": ["FR"], "stage": []})
    segment = analyst.segments.get()
    assert response.status_code == 302 and response["Location"] == f"/fr/matching/segments/{segment.pk}/"
    assert segment.filters == {"country": ["FR"]} and segment.member_count == 1

    missing_name = client.post("/fr/matching/segments/new/", {"name": "", "country": ["FR"]})
    assert missing_name.status_code == 400
    assert 'id="id_name_error"' in missing_name.content.decode() and analyst.segments.count() == 1
