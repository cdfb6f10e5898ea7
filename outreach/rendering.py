"""A campaign message made into an email, once per language, then per recipient in microseconds.

``compile_message`` renders the frame (our own templates) around the writer's content in the message's
language, inlines the CSS for mail clients (css-inline) and cuts the result at the places that differ per
recipient: personalisation fields, links, the unsubscribe address. ``render`` fills those places for one
recipient, escaping every value; the writer's text is never a template.
"""

import html
import re
import secrets
from dataclasses import dataclass, field

import css_inline

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.rich_text import expand_db_html

from core.countries import country_name

from . import links
from .htmltext import html_to_text
from .models import Recipient
from .personalise import FIELDS, PLACEHOLDER

RTL_LANGUAGES = {"ar"}
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")', re.IGNORECASE)


@dataclass(frozen=True)
class Slot:
    kind: str  # "field", "link", "system"
    name: str = ""
    fallback: str = ""
    index: int = -1
    raw: bool = False  # HTML made by us (the open pixel): not escaped


@dataclass
class Compiled:
    language: str
    direction: str
    subject: list
    html: list
    text: list
    slots: list[Slot]
    urls: list[str] = field(default_factory=list)


class _Sentinels:
    """Marks that survive templates and the CSS inliner, unique to one compilation."""

    def __init__(self):
        self.nonce = secrets.token_hex(4)
        self.slots: list[Slot] = []
        self.urls: list[str] = []
        self.pattern = re.compile(rf"%%{self.nonce}:(\d+)%%")

    def mark(self, slot: Slot) -> str:
        self.slots.append(slot)
        return f"%%{self.nonce}:{len(self.slots) - 1}%%"

    def fields(self, text: str) -> str:
        return PLACEHOLDER.sub(
            lambda m: (
                self.mark(Slot("field", m.group(1), (m.group(2) or "").strip()))
                if m.group(1) in FIELDS
                else m.group(0)
            ),
            text or "",
        )

    def link(self, url: str) -> str:
        url = links.absolute(html.unescape(url))
        if url not in self.urls:
            self.urls.append(url)
        return self.mark(Slot("link", index=self.urls.index(url)))

    def hrefs(self, markup: str) -> str:
        def replace(match):
            url = html.unescape(match.group(2))
            if url.startswith("mailto:"):
                return match.group(0)
            if links.is_allowed(url):
                return match.group(1) + self.link(url) + match.group(3)
            return match.group(1) + "#" + match.group(3)

        return _HREF.sub(replace, markup)

    def split(self, text: str) -> list:
        parts, last = [], 0
        for match in self.pattern.finditer(text):
            if match.start() > last:
                parts.append(text[last : match.start()])
            parts.append(int(match.group(1)))
            last = match.end()
        if last < len(text):
            parts.append(text[last:])
        return parts


def button_href(message) -> str:
    if message.button_page_id and message.button_page:
        page = message.button_page.localized.specific
        return links.absolute(page.get_url() or "")
    return message.button_url or ""


def message_for(messages, language: str, fallback: str):
    """The message in the language, else in the campaign's fallback language, else any."""
    by_language = {m.language: m for m in messages}
    return by_language.get(language) or by_language.get(fallback) or next(iter(by_language.values()), None)


def compile_message(campaign, message, *, contact: bool, purpose_label: str = "") -> Compiled:
    """The message of one language made into the email parts of one kind of recipient."""
    language = message.language
    marks = _Sentinels()
    with translation.override(language):
        body = marks.hrefs(marks.fields(expand_db_html(message.body or "")))
        href = button_href(message)
        context = {
            "language": language,
            "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
            "subject": marks.fields(message.subject),
            "preheader": marks.fields(message.preheader),
            "body": mark_safe(body),  # noqa: S308 — Wagtail's rich text, with our marks in it
            "button_label": marks.fields(message.button_label) if href and message.button_label else "",
            "button_href": marks.link(href)
            if href and message.button_label and links.is_allowed(href)
            else "",
            "purpose": purpose_label or campaign.get_purpose_display(),
            "contact": contact,
            "unsubscribe_href": marks.mark(Slot("system", "unsubscribe_url")),
            "web_href": "" if contact else marks.mark(Slot("system", "web_url")),
            "origin": marks.mark(Slot("system", "origin")) if contact else "",
            "privacy_href": marks.mark(Slot("system", "privacy_url")),
            "pixel": "" if contact else marks.mark(Slot("system", "open_pixel", raw=True)),
            "body_text": "",
        }
        page = render_to_string("outreach/email/message.html", context)
        context["body_text"] = html_to_text(body)
        context["button_text_href"] = context["button_href"]
        text = render_to_string("outreach/email/message.txt", context)
    inlined = _INLINER.inline(page)
    return Compiled(
        language=language,
        direction=context["direction"],
        subject=marks.split(context["subject"]),
        html=marks.split(inlined),
        text=marks.split(text),
        slots=marks.slots,
        urls=marks.urls,
    )


def field_values(recipient: Recipient, language: str) -> dict[str, str]:
    name = (recipient.name or "").strip()
    return {
        "first_name": name.split()[0] if name else "",
        "name": name,
        "country": country_name(recipient.country, language) if recipient.country else "",
    }


def _fill(parts: list, slots: list[Slot], values: list[str], escape: bool) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            value = values[part]
            out.append(value if (not escape or slots[part].raw) else html.escape(value, quote=True))
    return "".join(out)


def render(compiled: Compiled, *, fields: dict, system: dict, link_href) -> tuple[str, str, str]:
    """Subject, HTML and text of one recipient's email. ``link_href(index, url)`` → the address to put."""
    values = []
    for slot in compiled.slots:
        if slot.kind == "field":
            values.append(fields.get(slot.name) or slot.fallback)
        elif slot.kind == "link":
            values.append(link_href(slot.index, compiled.urls[slot.index]))
        else:
            values.append(system.get(slot.name, ""))
    subject = _fill(compiled.subject, compiled.slots, values, escape=False)
    return (
        " ".join(subject.split()),
        _fill(compiled.html, compiled.slots, values, escape=True),
        _fill(compiled.text, compiled.slots, values, escape=False),
    )


def fill_fields(text: str, fields: dict, *, escape: bool) -> str:
    """The writer's text with each field replaced by its value (escaped for HTML) or its fallback."""

    def value(match):
        if match.group(1) not in FIELDS:
            return match.group(0)
        found = fields.get(match.group(1)) or (match.group(2) or "").strip()
        return html.escape(found, quote=True) if escape else found

    return PLACEHOLDER.sub(value, text or "")


def web_version(message, fields: dict) -> dict:
    """The message for a page of the site: subject, body and button, personalised for the reader."""
    with translation.override(message.language):
        body = expand_db_html(message.body or "")
        href = button_href(message)
    return {
        "subject": fill_fields(message.subject, fields, escape=False),
        "body": mark_safe(fill_fields(body, fields, escape=True)),  # noqa: S308 — Wagtail's rich text
        "button_label": fill_fields(message.button_label, fields, escape=False),
        "button_href": href if href and links.is_allowed(href) else "",
        "direction": "rtl" if message.language in RTL_LANGUAGES else "ltr",
        "language": message.language,
    }
