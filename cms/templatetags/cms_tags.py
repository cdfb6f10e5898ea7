from django import template
from django.utils import translation

from wagtail.models import Locale, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def home_url(context):
    site = Site.find_for_request(context["request"])
    if site is None:
        return "/"
    root = site.root_page
    try:
        return root.get_translation(Locale.get_active()).localized.url
    except Exception:
        return root.url


@register.simple_tag
def main_menu():
    return ""


@register.simple_tag
def footer_links():
    return ""


@register.simple_tag(takes_context=True)
def language_switcher(context):
    return ""


@register.simple_tag
def alternate_links(page):
    return ""


@register.simple_tag
def current_language():
    return translation.get_language()
