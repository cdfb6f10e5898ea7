from django import template

from ..selectors import labels_held

register = template.Library()


@register.inclusion_tag("labels/_badges.html")
def label_badges(user):
    """The badges of the labels a member holds now: symbol and name as text, colour only as decoration."""
    return {"grants": list(labels_held(user)) if user is not None else []}
