"""Writes about events: creation and changes, sessions, RSVPs with capacity and waitlist, check-in,
messages to attendees, member settings and feed secrets.

RSVPs lock the session's row (``select_for_update``) before counting who is going, so that answers
arriving at the same moment are taken one after the other and the count never passes capacity.
Notices are worded in each recipient's language and sent once per person and change.
"""

from datetime import UTC, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.notifications.services import in_language_of, notify
from core.conversions import conversion_send

from . import notifications, permissions
from .models import RSVP, Event, MemberEventSettings, Occurrence, _new_token
from .occurrences import session_key, session_of, sessions_between

Status = RSVP.Status
ATTENDING = [Status.GOING, Status.WAITLISTED, Status.INTERESTED]
# Changing one of these fields is a change attendees hear about (and calendars see: SEQUENCE + 1).
MATERIAL_FIELDS = {
    "start",
    "end",
    "time_zone",
    "mode",
    "venue",
    "address",
    "city",
    "country",
    "online_url",
    "recurrence",
}


class EventError(Exception):
    """A refused action; the message is already worded for the member."""


def session_url(event, original_start) -> str:
    return reverse("events:session", args=[event.id, session_key(original_start)])


def event_url(event) -> str:
    return reverse("events:detail", args=[event.id])


# --- Events --------------------------------------------------------------------------------------


def _check_organiser_fields(by, fields):
    kind = fields.get("organiser_kind")
    if kind not in permissions.organiser_kinds_for(by):
        raise EventError(_("You cannot organise this kind of event."))
    if kind == Event.OrganiserKind.GROUP:
        group = fields.get("group")
        if group is None:
            raise EventError(_("Choose the group that organises the event."))
        if not permissions.is_platform_organiser(by) and group.id not in permissions.organisable_group_ids(
            by
        ):
            raise EventError(_("Only the group's moderators can organise its events."))
    if kind == Event.OrganiserKind.RELAY:
        fields["relay"] = by
    if fields.get("visibility") == Event.Visibility.GROUP and fields.get("group") is None:
        raise EventError(_("An event for a group's members needs a group."))
    if fields.get("visibility") == Event.Visibility.SPACE and fields.get("space") is None:
        raise EventError(_("An event for a gated space needs the space."))


@transaction.atomic
def event_create(*, by, **fields) -> Event:
    _check_organiser_fields(by, fields)
    if fields["end"] <= fields["start"]:
        raise EventError(_("The end must come after the start."))
    return Event.objects.create(created_by=by, **fields)


def _attendees(event, *, after=None, statuses=ATTENDING, original_start=None):
    """Distinct members with an answer among ``statuses`` for sessions not over yet."""
    rsvps = RSVP.objects.filter(occurrence__event=event, status__in=statuses).select_related("user")
    if original_start is not None:
        rsvps = rsvps.filter(occurrence__original_start=original_start)
    else:
        rsvps = rsvps.filter(occurrence__end__gte=after or timezone.now())
    users = {}
    for rsvp in rsvps.order_by("id"):
        users.setdefault(rsvp.user_id, rsvp.user)
    return list(users.values())


def _notify_all(users, kind, params):
    """One notification per person, worded in their language when read (events/notifications.py)."""
    for user in users:
        notify(recipient=user, kind=kind, params=params)


