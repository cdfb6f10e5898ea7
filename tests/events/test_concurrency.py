"""Many members answer "going" at the same moment: the count never passes capacity (PostgreSQL)."""

import threading

import pytest

from django.db import connection

from accounts.factories import UserFactory
from events import services
from events.factories import EventFactory
from events.models import RSVP

pytestmark = pytest.mark.django_db(transaction=True)

SQLITE_REASON = (
    "SQLite has no row locks (select_for_update is a no-op there) and lets one writer at a time into "
    "the whole database, so concurrent answers fail with 'database is locked' instead of racing; "
    "the race is run on PostgreSQL (DATABASE_URL)."
)


def _in_threads(calls):
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors


def test_simultaneous_answers_fill_the_places_and_queue_the_rest():
    if connection.vendor != "postgresql":
        pytest.skip(SQLITE_REASON)
    event = EventFactory(capacity=5)
    members = [UserFactory() for _ in range(24)]

    errors = _in_threads(
        [
            lambda m=m: services.rsvp_set(user=m, event=event, original_start=event.start, status="going")
            for m in members
        ]
    )

    assert errors == []
    answers = RSVP.objects.filter(occurrence__event=event)
    assert answers.filter(status="going").count() == 5
    assert answers.filter(status="waitlisted").count() == 19

    # Three who got in leave at once while three of those waiting ask again: still never above 5.
    leaving = [a.user for a in answers.filter(status="going")[:3]]
    waiting = [a.user for a in answers.filter(status="waitlisted")[:3]]
    errors = _in_threads(
        [
            lambda m=m: services.rsvp_set(user=m, event=event, original_start=event.start, status="not_going")
            for m in leaving
        ]
        + [
            lambda m=m: services.rsvp_set(user=m, event=event, original_start=event.start, status="going")
            for m in waiting
        ]
    )
    assert errors == []
    assert answers.filter(status="going").count() == 5
    assert answers.filter(status="waitlisted").count() == 16
