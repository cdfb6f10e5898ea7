from django import template
from django.utils.translation import gettext as _

from community.profiles.countries import country_name as _country_name

register = template.Library()


@register.filter
def member_name(user):
    """How a member is named next to what they wrote; a deleted account shows as "Deleted member"."""
    if user is None:
        return _("Deleted member")
    profile = getattr(user, "profile", None)
    display_name = getattr(profile, "display_name", "") if profile is not None else ""
    return display_name or user.get_full_name() or _("Member")


@register.filter
def country_name(code):
    """The country's name in the active language, from its ISO code."""
    return _country_name(code) if code else ""
