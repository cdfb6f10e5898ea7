"""iCalendar files and feeds, written with icalendar.

One VEVENT per event with a stable UID (the event's UUID), SEQUENCE raised on each material change,
DTSTART/DTEND in the event's own zone (TZID with its VTIMEZONE), RRULE and EXDATE for recurring
events, and one VEVENT with RECURRENCE-ID per moved or cancelled session. The online link appears
only in the sessions the reader is going to (a VEVENT with RECURRENCE-ID for each, when the event
repeats); public feeds never carry it.
"""

import hashlib
from datetime import date
from functools import lru_cache

from icalendar import Calendar, Timezone, vRecur
from icalendar import Event as VEvent
from recurrence import Recurrence, serialize

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from core.countries import country_name

from .models import CalendarEntry, Event
from .occurrences import exception_starts, occurrence_map

PRODID = "-//Kafaat//Events//FR"
CACHE_SECONDS = 24 * 3600


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@lru_cache(maxsize=64)
def _vtimezone(tzid: str) -> Timezone:
    today = date.today()
    return Timezone.from_tzid(
        tzid, first_date=date(today.year - 3, 1, 1), last_date=date(today.year + 6, 1, 1)
    )


def new_calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _location(event) -> str:
    if not event.has_venue:
        return ""
    parts = [
        event.venue,
        event.address,
        event.city,
        str(country_name(event.country)) if event.country else "",
    ]
    return ", ".join(p for p in parts if p)


def _base(event, *, uid, start, end, sequence, status, link=""):

    vevent = VEvent()
    vevent.add("uid", uid)
    vevent.add("dtstamp", event.updated_at)
    vevent.add("sequence", sequence)
    vevent.add("summary", event.title)
    page = absolute(reverse("events:detail", args=[event.id]))
    description = event.description or ""
    if link:
        description = f"{description}\n\n{link}".strip()
    description = f"{description}\n\n{page}".strip()
    vevent.add("description", description)
    vevent.add("url", page)
    location = _location(event)
    if link and not location:
        location = link
    if location:
        vevent.add("location", location)
    tz = event.tz
    vevent.add("dtstart", start.astimezone(tz))
    vevent.add("dtend", end.astimezone(tz))
    vevent.add("status", status)
    return vevent


def _rrule_values(event):
    """The rules as django-recurrence serialises them (UNTIL in UTC, as RFC 5545 asks with a TZID)."""
    for rule in event.recurrence.rrules:
        text = serialize(Recurrence(rrules=[rule])).split("RRULE:", 1)[1]
        yield vRecur.from_ical(text)


def event_components(event, *, overrides=None, link_starts=frozenset()):
    """The VEVENTs of one event: the series, then its moved/cancelled sessions (RECURRENCE-ID)."""
    cancelled = event.is_cancelled
    status = "CANCELLED" if cancelled else "CONFIRMED"
    link = event.online_url if event.has_link else ""
    if not event.is_recurring:
        master_link = link if event.start in link_starts else ""
        return [
            _base(
                event,
                uid=event.ical_uid,
                start=event.start,
                end=event.end,
                sequence=event.sequence,
                status=status,
                link=master_link,
            )
        ]
    master = _base(
        event, uid=event.ical_uid, start=event.start, end=event.end, sequence=event.sequence, status=status
    )
    for rrule in _rrule_values(event):
        master.add("rrule", rrule)
    tz = event.tz
    exdates = sorted(exception_starts(event))
    if exdates:
        master.add("exdate", [moment.astimezone(tz) for moment in exdates])
    components = [master]
    rows = {original: row for original, row in (overrides or {}).items() if row.is_overridden}
    for original in sorted(set(rows) | set(link_starts)):
        row = rows.get(original)
        moved = row is not None and row.moved
        start = row.start if moved else original
        end = row.end if moved else original + event.duration
        session_cancelled = cancelled or bool(row and row.cancelled)
        component = _base(
            event,
            uid=event.ical_uid,
            start=start,
            end=end,
            sequence=event.sequence + (row.sequence if row else 0),
            status="CANCELLED" if session_cancelled else "CONFIRMED",
            link=link if original in link_starts else "",
        )
        component.add("recurrence-id", original.astimezone(tz))
        components.append(component)
    return components


def _sessions_signature(rows) -> str:
    sessions = sorted(
        (
            r.original_start.timestamp(),
            r.start.timestamp(),
            r.end.timestamp(),
            r.moved,
            r.cancelled,
            r.sequence,
        )
        for r in rows.values()
        if r.is_overridden
    )
    return hashlib.blake2b(repr(sessions).encode(), digest_size=8).hexdigest()


# Raise it whenever the VEVENTs written for the same event change (a new property, another layout):
# stored entries written by the previous code then no longer match and are written again.
ENTRY_FORMAT = 1


@lru_cache(maxsize=4)
def _format_tag(site_url: str) -> str:
    return hashlib.blake2b(f"{ENTRY_FORMAT}|{site_url}".encode(), digest_size=4).hexdigest()


def _entry_key(uid, sequence, updated_at, rows) -> str:
    """A change to an event or its sessions raises its SEQUENCE or moves its updated_at: the key changes.
    So does a new entry format or site address (the entries hold the event's link)."""
    tag = _format_tag(settings.SITE_URL)
    return f"{tag}:{uid}:{sequence}:{updated_at.timestamp()}:{_sessions_signature(rows)}"


def _whole_key(name, language, keys: dict) -> str:
    listing = "|".join([name, language, *(f"{event_id}={key}" for event_id, key in keys.items())])
    return "events:calendar:" + hashlib.blake2b(listing.encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=64)
