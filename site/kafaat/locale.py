"""LocaleMiddleware that leaves the API's 404s alone.

Django's middleware turns a 404 on an unprefixed path into a redirect to the language-prefixed one
when that one resolves, and Wagtail's catch-all page pattern resolves every path: an API caller asking
for a missing record would be sent to /fr/api/… instead of getting the API's JSON error body.
"""

from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

API_PREFIX = "/api/"


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(API_PREFIX):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
