"""The personal home's section of the latest posts in the member's groups and spaces."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("groups/_home_section.html", takes_context=True)
def home_posts(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"show": getattr(user, "is_authenticated", False), "posts": selectors.home_posts(user)}
