"""Reads about events. Lists start from ``permissions.visible_events`` so the gate holds everywhere."""

import calendar
from datetime import UTC, date, datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from . import permissions
from .models import RSVP, Event, MemberEventSettings
from .occurrences import session_from_occurrence, sessions_between


def filtered_events(user, *, country="", city="", online=False, group=None, theme="", q=""):
    events = permissions.visible_events(user, Event.objects.select_related("group", "relay", "space"))
    if country:
        events = events.filter(country__iexact=country)
    if city:
        events = events.filter(city__icontains=city)
    if online:
        events = events.filter(mode__in=[Event.Mode.ONLINE, Event.Mode.HYBRID])
    if group is not None:
        events = events.filter(group=group)
    if theme:
        events = events.filter(theme=theme)
    if q:
        events = events.filter(
            Q(title_fr__icontains=q)
            | Q(title_ar__icontains=q)
            | Q(title_en__icontains=q)
            | Q(description_fr__icontains=q)
            | Q(description_ar__icontains=q)
            | Q(description_en__icontains=q)
        )
    return events


def _candidates(events, after, before):
    """Events that may have a session in [after, before): recurring ones, and single ones in range."""
    return events.filter(
        Q(recurrence__isnull=False) & ~Q(recurrence="") & Q(start__lt=before)
        | Q(start__gte=after - timedelta(days=400), start__lt=before + timedelta(days=400))
    )


def upcoming_sessions(user, *, days=92, limit=None, **filters):
    now = timezone.now()
    after, before = now - timedelta(hours=2), now + timedelta(days=days)
    events = _candidates(filtered_events(user, **filters), after, before)
    sessions = [s for s in sessions_between(events, after, before) if s.end >= now]
    return sessions[:limit] if limit else sessions


def month_sessions(user, year: int, month: int, tz, **filters):
    """The month's grid (weeks of days) with the sessions of each day, in ``tz``."""
    first = date(year, month, 1)
    after = datetime(year, month, 1, tzinfo=tz).astimezone(UTC)
    last_day = calendar.monthrange(year, month)[1]
    before = (datetime(year, month, last_day, tzinfo=tz) + timedelta(days=1)).astimezone(UTC)
    events = _candidates(filtered_events(user, **filters), after, before)
    by_day = {}
    for session in sessions_between(events, after, before):
        by_day.setdefault(session.start.astimezone(tz).date(), []).append(session)
    weeks = [
        [(day, day.month == month, by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    return weeks


def group_upcoming(user, group, limit=5):
    return upcoming_sessions(user, group=group, limit=limit, days=180)


def rsvp_of(user, occurrence):
    if occurrence is None or not getattr(user, "is_authenticated", False):
        return None
    return RSVP.objects.filter(occurrence=occurrence, user=user).first()


def rsvp_counts(occurrence) -> dict:
    if occurrence is None:
        return {}
    return dict(occurrence.rsvps.values_list("status").annotate(n=Count("id")).values_list("status", "n"))


def attendees(event, original_start=None):
    """Answers of people who answered (nobody else), for the organisers' list and export."""
    rsvps = (
        RSVP.objects.filter(occurrence__event=event)
        .select_related("user", "occurrence")
        .order_by("occurrence__start", "status", "waitlisted_at", "created_at")
    )
    if original_start is not None:
        rsvps = rsvps.filter(occurrence__original_start=original_start)
    return rsvps


def my_sessions(user, *, include_past_days=0):
    """Sessions the member answered (going, waiting, interested) that they may still see."""
    since = timezone.now() - timedelta(days=include_past_days)
    rsvps = (
        RSVP.objects.filter(
            user=user,
            status__in=[RSVP.Status.GOING, RSVP.Status.WAITLISTED, RSVP.Status.INTERESTED],
            occurrence__end__gte=since,
        )
        .select_related("occurrence__event__group", "occurrence__event__space")
        .order_by("occurrence__start")
    )
    result = []
    for rsvp in rsvps:
        event = rsvp.occurrence.event
        if permissions.can_view(user, event):
            result.append((session_from_occurrence(rsvp.occurrence), rsvp))
    return result


def feed_owner(token: str):
    if not token:
        return None
    row = MemberEventSettings.objects.select_related("user").filter(feed_token=token).first()
    if row is None or not row.user.is_active:
        return None
    return row.user


HOME_SESSIONS = 5


def home_sessions(user, limit: int = HOME_SESSIONS) -> list:
    """The member's next sessions (going, waiting, interested) among the events they may see, in a
    bounded number of queries (the visibility rule is one filter, as on the list)."""
    rsvps = (
        RSVP.objects.filter(
            user=user,
            status__in=[RSVP.Status.GOING, RSVP.Status.WAITLISTED, RSVP.Status.INTERESTED],
            occurrence__end__gte=timezone.now(),
            occurrence__event__in=permissions.visible_events(user),
        )
        .select_related("occurrence__event__group", "occurrence__event__space")
        .order_by("occurrence__start")[:limit]
    )
    return [(session_from_occurrence(rsvp.occurrence), rsvp) for rsvp in rsvps]
