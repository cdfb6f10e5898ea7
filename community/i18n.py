"""Fields kept in fr, ar and en columns (name_fr, name_ar, name_en…), read in the active language."""

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def localized(obj, field):
    """The value of ``field`` in the active language, else in the default language, else any."""
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (active, settings.LANGUAGE_CODE, *LANGUAGE_CODES):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""
