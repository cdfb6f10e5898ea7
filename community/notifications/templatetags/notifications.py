from django import template

from ..selectors import unread_count_for_request

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context):
    """The header link to the notification centre with the unread count (one COUNT per request)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"show": False}
    return {"show": True, "count": unread_count_for_request(request)}


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    return unread_count_for_request(context.get("request"))
