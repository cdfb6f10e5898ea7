"""Organiser tools: create and change events from the form, attendee list, CSV export, check-in,
message to attendees, moving and cancelling a session; each refused to anyone else."""

import csv
import io
from datetime import timedelta

import pytest

from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import EDITOR, MEMBER, RELAY
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.notifications.models import Notification
from events import services
from events.factories import EventFactory
from events.models import RSVP, Event
from events.occurrences import session_key, sessions_between

from .conftest import PARIS, next_weekday_at, weekly

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _form(**overrides):
    start = next_weekday_at(19)
    data = {
        "organiser_kind": "group",
        "original_language": "fr",
        "title_fr": "Afterwork des ingénieurs",
        "title_ar": "لقاء المهندسين",
        "mode": "hybrid",
        "venue": "Station F",
        "address": "5 parvis Alan Turing",
        "city": "Paris",
        "country": "FR",
        "online_url": "https://meet.example.org/ingenieurs",
        "start_local": start.strftime("%Y-%m-%dT%H:%M"),
        "end_local": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "time_zone": "Europe/Paris",
        "repeat": "weekly",
        "repeat_interval": "2",
        "visibility": "public",
        "capacity": "30",
        "rsvp_closes_hours": "2",
        "theme": "digital",
        "questions_text": "Votre spécialité ?\n",
    }
    data.update(overrides)
    return data


def test_a_group_moderator_creates_a_fortnightly_hybrid_event():
    owner = UserFactory(roles=[MEMBER])
    group = CommunityGroupFactory(slug="ingenieurs")
    MembershipFactory(user=owner, group=group, role="owner")
    response = _client(owner).post("/fr/events/new/", _form(group=group.id))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.group == group and event.is_recurring and event.questions == ["Votre spécialité ?"]
    local = [
        s.start.astimezone(PARIS)
        for s in sessions_between([event], event.start, event.start + timedelta(days=60))
    ]
    assert [(b - a).days for a, b in zip(local, local[1:], strict=False)] == [14] * (len(local) - 1)
    assert all(moment.hour == 19 for moment in local)


