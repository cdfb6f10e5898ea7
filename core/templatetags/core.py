"""Tags that render what higher floors registered (core.registry) and the shared display rules."""

from babel.lists import format_list

from django import template
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.cities import city_name as _city_name
from core.countries import country_name as _country_name
from core.languages import language_name as _language_name
from core.names import display_name as _display_name
from core.registry import registry
from core.sectors import sector_name as _sector_name

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name):
    """Every fragment registered for the named slot, rendered with this page's context."""
    parts = []
    flat = context.flatten()
    request = context.get("request")
    for fragment in registry.slot(name):
        parts.append(get_template(fragment.template).render(flat, request))
    # Each fragment is a template rendered with autoescaping: its output is already safe HTML.
    return mark_safe("".join(parts))  # noqa: S308


SPRITE = "themes/icons/sprite.svg"


@register.simple_tag
def icon(name, label=""):
    """An icon of the vendored sprite (scripts/vendor-assets lists them). Decorative, hidden from assistive
    technologies, unless ``label`` names it (an icon that stands alone)."""
    href = f"{static(SPRITE)}#{name}"
    if label:
        return format_html(
            '<svg class="icon icon--{}" role="img" aria-label="{}" focusable="false">'
            '<use href="{}"></use></svg>',
            name,
            label,
            href,
        )
    return format_html(
        '<svg class="icon icon--{}" aria-hidden="true" focusable="false"><use href="{}"></use></svg>',
        name,
        href,
    )


@register.simple_tag(takes_context=True)
def menu_entries(context, name):
    return registry.menu(name, context.get("request"))


@register.simple_tag(takes_context=True)
def menu_links(context, name):
    """The named menu as this visitor sees it: label, address, badge and whether it is the current page."""
    return links_for(registry.menu(name, context.get("request")), context.get("request"))


def links_for(entries, request) -> list[dict]:
    """Menu entries as links; the entry whose address is the longest prefix of this page's path is current."""
    path = getattr(request, "path", "") or ""
    links = []
    for entry in entries:
        url = entry.url()
        if not url:
            continue
        badge = entry.badge(request) if entry.badge is not None and request is not None else None
        links.append(
            {"key": entry.key, "label": entry.label, "url": url, "badge": badge or None, "icon": entry.icon}
        )
    matches = [link for link in links if path.startswith(link["url"])]
    current = max(matches, key=lambda link: len(link["url"]), default=None)
    for link in links:
        link["current"] = link is current
    return links


@register.filter
def display_name(user):
    return _display_name(user)


@register.filter
def country_name(code):
    return _country_name(code)


@register.filter
def city_name(text):
    """A city as a member typed it, named in the reader's language when it is a city we know."""
    return _city_name(text)


@register.filter
def sector_name(code):
    return _sector_name(code)


@register.filter
def language_name(code):
    return _language_name(code)


@register.filter
def list_text(items):
    """A list as the reader's language writes one: "A, B et C", "A وB وC", "A, B, and C"."""
    items = [str(item) for item in items or ()]
    return format_list(items, locale=(get_language() or "fr").replace("-", "_")) if items else ""
