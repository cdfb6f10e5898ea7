"""THE way dates read on the site: one helper per kind, in the active language.

``date_text`` (29 نونبر 2026 / 29 novembre 2026 / Nov. 29, 2026), ``datetime_text`` (with a 24-hour time
in fr and ar), ``range_text`` (a span that names its shared month and year once: 29–30 novembre 2026,
14:00–16:00 for one day), ``relative_text`` (il y a 3 jours, in 2 hours). Arabic month names are the
Moroccan ones unless settings.ARABIC_MONTH_NAMES says "mashriq" (see site/kafaat/months/). Times are
shown in the current time zone; pass ``tz`` to show them in another (an event's own zone).
"""

import datetime

from babel.dates import get_timezone_location

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# How a span shares its month and year, per language: (same month, same year, different years).
# Day-first languages write "29–30 novembre 2026"; English "Nov. 29–30, 2026".
_RANGES = {
    "en": ("N j", "j, Y", "N j", "N j, Y"),
}
_DAY_FIRST = ("j", "j F Y", "j F", "j F Y")


def _local(value, tz=None):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return value.astimezone(tz) if tz is not None else timezone.localtime(value)
    return value


def date_text(value, tz=None) -> str:
    return date_format(_local(value, tz), "DATE_FORMAT") if value else ""


def datetime_text(value, tz=None) -> str:
    return date_format(_local(value, tz), "DATETIME_FORMAT") if value else ""


def time_text(value, tz=None) -> str:
    return time_format(_local(value, tz), "TIME_FORMAT") if value else ""


def range_text(start, end, tz=None, with_time=None) -> str:
    """A span from ``start`` to ``end``. With times (the default for datetimes), one day reads as its date
    and two times; across days, both dates and times. Without, the shared month and year are named once."""
    if not start:
        return ""
    if not end:
        return datetime_text(start, tz) if isinstance(start, datetime.datetime) else date_text(start, tz)
    start, end = _local(start, tz), _local(end, tz)
    if with_time is None:
        with_time = isinstance(start, datetime.datetime)
    first = start.date() if isinstance(start, datetime.datetime) else start
    last = end.date() if isinstance(end, datetime.datetime) else end
    if with_time:
        if first == last:
            return _("%(date)s, %(start)s–%(end)s") % {
                "date": date_text(first),
                "start": time_text(start),
                "end": time_text(end),
            }
        return f"{datetime_text(start)} – {datetime_text(end)}"
    if first == last:
        return date_text(first)
    same_month, same_month_end, same_year, same_year_end = _RANGES.get((get_language() or "")[:2], _DAY_FIRST)
    if (first.year, first.month) == (last.year, last.month):
        return f"{date_format(first, same_month)}–{date_format(last, same_month_end)}"
    if first.year == last.year:
        return f"{date_format(first, same_year)} – {date_format(last, same_year_end)}"
    return f"{date_text(first)} – {date_text(last)}"


def relative_text(value, now=None) -> str:
    """How long ago, or in how long, in words: "il y a 3 jours", "in 2 hours", "منذ يومين"."""
    if not value:
        return ""
    now = now or timezone.now()
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)
    if abs((now - value).total_seconds()) < 60:
        return _("just now")
    if value <= now:
        return _("%(delta)s ago") % {"delta": timesince(value, now, depth=1)}
    return _("in %(delta)s") % {"delta": timeuntil(value, now, depth=1)}


def zone_name(zone) -> str:
    """A time zone as people name it, in the active language: its CLDR city ("Paris", "باريس",
    "Toronto") rather than its key ("Europe/Paris"); an unknown zone comes back as given."""
    key = getattr(zone, "key", zone) or ""
    try:
        return get_timezone_location(key, locale=(get_language() or "fr").replace("-", "_"), return_city=True)
    except (LookupError, ValueError):
        return key
