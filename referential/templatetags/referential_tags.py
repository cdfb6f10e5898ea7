from django import template
from django.utils.formats import date_format

from ..validation import FIELD_LABELS, format_partial_date

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
        if field == "birth_date":
            return partial_date(row.clean.get("birth_date"), row.clean.get("birth_date_precision"))
        if field == "phone" and not row.clean.get("phone"):
            return row.clean.get("phone_raw", "")
        value = row.clean.get(field)
        return "" if value is None else value
    return row.raw.get(mapping.get(field, ""), "")


@register.simple_tag
def partial_date(date, precision):
    """A date of birth as precise as the source gave it: "1985", "03/1985" or the full date."""
    if not date:
        return ""
    if precision in ("year", "month"):
        text = format_partial_date(date, precision)
        return text if precision == "year" else f"{text[5:7]}/{text[:4]}"
    return date_format(date, "SHORT_DATE_FORMAT")
