"""Personalisation fields in a campaign's messages, with safe fallbacks.

Writers put ``{{ first_name }}``, ``{{ name }}`` or ``{{ country }}`` in a subject or a message, with an
optional fallback after a bar: ``{{ first_name|friend }}``. That is all this syntax does: the field's value
(escaped for HTML) or the fallback replaces it; nothing else is interpreted, so a message can never run
template code, whoever wrote it and whatever a recipient's name contains.
"""

import re

from django.utils.translation import gettext_lazy as _

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]+)\s*(?:\|([^{}|]{0,80}))?\}\}")

FIELDS = {
    "first_name": _("first name"),
    "name": _("full name"),
    "country": _("country of residence"),
}


def unknown_fields(text: str) -> list[str]:
    """Names between double braces that are not personalisation fields (the writer mistyped one)."""
    return sorted(
        {match.group(1) for match in PLACEHOLDER.finditer(text or "") if match.group(1) not in FIELDS}
    )


def stray_braces(text: str) -> bool:
    """Double braces left over once the fields are taken out: a field written wrong."""
    rest = PLACEHOLDER.sub("", text or "")
    return "{{" in rest or "}}" in rest
