"""Template side of core/dates.py: ``{{ value|date_text }}``, ``{{ value|datetime_text }}``,
``{% range_text start end %}``, ``{{ value|relative_text }}`` — wrapped in <time datetime="…">."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from core import dates

register = template.Library()


def _time(value, text):
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


@register.filter
def date_text(value):
    return _time(value, dates.date_text(value))


@register.filter
def datetime_text(value):
    return _time(value, dates.datetime_text(value))


@register.filter
def relative_text(value):
    """The relative words, with the full date and time as a tooltip."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        value.isoformat(),
        dates.datetime_text(value),
        dates.relative_text(value),
    )


@register.simple_tag
def range_text(start, end, tz=None):
    return _time(start, dates.range_text(start, end, tz=tz))


@register.simple_tag
def date_locale():
    """The locale scripts format dates with (themes/static/themes/js/dates.js): "ar-MA" gives the
    Moroccan month names, as settings.ARABIC_MONTH_NAMES chooses for the pages."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    if language == "ar" and getattr(settings, "ARABIC_MONTH_NAMES", "maghreb") == "maghreb":
        return "ar-MA"
    return language


@register.filter
def zone_name(zone):
    return dates.zone_name(zone)
