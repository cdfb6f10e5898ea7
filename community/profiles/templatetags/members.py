from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def member_name(user):
    """How a member is named next to what they wrote; a deleted account shows as "Deleted member"."""
    if user is None:
        return _("Deleted member")
    profile = getattr(user, "profile", None)
    display_name = getattr(profile, "display_name", "") if profile is not None else ""
    return display_name or user.get_full_name() or _("Member")
