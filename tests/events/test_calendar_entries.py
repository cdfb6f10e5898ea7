"""Calendar entries: an event's VEVENTs are written per language after it changes, and feeds only
assemble them; a stale entry is never served, and no entry holds an online link."""

from datetime import timedelta

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from events import services
from events.factories import EventFactory
from events.ical import calendar_entries_refresh
from events.models import CalendarEntry, Event

from .conftest import next_weekday_at, weekly

pytestmark = pytest.mark.django_db


def _feed(path="/fr/events/feed.ics", user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content


def _entry(event, language="fr"):
    return bytes(CalendarEntry.objects.get(event=event, language=language).data)


def test_saving_an_event_writes_its_entries_in_every_language_after_the_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title_fr="Forum des talents", title_ar="منتدى الكفاءات", title_en="Talent forum")
    assert set(CalendarEntry.objects.filter(event=event).values_list("language", flat=True)) == {
        "fr",
        "ar",
        "en",
    }
    assert b"SUMMARY:Forum des talents" in _entry(event, "fr")
    assert "SUMMARY:منتدى الكفاءات".encode() in _entry(event, "ar")
    assert b"SUMMARY:Talent forum" in _entry(event, "en")
    assert calendar_entries_refresh(event.id) == 0  # nothing stale: the task does nothing again


def test_a_feed_whose_entries_are_stored_writes_nothing_even_with_an_empty_cache(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory.create_batch(3)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        body = _feed()
    assert body.count(b"BEGIN:VEVENT") == 3
    writes = [
        q["sql"] for q in queries if "calendarentry" in q["sql"].lower() and not q["sql"].startswith("SELECT")
    ]
    assert writes == []


def test_a_change_is_served_at_once_and_its_stale_entry_replaced(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title_fr="Ancien titre")
    assert b"Ancien titre" in _feed()
    # The change's task has not run yet (its commit callbacks are not executed here).
    services.event_update(by=event.created_by, event=event, title_fr="Nouveau titre")
    body = _feed()
    assert b"Nouveau titre" in body
    assert b"Ancien titre" not in body
    assert b"Nouveau titre" in _entry(event)


def test_a_moved_session_is_written_into_the_entry_by_the_task(django_capture_on_commit_callbacks):
    start = next_weekday_at(19)
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(start=start, end=start + timedelta(hours=2), recurrence=weekly(start))
    assert b"RECURRENCE-ID" not in _entry(event, "ar")
    second = start + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_move(
            by=event.created_by,
            event=event,
            original_start=second,
            start=second + timedelta(hours=1),
            end=second + timedelta(hours=3),
        )
    for language in ("fr", "ar", "en"):
        assert _entry(event, language).count(b"RECURRENCE-ID") == 1, language


def test_no_entry_holds_the_online_link_that_an_attendee_file_carries(django_capture_on_commit_callbacks):
    link = "https://meet.example.org/secret-room"
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(mode=Event.Mode.ONLINE, online_url=link, venue="", address="", city="")
    member = UserFactory()
    services.rsvp_set(user=member, event=event, original_start=event.start, status="going")
    assert link.encode() in _feed(f"/fr/events/{event.id}/event.ics", user=member)
    assert link.encode() not in _feed(user=member)
    for entry in CalendarEntry.objects.filter(event=event):
        assert link.encode() not in bytes(entry.data), entry.language


def test_entries_written_for_another_site_address_are_written_again(
    django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory()
    assert b"URL:https://kafaat.example" not in _entry(event)
    settings.SITE_URL = "https://kafaat.example"
    assert b"URL:https://kafaat.example/fr/events/" in _feed()
    assert b"URL:https://kafaat.example/fr/events/" in _entry(event)
