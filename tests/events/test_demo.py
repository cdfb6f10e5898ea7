import pytest

from accounts.demo import seed_role_accounts
from community.profiles.demo import seed_profiles
from community.spaces.demo import seed_spaces_and_groups
from events.demo import seed_events
from events.models import RSVP, Event

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_about_thirty_events_once_some_recurring_some_full():
    seed_role_accounts()
    seed_profiles(count=40)
    seed_spaces_and_groups()

    created = seed_events()

    assert 25 <= created <= 35
    events = Event.objects.all()
    assert {e.organiser_kind for e in events} == {"platform", "group", "relay"}
    assert sum(e.is_recurring for e in events) >= 5
    assert RSVP.objects.filter(status="waitlisted").values("occurrence").distinct().count() >= 3
    for event in events.filter(capacity__isnull=False):
        for occurrence in event.occurrences.all():
            assert occurrence.rsvps.filter(status="going").count() <= event.capacity
    assert RSVP.objects.filter(user__email="member@kafaat.localhost").exists()
    assert seed_events() == 0
