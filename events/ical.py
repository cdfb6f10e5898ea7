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
from django.db.models import QuerySet
from django.utils import translation

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
    from community.profiles.countries import country_name

    parts = [
        event.venue,
        event.address,
        event.city,
        str(country_name(event.country)) if event.country else "",
    ]
    return ", ".join(p for p in parts if p)


def _base(event, *, uid, start, end, sequence, status, link=""):
    from django.urls import reverse

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


def _cache_key(event_id, uid, sequence, updated_at, rows, language) -> str:
    """Changes to an event or its sessions raise its SEQUENCE or its updated_at: either changes the key."""
    signature = _sessions_signature(rows)
    return f"events:vevent:{event_id}:{uid}:{sequence}:{updated_at.timestamp()}:{language}:{signature}"


def _whole_key(name, keys) -> str:
    listing = "|".join([name, *keys])
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


def build_calendar(events, *, name: str, link_starts_by_event=None) -> bytes:
    """A whole calendar: every event's components and the VTIMEZONE of each zone used.

    Serialising with icalendar costs about a millisecond per event, so each event's VEVENTs are
    cached (keyed by its SEQUENCE, updated_at, overridden sessions and the language) and so is the
    whole file. A shared feed (a queryset, no reader's link) is first read as keys only; only the
    events whose VEVENTs are not cached are loaded and written, so a feed where one event changed
    costs that one event. Components that carry the online link for one reader are never cached.
    """
    link_starts_by_event = link_starts_by_event or {}
    language = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(events, QuerySet) and not link_starts_by_event:
        return _build_shared_calendar(events, name=name, language=language)
    events = list(events)
    overrides = occurrence_map([e.id for e in events if e.is_recurring], overridden_only=True)
    parts = []
    for event in events:
        link_starts = link_starts_by_event.get(event.id, frozenset())
        if link_starts:
            parts.append(_event_bytes(event, overrides.get(event.id, {}), link_starts))
            continue
        key = _cache_key(
            event.id, event.uid, event.sequence, event.updated_at, overrides.get(event.id, {}), language
        )
        data = cache.get(key)
        if data is None:
            data = _event_bytes(event, overrides.get(event.id, {}))
            cache.set(key, data, timeout=CACHE_SECONDS)
        parts.append(data)
    return _assemble(name, [e.time_zone for e in events], parts)


def _build_shared_calendar(events: QuerySet, *, name: str, language: str) -> bytes:
    heads = list(events.values_list("id", "uid", "sequence", "updated_at", "time_zone"))
    overrides = occurrence_map([head[0] for head in heads], overridden_only=True)
    keys = {head[0]: _cache_key(*head[:4], overrides.get(head[0], {}), language) for head in heads}
    whole_key = _whole_key(name, keys.values())
    whole = cache.get(whole_key)
    if whole is not None:
        return whole
    cached = cache.get_many(list(keys.values()))
    missing = [event_id for event_id, key in keys.items() if key not in cached]
    if missing:
        fresh = {
            keys[event.id]: _event_bytes(event, overrides.get(event.id, {}))
            for event in events.filter(id__in=missing)
        }
        cache.set_many(fresh, timeout=CACHE_SECONDS)
        cached.update(fresh)
    parts = [cached[key] for key in keys.values() if key in cached]  # an event deleted meanwhile is left out
    data = _assemble(name, [head[4] for head in heads], parts)
    cache.set(whole_key, data, timeout=CACHE_SECONDS)
    return data


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
