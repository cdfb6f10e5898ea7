"""Event notifications: stored as kind + event, session and moment, worded when read, in the reader's
language (community/notifications/services.py): the event's title in that language, times in the event's
zone and in the reader's own."""

import datetime
from types import SimpleNamespace

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Event
from .occurrences import session_key
from .timefmt import session_when

CHANGED, CANCELLED = "event_changed", "event_cancelled"
SESSION_CANCELLED, SESSION_MOVED = "event_session_cancelled", "event_session_moved"
PROMOTED, MESSAGE, REMINDER = "event_waitlist_promoted", "event_message", "event_reminder"
KINDS = (CHANGED, CANCELLED, SESSION_CANCELLED, SESSION_MOVED, PROMOTED, MESSAGE, REMINDER)


def event_params(event, *, session=None, at=None, **extra) -> dict:
    """``session``: the session's original start (its key); ``at``: the moment to show."""
    params = {"event": event.pk, **extra}
    if session is not None:
        params["session"] = session.isoformat()
    if at is not None:
        params["at"] = at.isoformat()
    return params


def _moment(value):
    return datetime.datetime.fromisoformat(value) if value else None


def event_notification_words(notification) -> dict:
    params = notification.params or {}
    event = Event.objects.filter(pk=params.get("event")).first()
    if event is None:
        return {}
    title = {"event": event.title}
    session, at = _moment(params.get("session")), _moment(params.get("at"))
    url = (
        reverse("events:session", args=[event.pk, session_key(session)])
        if session is not None
        else reverse("events:detail", args=[event.pk])
    )
    when = session_when(SimpleNamespace(event=event, start=at), notification.recipient) if at else ""
    kind = notification.kind
    if kind == CHANGED:
        subject = _("%(event)s has changed") % title
        body = _("The organisers changed the time, place or link. See the event's page.")
    elif kind == CANCELLED:
        subject, body = _("%(event)s is cancelled") % title, _("The organisers cancelled this event.")
    elif kind == SESSION_CANCELLED:
        subject = _("A session of %(event)s is cancelled") % title
        body = _("The session of %(when)s will not take place.") % {"when": when}
    elif kind == SESSION_MOVED:
        subject = _("A session of %(event)s has moved") % title
        body = _("The session now takes place on %(when)s.") % {"when": when}
    elif kind == PROMOTED:
        subject = _("A place is free for you: %(event)s") % title
        body = _("You were on the waiting list; you are now going to the session of %(when)s.") % {
            "when": when
        }
    elif kind == MESSAGE:
        # The organisers' own words stay as they wrote them (the stored body).
        subject = _("%(event)s: %(subject)s") % {"event": event.title, "subject": params.get("subject", "")}
        return {"subject": subject, "url": url}
    else:
        if params.get("window") == "1h":
            subject = _("Starting in one hour: %(event)s") % title
        else:
            subject = _("Tomorrow: %(event)s") % title
        body = _("The session starts on %(when)s.") % {"when": when}
        if params.get("link") and event.online_url:
            body += "\n" + _("Online link: %(link)s") % {"link": event.online_url}
    return {"subject": subject, "body": body, "url": url}
