from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.names import display_name

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
