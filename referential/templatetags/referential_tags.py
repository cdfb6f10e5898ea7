from django import template

from ..validation import FIELD_LABELS

register = template.Library()


@register.simple_tag
def field_label(field):
    return FIELD_LABELS.get(field, field)


@register.simple_tag
def cleaned_or_raw(row, field, mapping):
    """What will be stored for an accepted row (normalised), what the file says for a rejected one."""
    if row.ok:
        if field == "full_name":
            names = (row.clean.get("given_name"), row.clean.get("family_name"))
            return " ".join(part for part in names if part)
        value = row.clean.get(field)
        return "" if value is None else value
    return row.raw.get(mapping.get(field, ""), "")
