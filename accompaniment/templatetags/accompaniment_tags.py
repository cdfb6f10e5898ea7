from django import template
from django.db.models import F
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.names import display_name

from ..selectors import holder_cases

register = template.Library()


@register.filter
def person(user) -> str:
    return display_name(user)


@register.simple_tag
def fast_select(field):
    """A labelled <select> for a choice field, built in Python: the board's filters carry some 400 options
    (countries, sectors, advisors) and Django's per-option widget templates cost tens of milliseconds."""
    value = field.value()
    selected = (
        {str(v) for v in value} if isinstance(value, list | tuple) else {"" if value is None else str(value)}
    )
    options = []
    for option_value, label in field.field.choices:
        key = "" if option_value is None else str(getattr(option_value, "value", option_value))
        options.append(
            format_html(
                '<option value="{}"{}>{}</option>',
                key,
                mark_safe(" selected") if key in selected else "",
                label,
            )
        )
    return format_html(
        '<p class="acc-field"><label for="{}">{}</label> <select name="{}" id="{}">{}</select></p>',
        field.id_for_label,
        field.label,
        field.html_name,
        field.id_for_label,
        mark_safe("".join(options)),  # noqa: S308 (each option escaped by format_html above)
    )


@register.filter
def get(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.inclusion_tag("accompaniment/_home_section.html", takes_context=True)
def home_cases(context, limit=3):
    """The personal home's section: the member's accompaniment cases, open ones first (none: nothing)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"cases": []}
    cases = holder_cases(user).order_by(F("closed_at").asc(nulls_first=True), "-created_at")[:limit]
    return {"cases": list(cases)}
