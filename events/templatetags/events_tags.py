from zoneinfo import ZoneInfo

from django import template

from core.countries import country_name
from core.dates import datetime_text

from .. import selectors

register = template.Library()


@register.filter
def in_zone(moment, tz):
    """A moment written as a date and time in ``tz`` (a ZoneInfo or an IANA name)."""
    if moment is None or not tz:
        return ""
    if isinstance(tz, str):
        tz = ZoneInfo(tz)
    return datetime_text(moment, tz)


@register.filter
def country(code):
    return country_name(code) if code else ""


@register.inclusion_tag("events/includes/group_events.html", takes_context=True)
def group_events(context, group, limit=5):
    """Upcoming sessions of a group's events that the viewer may see (for the group's page)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"group": group, "sessions": selectors.group_upcoming(user, group, limit=limit)}


@register.inclusion_tag("events/includes/home_section.html", takes_context=True)
def home_events(context):
    """The personal home's section: the member's next sessions they answered, that they may see."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"show": False}
    return {"show": True, "rsvps": selectors.home_sessions(user)}
