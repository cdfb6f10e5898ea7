"""The staff menu: what edge apps registered as ``menu="staff"`` (core.registry), shown only to a session
that passed the second factor, and of that only the entries whose ``visible`` allows this person's roles."""

from django import template

from core.registry import registry
from core.templatetags.core import links_for

from ..roles import STAFF_ROLES, held_roles
from ..second_factor import second_factor_passed

register = template.Library()


def staff_entries(request):
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    if not (held_roles(user) & STAFF_ROLES) or not second_factor_passed(user):
        return []
    return registry.menu("staff", request)


@register.simple_tag(takes_context=True)
def staff_menu_links(context):
    request = context.get("request")
    return links_for(staff_entries(request), request)
