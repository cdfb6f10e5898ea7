"""The language of a response: ``?lang=`` wins, then Accept-Language (already active via LocaleMiddleware)."""

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def requested_language(request) -> str:
    lang = request.query_params.get("lang", "")
    if lang in LANGUAGE_CODES:
        return lang
    return translation.get_language() or settings.LANGUAGE_CODE