def test_a_plain_member_cannot_organise_and_the_form_says_what_to_fix():
    member = UserFactory(roles=[MEMBER])
    assert _client(member).get("/fr/events/new/").status_code == 403
    editor = UserFactory(roles=[EDITOR], two_factor=True)
    response = _client(editor).post(
        "/fr/events/new/", _form(organiser_kind="platform", city="", online_url="")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "a besoin de sa ville et de son pays" in html and "a besoin de son lien" in html
    assert not Event.objects.exists()


def test_a_relay_needs_the_second_factor_then_organises_as_a_relay():
    relay = UserFactory(roles=[RELAY])
    response = _client(relay).get("/fr/events/new/")
    location = response["Location"]
    assert response.status_code == 302 and ("2fa" in location or "mfa" in location)
    relay = UserFactory(roles=[RELAY], two_factor=True)
    response = _client(relay).post("/fr/events/new/", _form(organiser_kind="relay", repeat=""))
    assert response.status_code == 302
    assert Event.objects.get().relay == relay


@pytest.fixture
def answered():
    start = next_weekday_at(19)
    event = EventFactory(
        start=start,
        end=start + timedelta(hours=2),
        recurrence=weekly(start),
        capacity=2,
        questions=["Secteur ?"],
    )
    people = [UserFactory(first_name=name, last_name="Test") for name in ("Amina", "Karim", "Nadia")]
    for person in people:
        services.rsvp_set(
            user=person, event=event, original_start=start, status="going", answers={"Secteur ?": "Santé"}
        )
    bystander = UserFactory(first_name="Omar", last_name="Absent")
    services.rsvp_set(user=bystander, event=event, original_start=start + timedelta(days=7), status="going")
    return {"event": event, "people": people, "bystander": bystander, "start": start}


def test_attendee_list_and_csv_hold_only_the_people_who_answered_for_the_session(answered):
    event, start = answered["event"], answered["start"]
    organiser = _client(event.created_by)
    base = f"/fr/events/{event.id}/s/{session_key(start)}"
    html = organiser.get(f"{base}/attendees/").content.decode()
    assert "Amina" in html and "Nadia" in html and "Omar" not in html
    response = organiser.get(f"{base}/attendees.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))  # Excel's BOM first
    assert rows[0][0] == "Nom" and rows[0][2] == "Réponse"
    assert response["Cache-Control"] == "private, no-store"
    assert sorted(r[0] for r in rows[1:]) == ["Amina Test", "Karim Test", "Nadia Test"]
    assert {r[2] for r in rows[1:]} == {"Participe", "Sur la liste d’attente"}
    assert {r[4] for r in rows[1:]} == {"Santé"}
    for outsider in (answered["people"][0], UserFactory()):
        assert _client(outsider).get(f"{base}/attendees/").status_code == 403
        assert _client(outsider).get(f"{base}/attendees.csv").status_code == 403
    assert Client().get(f"{base}/attendees.csv").status_code == 302  # to the login page


def test_check_in_at_the_door_only_for_members_who_are_going(answered):
    event, start = answered["event"], answered["start"]
    organiser = _client(event.created_by)
    base = f"/fr/events/{event.id}/s/{session_key(start)}"
    going = RSVP.objects.filter(occurrence__event=event, status="going").first()
    waiting = RSVP.objects.get(occurrence__event=event, status="waitlisted")
    organiser.post(f"{base}/check-in/{going.id}/")
    organiser.post(f"{base}/check-in/{waiting.id}/")
    going.refresh_from_db()
    waiting.refresh_from_db()
    assert going.checked_in_at is not None and waiting.checked_in_at is None
    assert _client(answered["people"][2]).post(f"{base}/check-in/{going.id}/").status_code == 403


def test_a_message_reaches_each_attendee_of_the_session_once(answered):
    event, start = answered["event"], answered["start"]
    base = f"/fr/events/{event.id}/s/{session_key(start)}"
    response = _client(event.created_by).post(
        f"{base}/attendees/", {"message-subject": "Salle changée", "message-body": "Rendez-vous salle 2."}
    )
    assert response.status_code == 302
    messages = Notification.objects.filter(kind="event_message")
    assert sorted(m.recipient.first_name for m in messages) == ["Amina", "Karim", "Nadia"]
    assert all("Salle changée" in m.subject for m in messages)


def test_moving_and_cancelling_a_session_tell_its_attendees_once(answered):
    event, start = answered["event"], answered["start"]
    organiser = _client(event.created_by)
    base = f"/fr/events/{event.id}/s/{session_key(start)}"
    new_start = start + timedelta(days=1)
    organiser.post(
        f"{base}/move/",
        {
            "start_local": new_start.strftime("%Y-%m-%dT%H:%M"),
            "end_local": (new_start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    organiser.post(f"{base}/cancel/")
    organiser.post(f"{base}/cancel/")
    assert Notification.objects.filter(kind="event_session_moved").count() == 3
    assert Notification.objects.filter(kind="event_session_cancelled").count() == 3
    assert not Notification.objects.filter(recipient=answered["bystander"]).exists()
    session = next(s for s in sessions_between([event], start, start + timedelta(days=3)))
    assert session.cancelled and session.moved and session.start == new_start


def test_editing_the_time_moves_the_answered_sessions_with_it(answered):
    event, start = answered["event"], answered["start"]
    response = _client(event.created_by).post(
        f"/fr/events/{event.id}/edit/",
        _form(
            organiser_kind="platform",
            title_fr=event.title_fr,
            start_local=(start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            end_local=(start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            repeat="weekly",
            repeat_interval="1",
            capacity="2",
            questions_text="Secteur ?",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.sequence == 1
    going = RSVP.objects.filter(occurrence__event=event, occurrence__start=start + timedelta(hours=1))
    assert going.count() == 3
    assert Notification.objects.filter(kind="event_changed").count() == 4  # three + the bystander


def test_my_events_lists_answers_and_saves_settings():
    member = UserFactory()
    event = EventFactory(title_fr="Forum emploi")
    services.rsvp_set(user=member, event=event, original_start=event.start, status="interested")
    client = _client(member)
    assert "Forum emploi" in client.get("/fr/events/mine/").content.decode()
    response = client.post("/fr/events/mine/", {"time_zone": "America/Toronto", "remind_1h": "on"})
    assert response.status_code == 302
    member.event_settings.refresh_from_db()
    assert member.event_settings.time_zone == "America/Toronto"
    assert member.event_settings.remind_24h is False
    html = client.get(f"/fr/events/{event.id}/").content.decode()
    assert "America/Toronto" in html