def _vtimezone_bytes(tzid: str) -> bytes:
    return _vtimezone(tzid).to_ical()


def _envelope(name: str) -> tuple[bytes, bytes]:
    head = new_calendar(name).to_ical()
    end = b"END:VCALENDAR\r\n"
    return head[: -len(end)], end


def _event_bytes(event, overrides, link_starts=frozenset()) -> bytes:
    return b"".join(
        component.to_ical()
        for component in event_components(event, overrides=overrides, link_starts=link_starts)
    )


def _assemble(name: str, zones, parts) -> bytes:
    head, end = _envelope(name)
    return b"".join([head, *(_vtimezone_bytes(zone) for zone in sorted(set(zones))), *parts, end])


def _store(written: dict, keys: dict, language: str) -> None:

    rows = [
        CalendarEntry(event_id=event_id, language=language, key=keys[event_id], data=data)
        for event_id, data in written.items()
    ]
    try:
        with transaction.atomic():
            CalendarEntry.objects.bulk_create(
                rows,
                batch_size=500,
                update_conflicts=True,
                unique_fields=["event", "language"],
                update_fields=["key", "data"],
            )
    except IntegrityError:
        pass  # an event deleted meanwhile: this file is served all the same; the next build stores the rest


def _entries(keys: dict, language: str, overrides: dict, load_missing) -> tuple[dict, int]:
    """Each event's VEVENTs, read from its calendar entry; entries missing or stale are written and stored.

    Returns the bytes by event id and how many were written.
    """

    stored = {
        event_id: bytes(data)
        for event_id, key, data in CalendarEntry.objects.filter(
            language=language, event_id__in=list(keys)
        ).values_list("event_id", "key", "data")
        if key == keys.get(event_id)
    }
    missing = [event_id for event_id in keys if event_id not in stored]
    if not missing:
        return stored, 0
    written = {event.id: _event_bytes(event, overrides.get(event.id, {})) for event in load_missing(missing)}
    _store(written, keys, language)
    stored.update(written)
    return stored, len(written)


def build_calendar(events, *, name: str, link_starts_by_event=None) -> bytes:
    """A whole calendar: every event's components and the VTIMEZONE of each zone used.

    Writing VEVENTs with icalendar costs about half a millisecond per event, so each event's are
    stored as a calendar entry per language, written again only when the event or its sessions change
    (and, after a commit, by a task: `calendar_entries_refresh`). A shared feed (a queryset, no
    reader's link) is read as keys first; the whole file is cached under the list of keys. Components
    that carry the online link for one reader are never stored.
    """
    link_starts_by_event = link_starts_by_event or {}
    language = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(events, QuerySet) and not link_starts_by_event:
        return _build_shared_calendar(events, name=name, language=language)
    events = list(events)
    overrides = occurrence_map([e.id for e in events if e.is_recurring], overridden_only=True)
    shared = {e.id: e for e in events if not link_starts_by_event.get(e.id)}
    keys = {
        e.id: _entry_key(e.uid, e.sequence, e.updated_at, overrides.get(e.id, {})) for e in shared.values()
    }
    stored, _written = _entries(keys, language, overrides, lambda ids: [shared[i] for i in ids])
    parts = [
        stored[e.id]
        if e.id in shared
        else _event_bytes(e, overrides.get(e.id, {}), link_starts_by_event[e.id])
        for e in events
    ]
    return _assemble(name, [e.time_zone for e in events], parts)


def _shared_entries(events: QuerySet, language: str):
    heads = list(events.values_list("id", "uid", "sequence", "updated_at", "time_zone"))
    overrides = occurrence_map([head[0] for head in heads], overridden_only=True)
    keys = {head[0]: _entry_key(*head[1:4], overrides.get(head[0], {})) for head in heads}
    return heads, keys, overrides


def _build_shared_calendar(events: QuerySet, *, name: str, language: str) -> bytes:
    heads, keys, overrides = _shared_entries(events, language)
    whole_key = _whole_key(name, language, keys)
    whole = cache.get(whole_key)
    if whole is not None:
        return whole
    stored, _written = _entries(keys, language, overrides, lambda ids: events.filter(id__in=ids))
    parts = [stored[event_id] for event_id in keys if event_id in stored]  # deleted meanwhile: left out
    data = _assemble(name, [head[4] for head in heads], parts)
    cache.set(whole_key, data, timeout=CACHE_SECONDS)
    return data


def calendar_entries_refresh(event_id: int) -> int:
    """Write an event's calendar entries in every site language if they are stale; how many were written.

    Run by a task after an event or one of its sessions changes, so that no feed request pays for it.
    """

    written = 0
    events = Event.objects.filter(id=event_id)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            _heads, keys, overrides = _shared_entries(events, language)
            written += _entries(keys, language, overrides, lambda ids: events)[1]
    return written


def build_personal_calendar(entries, *, name: str) -> bytes:
    """The member's own sessions, one VEVENT each (UID per session), the link where they are going."""
    cal = new_calendar(name)
    zones = sorted({session.event.time_zone for session, _rsvp in entries})
    for zone in zones:
        cal.add_component(_vtimezone(zone))
    for session, rsvp in entries:
        event = session.event
        link = event.online_url if event.has_link and rsvp.status == "going" else ""
        status = (
            "CANCELLED" if session.cancelled else ("CONFIRMED" if rsvp.status == "going" else "TENTATIVE")
        )
        sequence = event.sequence + (session.occurrence.sequence if session.occurrence else 0)
        cal.add_component(
            _base(
                event,
                uid=f"{event.uid}-{session.key}@kafaat",
                start=session.start,
                end=session.end,
                sequence=sequence,
                status=status,
                link=link,
            )
        )
    return cal.to_ical()
