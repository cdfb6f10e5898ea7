"""Clock jumps and daylight-saving changes: reminders and recurring sessions fire once.

The beat runs the reminder tasks every few minutes on the server's clock; here that clock is a list of
instants with an NTP-style step back, a step forward, and the spring DST change in the event's zone.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accompaniment.factories import AdvisorFactory, CaseFactory
from accompaniment.models import Stage, Task
from accompaniment.services import NOTIFICATION_KIND, overdue_tasks_remind
from accompaniment.stages import stages_ensure
from accounts.factories import UserFactory
from community.notifications.models import Notification
from events import services
from events.factories import EventFactory
from events.models import RSVP
from events.reminders import reminders_send
from tests.events.conftest import weekly

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")


def _beat(start: datetime, end: datetime, step=timedelta(minutes=10), jumps=()):
    """The instants a beat on a wrong-footed clock sees: regular steps, and at each (when, by) of
    ``jumps`` the clock is moved by ``by`` (back when negative) and goes on from there."""
    now, pending = start, sorted(jumps)
    while now <= end:
        yield now
        now += step
        if pending and now >= pending[0][0]:
            now += pending.pop(0)[1]


def test_a_weekly_session_across_the_spring_change_is_reminded_once_at_its_local_hour():
    first = datetime(2027, 3, 21, 10, 0, tzinfo=PARIS)  # Sundays 10:00; the clocks change on 28 March
    event = EventFactory(
        title_fr="Café des compétences",
        start=first,
        end=first + timedelta(hours=2),
        recurrence=weekly(first, until=datetime(2027, 4, 4, 23, 0, tzinfo=PARIS)),
    )
    member = UserFactory()
    sessions = [first + timedelta(weeks=n) for n in range(3)]  # the same wall-clock hour each week
    for session in sessions:
        services.rsvp_set(user=member, event=event, original_start=session, status="going")

    sent = 0
    for now in _beat(
        datetime(2027, 3, 19, 23, 0, tzinfo=UTC),
        datetime(2027, 4, 4, 12, 0, tzinfo=UTC),
        jumps=[
            (datetime(2027, 3, 21, 9, 30, tzinfo=UTC), -timedelta(hours=1)),  # NTP steps back an hour
            (datetime(2027, 3, 27, 7, 0, tzinfo=UTC), timedelta(hours=3)),  # a VM resumed 3 h late
            (datetime(2027, 3, 28, 7, 40, tzinfo=UTC), -timedelta(minutes=45)),
        ],
    ):
        sent += reminders_send(now=now)

    assert sent == 6  # a 24-hour and a 1-hour reminder for each of the three sessions
    assert Notification.objects.filter(recipient=member, kind="event_reminder").count() == 6
    for rsvp in RSVP.objects.filter(user=member).select_related("occurrence"):
        start = rsvp.occurrence.start
        assert start.astimezone(PARIS).hour == 10  # 09:00 UTC before the change, 08:00 after
        assert start - timedelta(hours=1) <= rsvp.reminded_1h_at < start
        assert start - timedelta(hours=24) <= rsvp.reminded_24h_at < start
    utc_hours = sorted(r.occurrence.start.astimezone(UTC).hour for r in RSVP.objects.filter(user=member))
    assert utc_hours == [8, 8, 9]


def test_an_overdue_task_is_reminded_once_a_day_even_when_the_clock_steps_back_over_midnight():
    stages_ensure(Stage)  # the default stages (a data migration a transactional test may have flushed)
    advisor = AdvisorFactory()
    case = CaseFactory(advisor=advisor)
    Task.objects.create(case=case, title="Appeler la banque", due_on=date(2027, 3, 1))

    days = [date(2027, 3, 2), date(2027, 3, 3), date(2027, 3, 2), date(2027, 3, 3), date(2027, 3, 4)]
    sent = [overdue_tasks_remind(today=day) for day in days]

    assert sent == [1, 1, 0, 0, 1]  # the step back to the 2nd, and the 3rd again, send nothing
    assert advisor.notifications.filter(kind=NOTIFICATION_KIND).count() == 3
