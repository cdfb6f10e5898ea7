"""A member's own data, by token or session; never another member's."""

import pytest

from community.notifications.factories import NotificationFactory
from community.profiles.factories import ProjectFactory
from events.factories import OccurrenceFactory, RSVPFactory


@pytest.mark.parametrize(
    "path", ["/api/v1/me/", "/api/v1/me/projects/", "/api/v1/me/rsvps/", "/api/v1/me/notifications/"]
)
def test_member_endpoints_need_a_signed_in_member(api, db, path):
    response = api.get(path)
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"


def test_own_profile_by_token(member_api, member, other_member):
    body = member_api.get("/api/v1/me/").json()
    assert body["display_name"] == "Amina Member"
    assert "email" not in body


def test_own_profile_by_session(api, member):
    api.force_login(member)
    assert api.get("/api/v1/me/").json()["display_name"] == "Amina Member"


def test_own_projects_only(member_api, member, other_member):
    ProjectFactory(owner=member.profile, title="Mine")
    ProjectFactory(owner=other_member.profile, title="Theirs")
    results = member_api.get("/api/v1/me/projects/").json()["results"]
    assert [p["title"] for p in results] == ["Mine"]


def test_own_rsvps_only(member_api, member, other_member):
    occurrence = OccurrenceFactory(event__title_fr="Rencontre des membres")
    RSVPFactory(occurrence=occurrence, user=member)
    RSVPFactory(occurrence=occurrence, user=other_member, status="interested")
    results = member_api.get("/api/v1/me/rsvps/?lang=fr").json()["results"]
    assert len(results) == 1
    assert results[0]["status"] == "going" and results[0]["session"]["title"] == "Rencontre des membres"


def test_own_notifications_only_with_unread_filter(member_api, member, other_member):
    NotificationFactory(recipient=member, subject="Pour vous")
    NotificationFactory(recipient=member, subject="Déjà lue", read_at="2026-01-01T00:00:00Z")
    NotificationFactory(recipient=other_member, subject="Pas pour vous")
    subjects = [n["subject"] for n in member_api.get("/api/v1/me/notifications/").json()["results"]]
    assert sorted(subjects) == ["Déjà lue", "Pour vous"]
    unread = member_api.get("/api/v1/me/notifications/?unread=true").json()["results"]
    assert [n["subject"] for n in unread] == ["Pour vous"]
