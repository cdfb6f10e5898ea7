"""Public CMS pages served from a cache to visitors who are not signed in (wagtail-cache), emptied
whenever what those pages show changes: a page published, unpublished, moved or deleted, a menu or
footer link edited.

Signed-in members, previews, and a visitor who has a flash message waiting never get a cached copy.
Browsers are told to revalidate (``no-cache``): a visitor who signs in afterwards must not keep seeing
the anonymous page from their own browser cache.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches


def request_cacheable(request, is_cacheable: bool):
    """wagtail-cache's ``is_request_cacheable`` hook."""
    if is_cacheable and CookieStorage.cookie_name in request.COOKIES:
        return False
    return is_cacheable


def pages_changed(sender=None, **kwargs) -> None:
    """Empties the whole page cache: the pages, and the menus, footer and home links kept beside them
    (cms.selectors._shared), also when the page cache itself is off (PAGE_CACHE=false), where
    wagtail-cache's clear_cache does nothing."""
    caches[settings.WAGTAIL_CACHE_BACKEND].clear()


class BrowserRevalidateMiddleware:
    """Outermost: a page the server cache handled is revalidated by browsers on every visit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header(settings.WAGTAIL_CACHE_HEADER):
            response["Cache-Control"] = "no-cache"
            if response.has_header("Expires"):
                del response["Expires"]
        return response
