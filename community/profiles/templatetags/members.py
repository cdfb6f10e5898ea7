from django import template

from core.countries import country_name as _country_name
from core.names import display_name

register = template.Library()


@register.filter
def member_name(user):
    """How a member is named next to what they wrote (core.names.display_name)."""
    return display_name(user)


@register.filter
def country_name(code):
    """The country's name in the active language, from its ISO code."""
    return _country_name(code) if code else ""
