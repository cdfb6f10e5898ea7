from django import template
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page

from cms import selectors
from core.countries import country_name
from core.sectors import sector_name

register = template.Library()


def _wagtail_page(context):
    """The Wagtail page being shown, if any (the translation notice names its source page instead)."""
    for key in ("page", "switcher_page"):
        candidate = context.get(key)
        if isinstance(candidate, Page):
            return candidate
    return None


@register.simple_tag(takes_context=True)
def home_url(context):
    return selectors.home_url_for(context.get("request"))


@register.inclusion_tag("cms/tags/main_menu.html", takes_context=True)
def main_menu(context):
    return {"links": selectors.main_menu_links(context.get("request"))}


@register.inclusion_tag("cms/tags/footer_links.html", takes_context=True)
def footer_links(context):
    return {"links": selectors.footer_links(context.get("request"))}


@register.inclusion_tag("cms/tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {"languages": selectors.language_links(request, _wagtail_page(context))}


@register.inclusion_tag("cms/tags/alternate_links.html", takes_context=True)
def alternate_links(context, page):
    """<link rel="alternate" hreflang> for each live translation of the page."""
    if not isinstance(page, Page):
        return {"alternates": []}
    request = context.get("request")
    translations = selectors.live_translations(page)
    alternates = [
        (code, translated.get_full_url(request)) for code, translated in sorted(translations.items())
    ]
    return {"alternates": [(code, url) for code, url in alternates if url]}


@register.inclusion_tag("cms/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    ancestors = page.get_ancestors().filter(depth__gt=1) if isinstance(page, Page) else []
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag
def current_language():
    return translation.get_language()


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    """Address of the privacy notice in the active language ('' until the page exists)."""
    page = selectors.privacy_notice_page()
    return page.get_url(context.get("request")) if page is not None else ""


@register.filter
def country(code):
    return country_name(code)


@register.filter
def sector(tag):
    return sector_name(getattr(tag, "slug", tag), getattr(tag, "name", ""))


@register.filter
def teaser(page):
    """A short plain-text description of a page for result lists."""
    for attribute in ("search_description", "summary", "intro", "hero_lead"):
        value = getattr(page, attribute, "")
        if value:
            return Truncator(strip_tags(str(value))).words(40)
    return ""
