from django import template

from core.names import display_name

register = template.Library()


@register.filter
def person(user) -> str:
    return display_name(user)
