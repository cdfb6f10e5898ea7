"""Expanding events into sessions: the rule in the event's local wall time, minus exceptions, plus overrides.

Pages, the month calendar, RSVPs, reminders and the tests of the feeds all take their sessions from
here, so that what the site lists and what a calendar application expands from the feed agree.
"""

import copy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from dateutil.rrule import rruleset

from django.db.models import Q

from .models import Event, Occurrence


@dataclass
class Session:
    event: Event
    original_start: datetime
    start: datetime
    end: datetime
    cancelled: bool = False
    moved: bool = False
    occurrence: Occurrence | None = None

    @property
    def key(self) -> str:
        return session_key(self.original_start)

    @property
    def local_start(self):
        return self.start.astimezone(self.event.tz)

    @property
    def local_end(self):
        return self.end.astimezone(self.event.tz)


def session_key(original_start: datetime) -> str:
    return original_start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_session_key(key: str) -> datetime | None:
    try:
        return datetime.strptime(key, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _local_naive(moment, tz):
    return moment.astimezone(tz).replace(tzinfo=None)


def _rule_set(event):
    """A dateutil rruleset on naive local wall time (DTSTART counts as the first session, as in RFC 5545)."""
    tz = event.tz
    local_start = _local_naive(event.start, tz)
    rules = rruleset(cache=False)
    for rule in event.recurrence.rrules:
        local_rule = copy.copy(rule)
        if rule.until is not None:
            until = rule.until
            local_rule.until = _local_naive(until, tz) if until.tzinfo else until
        rules.rrule(local_rule.to_dateutil_rrule(dtstart=local_start))
    rules.rdate(local_start)
    return rules


def exception_starts(event) -> set[datetime]:
    if not event.recurrence:
        return set()
    return {
        (exdate if exdate.tzinfo else exdate.replace(tzinfo=UTC)).astimezone(UTC)
        for exdate in event.recurrence.exdates
    }


def series_starts(event, after: datetime, before: datetime) -> list[datetime]:
    """Where the rule puts sessions starting in [after, before), in UTC, exceptions removed."""
    if not event.is_recurring:
        return [event.start] if after <= event.start < before else []
    tz = event.tz
    # A day of margin on both sides covers any UTC offset; the exact bounds are applied below.
    local = _rule_set(event).between(
        _local_naive(after, tz) - timedelta(days=1), _local_naive(before, tz) + timedelta(days=1), inc=True
    )
    excluded = exception_starts(event)
    starts = []
    for naive in local:
        moment = naive.replace(tzinfo=tz).astimezone(UTC)
        if after <= moment < before and moment not in excluded:
            starts.append(moment)
    return starts


def is_series_start(event, moment: datetime) -> bool:
    return moment in series_starts(event, moment - timedelta(seconds=1), moment + timedelta(seconds=1))


def sessions_between(events, after: datetime, before: datetime, overrides=None) -> list[Session]:
    """Every session of ``events`` that starts in [after, before), moved and cancelled ones included.

    ``overrides`` maps event id -> {original_start: Occurrence}; read from the database when not given.
    """
    events = list(events)
    if overrides is None:
        overrides = occurrence_map([e.id for e in events])
    margin = timedelta(days=370)
    sessions = []
    for event in events:
        rows = overrides.get(event.id, {})
        duration = event.duration
        seen = set()
        for original in series_starts(
            event, after - margin if rows else after, before + margin if rows else before
        ):
            row = rows.get(original)
            seen.add(original)
            start, end = (
                (row.start, row.end) if row is not None and row.moved else (original, original + duration)
            )
            if not (after <= start < before):
                continue
            sessions.append(
                Session(
                    event,
                    original,
                    start,
                    end,
                    cancelled=event.is_cancelled or bool(row and row.cancelled),
                    moved=bool(row and row.moved),
                    occurrence=row,
                )
            )
    sessions.sort(key=lambda s: (s.start, s.event.id))
    return sessions


def occurrence_map(event_ids, overridden_only=False) -> dict:
    mapping = {}
    rows = Occurrence.objects.filter(event_id__in=event_ids)
    if overridden_only:
        rows = rows.filter(Q(moved=True) | Q(cancelled=True))
    for row in rows:
        mapping.setdefault(row.event_id, {})[row.original_start] = row
    return mapping


def session_of(event, original_start: datetime) -> Session | None:
    """The session the rule puts at ``original_start`` (None if the rule puts none there)."""
    if not is_series_start(event, original_start):
        return None
    row = Occurrence.objects.filter(event=event, original_start=original_start).first()
    moved = bool(row and row.moved)
    return Session(
        event,
        original_start,
        row.start if moved else original_start,
        row.end if moved else original_start + event.duration,
        cancelled=event.is_cancelled or bool(row and row.cancelled),
        moved=moved,
        occurrence=row,
    )


def session_from_occurrence(row: Occurrence) -> Session:
    event = row.event
    return Session(
        event,
        row.original_start,
        row.start,
        row.end,
        cancelled=event.is_cancelled or row.cancelled,
        moved=row.moved,
        occurrence=row,
    )


def next_session(event, now: datetime | None = None) -> Session | None:
    now = now or datetime.now(UTC)
    sessions = sessions_between([event], now, now + timedelta(days=400))
    live = [s for s in sessions if not s.cancelled]
    return (live or sessions or [None])[0]