@transaction.atomic
def event_update(*, by, event, **fields) -> Event:
    """Change an event. Material changes raise SEQUENCE and are told once to everyone who answered."""
    if not permissions.can_organise(by, event):
        raise EventError(_("Only the event's organisers can do this."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise EventError(_("This event is cancelled."))
    old_start, old_end = event.start, event.end
    changed = set()
    for name, value in fields.items():
        if getattr(event, name) != value:
            setattr(event, name, value)
            changed.add(name)
    if event.end <= event.start:
        raise EventError(_("The end must come after the start."))
    if not changed:
        return event
    material = bool(changed & MATERIAL_FIELDS)
    if material:
        event.sequence += 1
    event.updated_at = timezone.now()
    event.save()
    if event.start != old_start or event.end != old_end:
        _shift_sessions(event, event.start - old_start)
    if "capacity" in changed:
        for occurrence in event.occurrences.filter(end__gte=timezone.now()):
            _promote(Occurrence.objects.select_for_update().get(pk=occurrence.pk))
    if material:
        _notify_all(_attendees(event), notifications.CHANGED, notifications.event_params(event))
    return event


def _shift_sessions(event, delta):
    """Sessions already answered follow the event's new time (moved ones keep theirs)."""
    duration = event.duration
    rows = list(event.occurrences.order_by("-original_start" if delta > timedelta(0) else "original_start"))
    for row in rows:
        row.original_start = row.original_start + delta
        if not row.moved:
            row.start = row.original_start
            row.end = row.original_start + duration
        row.save(update_fields=["original_start", "start", "end"])


@transaction.atomic
def event_cancel(*, by, event) -> bool:
    """Cancel the whole event; attendees are told once (cancelling again does nothing)."""
    if not permissions.can_organise(by, event):
        raise EventError(_("Only the event's organisers can do this."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        return False
    event.status = Event.Status.CANCELLED
    event.sequence += 1
    event.updated_at = timezone.now()
    event.save(update_fields=["status", "sequence", "updated_at"])
    _notify_all(_attendees(event), notifications.CANCELLED, notifications.event_params(event))
    return True


# --- Sessions ------------------------------------------------------------------------------------


def _session_or_error(event, original_start):
    session = session_of(event, original_start)
    if session is None:
        raise EventError(_("This session does not exist."))
    return session


def _occurrence_locked(event, session) -> Occurrence:
    """The session's row, created if needed, locked until the end of the transaction."""
    occurrence, _created = Occurrence.objects.get_or_create(
        event=event,
        original_start=session.original_start,
        defaults={"start": session.start, "end": session.end},
    )
    return Occurrence.objects.select_for_update().get(pk=occurrence.pk)


@transaction.atomic
def session_cancel(*, by, event, original_start) -> bool:
    """Cancel one session of a recurring event; its attendees are told once."""
    if not permissions.can_organise(by, event):
        raise EventError(_("Only the event's organisers can do this."))
    if not event.is_recurring:
        raise EventError(_("This event has a single session: cancel the event itself."))
    session = _session_or_error(event, original_start)
    occurrence = _occurrence_locked(event, session)
    if occurrence.cancelled:
        return False
    occurrence.cancelled = True
    occurrence.sequence += 1
    occurrence.save(update_fields=["cancelled", "sequence"])
    Event.objects.filter(pk=event.pk).update(updated_at=timezone.now())
    _notify_all(
        _attendees(event, original_start=original_start),
        notifications.SESSION_CANCELLED,
        notifications.event_params(event, session=original_start, at=session.start),
    )
    return True


@transaction.atomic
def session_move(*, by, event, original_start, start, end) -> Occurrence:
    """Move one session (another day, another time); its attendees are told once."""
    if not permissions.can_organise(by, event):
        raise EventError(_("Only the event's organisers can do this."))
    if end <= start:
        raise EventError(_("The end must come after the start."))
    if not event.is_recurring:
        raise EventError(_("This event has a single session: change the event itself."))
    session = _session_or_error(event, original_start)
    occurrence = _occurrence_locked(event, session)
    if occurrence.start == start and occurrence.end == end:
        return occurrence
    occurrence.start, occurrence.end, occurrence.moved = start, end, True
    occurrence.sequence += 1
    occurrence.save(update_fields=["start", "end", "moved", "sequence"])
    Event.objects.filter(pk=event.pk).update(updated_at=timezone.now())
    session.start, session.end = start, end
    _notify_all(
        _attendees(event, original_start=original_start),
        notifications.SESSION_MOVED,
        notifications.event_params(event, session=original_start, at=start),
    )
    return occurrence


@transaction.atomic
def exception_add(*, by, event, original_start) -> None:
    """Take a date out of the series before anyone answers for it (a holiday, a closed venue)."""
    if not permissions.can_organise(by, event):
        raise EventError(_("Only the event's organisers can do this."))
    _session_or_error(event, original_start)
    if RSVP.objects.filter(occurrence__event=event, occurrence__original_start=original_start).exists():
        raise EventError(_("Members already answered for this session: cancel it instead, so they are told."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    event.recurrence.exdates.append(original_start.astimezone(UTC))
    event.sequence += 1
    event.updated_at = timezone.now()
    event.save(update_fields=["recurrence", "sequence", "updated_at"])


# --- RSVPs ---------------------------------------------------------------------------------------


def _clean_answers(event, answers):
    answers = answers or {}
    return {q: str(answers.get(q, ""))[:1000] for q in event.questions if str(answers.get(q, "")).strip()}


@transaction.atomic
def rsvp_set(*, user, event, original_start, status, answers=None) -> RSVP:
    """Answer for one session. "Going" beyond capacity joins the waiting list.

    Leaving ("not going" or "interested" after "going") frees the place for the first person waiting,
    who is promoted and notified.
    """
    if status not in Status.values or status == Status.WAITLISTED:
        raise EventError(_("Choose an answer."))
    if not permissions.can_rsvp(user, event):
        raise EventError(_("You cannot answer for this event."))
    if event.is_cancelled:
        raise EventError(_("This event is cancelled."))
    session = _session_or_error(event, original_start)
    if session.cancelled:
        raise EventError(_("This session is cancelled."))
    now = timezone.now()
    if session.start <= now:
        raise EventError(_("This session has already started."))
    occurrence = _occurrence_locked(event, session)
    rsvp = RSVP.objects.select_for_update().filter(occurrence=occurrence, user=user).first()
    previous = rsvp.status if rsvp else None
    joining = status in (Status.GOING, Status.INTERESTED) and previous not in (
        Status.GOING,
        Status.WAITLISTED,
    )
    if joining and event.rsvp_closes_hours and now > session.start - timedelta(hours=event.rsvp_closes_hours):
        raise EventError(_("Answers for this session are closed."))
    if status == Status.GOING and previous in (Status.GOING, Status.WAITLISTED):
        new_status = previous
    elif status == Status.GOING:
        going = occurrence.rsvps.filter(status=Status.GOING).count()
        full = event.capacity is not None and going >= event.capacity
        new_status = Status.WAITLISTED if full else Status.GOING
    else:
        new_status = status
    if rsvp is None:
        rsvp = RSVP(occurrence=occurrence, user=user, created_at=now)
    rsvp.status = new_status
    rsvp.answers = _clean_answers(event, answers) if answers is not None else rsvp.answers
    rsvp.updated_at = now
    if new_status == Status.WAITLISTED and previous != Status.WAITLISTED:
        rsvp.waitlisted_at = now
    if new_status != Status.WAITLISTED:
        rsvp.waitlisted_at = None
    rsvp.save()
    if previous == Status.GOING and new_status != Status.GOING:
        _promote(occurrence)
    if joining:
        conversion_send("rsvp", user=user)
    return rsvp


def _promote(occurrence) -> list[RSVP]:
    """Fill free places from the waiting list, first come first served; each promoted member is told.

    The caller holds the lock on ``occurrence``.
    """
    event = occurrence.event
    promoted = []
    if occurrence.cancelled or event.is_cancelled:
        return promoted
    while True:
        going = occurrence.rsvps.filter(status=Status.GOING).count()
        if event.capacity is not None and going >= event.capacity:
            break
        first = (
            occurrence.rsvps.select_for_update()
            .filter(status=Status.WAITLISTED)
            .order_by("waitlisted_at", "id")
            .select_related("user")
            .first()
        )
        if first is None:
            break
        first.status = Status.GOING
        first.waitlisted_at = None
        first.updated_at = timezone.now()
        first.save(update_fields=["status", "waitlisted_at", "updated_at"])
        promoted.append(first)
        session = session_of(event, occurrence.original_start)
        notify(
            recipient=first.user,
            kind=notifications.PROMOTED,
            params=notifications.event_params(event, session=occurrence.original_start, at=session.start),
        )
    return promoted


@transaction.atomic
def rsvp_check_in(*, by, rsvp) -> bool:
    event = rsvp.occurrence.event
    if not permissions.can_organise(by, event):
        raise EventError(_("Only the event's organisers can do this."))
    if rsvp.status != Status.GOING:
        raise EventError(_("Only members who are going can be checked in."))
    return bool(
        RSVP.objects.filter(pk=rsvp.pk, checked_in_at__isnull=True).update(checked_in_at=timezone.now())
    )


@transaction.atomic
def attendees_message(*, by, event, subject: str, body: str, original_start=None) -> int:
    """A message from the organisers to everyone going (and waiting), one notification each."""
    if not permissions.can_organise(by, event):
        raise EventError(_("Only the event's organisers can do this."))
    users = _attendees(event, statuses=[Status.GOING, Status.WAITLISTED], original_start=original_start)
    url = session_url(event, original_start) if original_start else event_url(event)
    params = notifications.event_params(event, session=original_start, subject=subject)
    for user in users:
        with in_language_of(user):
            # Stored words: the fallback; the centre words the subject again in the reader's language.
            title = _("%(event)s: %(subject)s") % {"event": event.title, "subject": subject}
        notify(recipient=user, kind=notifications.MESSAGE, subject=title, body=body, url=url, params=params)
    return len(users)


# --- Member settings and the personal feed ------------------------------------------------------


def settings_of(user) -> MemberEventSettings:
    row, _created = MemberEventSettings.objects.get_or_create(user=user)
    return row


@transaction.atomic
def member_settings_save(*, user, time_zone: str, remind_24h: bool, remind_1h: bool) -> MemberEventSettings:
    row = settings_of(user)
    row.time_zone, row.remind_24h, row.remind_1h = time_zone, remind_24h, remind_1h
    row.save(update_fields=["time_zone", "remind_24h", "remind_1h"])
    return row


@transaction.atomic
def feed_token_renew(*, user) -> str:
    """A fresh secret for the personal feed; the previous address stops working at once."""
    row = settings_of(user)
    row.feed_token = _new_token()
    row.save(update_fields=["feed_token"])
    return row.feed_token


@transaction.atomic
def feed_token_revoke(*, user) -> None:
    MemberEventSettings.objects.filter(user=user).update(feed_token=None)


def upcoming_sessions_for(event, days=120):
    now = timezone.now()
    return sessions_between([event], now - timedelta(hours=12), now + timedelta(days=days))
