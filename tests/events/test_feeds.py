"""Calendar files and feeds, parsed with vobject (independent of icalendar, which writes them): the
sessions they expand to are the ones the site lists, moved and cancelled sessions included."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject

from django.test import Client

from accounts.factories import UserFactory
from community.groups.factories import CommunityGroupFactory
from events import services
from events.factories import EventFactory
from events.models import Event
from events.occurrences import sessions_between

from .conftest import PARIS, expand_ics, monthly_nth_weekday, site_sessions, weekly

pytestmark = pytest.mark.django_db

WINDOW = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2028, 12, 31, tzinfo=UTC))


def _get(path, user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


@pytest.fixture
def calendar_events():
    """A weekly series across the spring DST change with an exception, a moved and a cancelled
    session; a monthly series in Montreal; a single event in Dubai; a cancelled event."""
    start = datetime(2027, 3, 2, 19, 0, tzinfo=PARIS)
    weekly_event = EventFactory(
        title_fr="Café des compétences",
        start=start,
        end=start + timedelta(hours=2),
        recurrence=weekly(start, until=datetime(2027, 5, 25, 23, 0, tzinfo=PARIS)),
    )
    organiser = weekly_event.created_by
    services.exception_add(
        by=organiser, event=weekly_event, original_start=datetime(2027, 3, 16, 19, tzinfo=PARIS)
    )
    weekly_event.refresh_from_db()
    services.session_move(
        by=organiser,
        event=weekly_event,
        original_start=datetime(2027, 3, 23, 19, tzinfo=PARIS),
        start=datetime(2027, 3, 25, 18, 30, tzinfo=PARIS),
        end=datetime(2027, 3, 25, 20, 0, tzinfo=PARIS),
    )
    services.session_cancel(
        by=organiser, event=weekly_event, original_start=datetime(2027, 4, 6, 19, tzinfo=PARIS)
    )
    montreal = ZoneInfo("America/Toronto")
    monthly_start = datetime(2027, 1, 12, 18, 0, tzinfo=montreal)  # 2nd Tuesday
    monthly = EventFactory(
        title_fr="Rencontre mensuelle de Montréal",
        time_zone="America/Toronto",
        city="Montréal",
        country="CA",
        start=monthly_start,
        end=monthly_start + timedelta(hours=3),
        recurrence=monthly_nth_weekday(monthly_start, count=8),
    )
    dubai = ZoneInfo("Asia/Dubai")
    single = EventFactory(
        title_fr="Forum de Dubaï",
        time_zone="Asia/Dubai",
        start=datetime(2027, 2, 3, 10, tzinfo=dubai),
        end=datetime(2027, 2, 3, 17, tzinfo=dubai),
    )
    cancelled = EventFactory(
        title_fr="Annulé",
        start=datetime(2027, 2, 10, 10, tzinfo=PARIS),
        end=datetime(2027, 2, 10, 12, tzinfo=PARIS),
    )
    services.event_cancel(by=cancelled.created_by, event=cancelled)
    events = [Event.objects.get(pk=e.pk) for e in (weekly_event, monthly, single, cancelled)]
    return events


def test_the_platform_feed_expands_to_the_sessions_the_site_lists(calendar_events):
    data = _get("/fr/events/feed.ics")
    assert expand_ics(data, *WINDOW) == site_sessions(sessions_between(calendar_events, *WINDOW))


def test_the_expansion_really_covers_dst_exceptions_moves_and_cancellations(calendar_events):
    weekly_event = calendar_events[0]
    sessions = {s.original_start: s for s in sessions_between([weekly_event], *WINDOW)}
    local = sorted(s.start.astimezone(PARIS) for s in sessions.values())
    assert all(moment.hour == 19 for moment in local if moment.day != 25)  # 19:00 before and after DST
    assert datetime(2027, 3, 16, 19, tzinfo=PARIS) not in sessions  # the exception
    moved = sessions[datetime(2027, 3, 23, 19, tzinfo=PARIS)]
    assert moved.moved and moved.start == datetime(2027, 3, 25, 18, 30, tzinfo=PARIS)
    assert sessions[datetime(2027, 4, 6, 19, tzinfo=PARIS)].cancelled
    assert len(sessions) == 12  # 13 Tuesdays from 2 March to 25 May, less the exception


def test_each_event_file_and_the_group_feed_expand_like_the_site(calendar_events):
    for event in calendar_events:
        data = _get(f"/fr/events/{event.id}/event.ics")
        assert expand_ics(data, *WINDOW) == site_sessions(sessions_between([event], *WINDOW))
    group = CommunityGroupFactory(slug="montreal")
    Event.objects.filter(pk=calendar_events[1].pk).update(group=group)
    data = _get("/fr/events/groups/montreal/feed.ics")
    assert expand_ics(data, *WINDOW) == site_sessions(
        sessions_between([Event.objects.get(pk=calendar_events[1].pk)], *WINDOW)
    )


def test_the_personal_feed_lists_the_members_sessions(calendar_events):
    member = UserFactory()
    weekly_event = calendar_events[0]
    sessions = [s for s in sessions_between([weekly_event], *WINDOW) if not s.cancelled]
    from django.utils import timezone

    # The fixed 2027 dates are in the future of the test run; answer for two of them.
    assert sessions[0].start > timezone.now()
    for session in sessions[:2]:
        services.rsvp_set(
            user=member, event=weekly_event, original_start=session.original_start, status="going"
        )
    token = services.feed_token_renew(user=member)
    data = _get(f"/fr/events/my/{token}.ics")
    expected = site_sessions(sessions[:2], uid_of=lambda s: f"{s.event.uid}-{s.key}@kafaat")
    assert expand_ics(data, *WINDOW) == expected


def test_uid_is_stable_sequence_rises_on_change_and_cancellation_is_marked(calendar_events):
    single = calendar_events[2]
    first = vobject.readOne(_get(f"/fr/events/{single.id}/event.ics").decode()).vevent
    services.event_update(by=single.created_by, event=single, venue="Palais des congrès")
    services.event_update(by=single.created_by, event=Event.objects.get(pk=single.pk), title_en="Dubai forum")
    second = vobject.readOne(_get(f"/fr/events/{single.id}/event.ics").decode()).vevent
    assert second.uid.value == first.uid.value
    assert int(second.sequence.value) == int(first.sequence.value) + 1  # the title is not a material change
    services.event_cancel(by=single.created_by, event=Event.objects.get(pk=single.pk))
    third = vobject.readOne(_get(f"/fr/events/{single.id}/event.ics").decode()).vevent
    assert third.status.value == "CANCELLED" and int(third.sequence.value) == int(second.sequence.value) + 1


def test_times_carry_their_zone_with_a_vtimezone_for_each(calendar_events):
    data = _get("/fr/events/feed.ics").decode()
    calendar = vobject.readOne(data)
    zones = {tz.tzid.value for tz in calendar.vtimezone_list}
    assert zones == {"Europe/Paris", "America/Toronto", "Asia/Dubai"}
    assert "DTSTART;TZID=Asia/Dubai:20270203T100000" in data
    assert "RRULE:FREQ=MONTHLY;COUNT=8;BYDAY=2TU" in data
    assert "EXDATE;TZID=Europe/Paris:20270316T190000" in data
    assert "RECURRENCE-ID;TZID=Europe/Paris:20270323T190000" in data


def test_feeds_speak_the_language_of_their_address(calendar_events):
    single = calendar_events[2]
    Event.objects.filter(pk=single.pk).update(title_ar="منتدى دبي", title_en="")
    assert "منتدى دبي" in _get("/ar/events/feed.ics").decode()
    assert "Forum de Dubaï" in _get("/fr/events/feed.ics").decode()
    assert "Forum de Dubaï" in _get("/en/events/feed.ics").decode()  # no English title: the original


def test_vtimezones_agree_with_the_zone_database(calendar_events):
    """Every transition a VTIMEZONE lists switches to the offset the IANA database gives (read from
    the raw text: no iCalendar library in between)."""
    text = _get("/fr/events/feed.ics").decode().replace("\r\n ", "")
    checked, tzid, onsets, offset = 0, None, [], None
    for line in text.split("\r\n"):
        name, _sep, value = line.partition(":")
        if name == "TZID":
            tzid = value
        elif name in ("DTSTART", "RDATE") and tzid:
            onsets += [datetime.strptime(v, "%Y%m%dT%H%M%S") for v in value.split(",")]
        elif name == "TZOFFSETTO":
            sign = -1 if value.startswith("-") else 1
            offset = sign * timedelta(hours=int(value[1:3]), minutes=int(value[3:5]))
        elif line in ("END:STANDARD", "END:DAYLIGHT"):
            for onset in onsets:
                assert (onset + timedelta(hours=1)).replace(tzinfo=ZoneInfo(tzid)).utcoffset() == offset, (
                    tzid,
                    onset,
                )
                checked += 1
            onsets = []
        elif line == "END:VTIMEZONE":
            tzid = None
    assert checked > 30  # Paris and Toronto: 19 transitions each over the years covered; Dubai: none
