"""What a campaign message must respect before it is saved: known personalisation fields, links to
allowed addresses only (the redirects never lead anywhere else)."""

import re

from django.utils.translation import gettext as _

from . import links
from .htmltext import html_to_text
from .personalise import FIELDS, stray_braces, unknown_fields

_HREFS = re.compile(r'href="([^"]*)"', re.IGNORECASE)


def message_problems(message) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    known = ", ".join(f"{{{{ {name} }}}}" for name in FIELDS)
    for name in ("subject", "preheader", "body", "button_label"):
        text = getattr(message, name, "") or ""
        unknown = unknown_fields(text)
        if unknown:
            problems.setdefault(name, []).append(
                _("Unknown personalisation field: %(fields)s. Use %(known)s.")
                % {"fields": ", ".join(unknown), "known": known}
            )
        elif stray_braces(text):
            problems.setdefault(name, []).append(
                _("Double braces must hold a field, for example {{ first_name|friend }}.")
            )
    if not html_to_text(message.body or ""):
        problems.setdefault("body", []).append(_("Write the message."))
    for url in _HREFS.findall(message.body or ""):
        if url.startswith(("#", "mailto:")):
            continue
        if not links.is_allowed(url):
            problems.setdefault("body", []).append(
                _("This link leads to a site that campaigns may not link to: %(url)s") % {"url": url}
            )
    if message.button_url and not links.is_allowed(message.button_url):
        problems.setdefault("button_url", []).append(_("Campaigns may not link to this site."))
    if message.button_label and not (message.button_url or message.button_page_id):
        problems.setdefault("button_url", []).append(_("Choose where the button leads."))
    return problems
