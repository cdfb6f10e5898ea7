"""Times shown to a person: in the event's own time zone, and in theirs when it differs."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.translation import gettext as _

from core.dates import datetime_text


def zone_of(user):
    """The member's chosen time zone, or None (then pages let the browser show it)."""
    settings_row = getattr(user, "event_settings", None) if getattr(user, "is_authenticated", False) else None
    name = getattr(settings_row, "time_zone", "") if settings_row is not None else ""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def format_moment(moment, tz) -> str:
    return datetime_text(moment, tz)


def session_when(session, user=None) -> str:
    """ "<date and time> (<event zone>)", plus the member's own time when their zone differs."""
    event_tz = session.event.tz
    text = _("%(when)s (%(zone)s time)") % {
        "when": format_moment(session.start, event_tz),
        "zone": session.event.time_zone,
    }
    own = zone_of(user) if user is not None else None
    if own is not None and own.key != session.event.time_zone:
        text = _("%(event_time)s, that is %(own_time)s in your time zone (%(zone)s)") % {
            "event_time": text,
            "own_time": format_moment(session.start, own),
            "zone": own.key,
        }
    return text
