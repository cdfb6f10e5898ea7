from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from recurrence import MONTHLY, WEEKLY, Recurrence, Rule, Weekday

from accounts.factories import UserFactory
from accounts.roles import MEMBER
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.spaces.factories import (
    CharterVersionFactory,
    LabelFactory,
    SpaceFactory,
    charter_acceptance,
    label_grant,
)
from events.factories import EventFactory
from events.models import Event

PARIS = ZoneInfo("Europe/Paris")


def weekly(start, *, until=None, exdates=(), interval=1):
    local = start  # an aware datetime in the event's own zone
    return Recurrence(
        rrules=[Rule(WEEKLY, interval=interval, byday=[Weekday(local.weekday())], until=until)],
        exdates=list(exdates),
    )


def monthly_nth_weekday(start, *, count=None):
    local = start  # an aware datetime in the event's own zone
    nth = (local.day - 1) // 7 + 1
    return Recurrence(rrules=[Rule(MONTHLY, byday=[Weekday(local.weekday(), nth)], count=count)])


def next_weekday_at(hour, days=10):
    day = (datetime.now(UTC) + timedelta(days=days)).astimezone(PARIS).date()
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=PARIS)


def _zoned(moment, prop):
    """The wall time vobject read, placed in the IANA zone its TZID names.

    vobject turns each VTIMEZONE into dateutil's ``tzical``, which only follows RRULE transitions;
    icalendar writes transitions as RDATE lists (valid RFC 5545), so the offsets vobject would apply
    are wrong after the first change. Calendar applications resolve an IANA TZID by name, and so do
    we here; ``test_vtimezones_agree_with_the_zone_database`` checks the VTIMEZONE itself.
    """
    tzid = getattr(moment.tzinfo, "_tzid", None)  # vobject keeps the TZID on its tzicalvtz objects
    return moment.replace(tzinfo=ZoneInfo(tzid)) if tzid else moment


def expand_ics(data: bytes, after, before):
    """Sessions an independent parser (vobject, with dateutil) finds in a calendar file.

    Returns {(uid, start_utc): (end_utc, status)}: the series expanded (RRULE, RDATE, EXDATE), then
    each RECURRENCE-ID component replacing the session it overrides.
    """
    calendar = vobject.readOne(data.decode())
    found, overrides = {}, []
    for vevent in getattr(calendar, "vevent_list", []):
        uid = vevent.uid.value
        status = vevent.status.value if hasattr(vevent, "status") else "CONFIRMED"
        start, end = _zoned(vevent.dtstart.value, vevent.dtstart), _zoned(vevent.dtend.value, vevent.dtend)
        if hasattr(vevent, "recurrence_id"):
            original = _zoned(vevent.recurrence_id.value, vevent.recurrence_id)
            overrides.append((uid, original, start, end, status))
            continue
        duration = end - start
        if hasattr(vevent, "rrule"):
            moments = [
                _zoned(moment, vevent.dtstart)
                for moment in vevent.getrruleset(addRDate=True).between(
                    after - timedelta(days=400), before + timedelta(days=400), inc=True
                )
            ]
        else:
            moments = [start]
        for moment in moments:
            found[(uid, moment.astimezone(UTC))] = (moment + duration, status)
    for uid, original, start, end, status in overrides:
        found.pop((uid, original.astimezone(UTC)), None)
        found[(uid, start.astimezone(UTC))] = (end, status)
    return {
        key: (end.astimezone(UTC), status) for key, (end, status) in found.items() if after <= key[1] < before
    }


def site_sessions(sessions, uid_of=lambda s: s.event.ical_uid):
    return {
        (uid_of(s), s.start.astimezone(UTC)): (
            s.end.astimezone(UTC),
            "CANCELLED" if s.cancelled else "CONFIRMED",
        )
        for s in sessions
    }


@pytest.fixture
def world(db):
    """An event of each visibility, a group with a member, a gated space with an admitted member."""
    organiser = UserFactory(roles=[MEMBER])
    group = CommunityGroupFactory(slug="paris-tech", created_by=organiser)
    MembershipFactory(user=organiser, group=group, role="owner")
    group_member = UserFactory(roles=[MEMBER])
    MembershipFactory(user=group_member, group=group)
    label = LabelFactory(slug="verified-competence")
    version = CharterVersionFactory()
    space = SpaceFactory(slug="investor-club", labels=[label], charter=version.charter)
    admitted = UserFactory(roles=[MEMBER])
    label_grant(admitted, label)
    charter_acceptance(admitted, version)
    labelled_only = UserFactory(roles=[MEMBER])  # holds the label but never accepted the charter
    label_grant(labelled_only, label)
    start = next_weekday_at(19)
    common = {"start": start, "end": start + timedelta(hours=2), "created_by": organiser}
    events = {
        "public": EventFactory(title_fr="Apéro public", **common),
        "members": EventFactory(title_fr="Soirée des membres", visibility=Event.Visibility.MEMBERS, **common),
        "group": EventFactory(
            title_fr="Atelier du groupe",
            organiser_kind=Event.OrganiserKind.GROUP,
            group=group,
            visibility=Event.Visibility.GROUP,
            **common,
        ),
        "space": EventFactory(
            title_fr="Tour de table secret",
            visibility=Event.Visibility.SPACE,
            space=space,
            group=group,
            organiser_kind=Event.OrganiserKind.GROUP,
            **common,
        ),
    }
    return {
        "organiser": organiser,
        "group": group,
        "group_member": group_member,
        "space": space,
        "admitted": admitted,
        "labelled_only": labelled_only,
        "member": UserFactory(roles=[MEMBER]),
        "events": events,
    }
