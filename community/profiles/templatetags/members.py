from django import template
from django.utils.html import format_html

from core.countries import country_name as _country_name
from core.names import display_name

register = template.Library()


@register.filter
def member_name(user):
    """How a member is named next to what they wrote (core.names.display_name), isolated with <bdi>
    so that a right-to-left name cannot reorder the text around it (finding 6 of issue 12). For text
    content only; in an attribute use ``display_name`` through a view."""
    return format_html("<bdi>{}</bdi>", display_name(user))


@register.filter
def country_name(code):
    """The country's name in the active language, from its ISO code."""
    return _country_name(code) if code else ""
