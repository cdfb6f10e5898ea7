from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from ..permissions import may_offer_report

register = template.Library()


@register.inclusion_tag("moderation/_report_link.html", takes_context=True)
def report_link(context, obj):
    """A "Report" link to the report form, for signed-in members who are not the author."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if obj is None or not may_offer_report(user, obj):
        return {"url": ""}
    content_type = ContentType.objects.get_for_model(obj)
    return {"url": reverse("moderation:report", args=[content_type.pk, obj.pk])}
