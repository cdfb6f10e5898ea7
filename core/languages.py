"""One vocabulary of the languages members speak and write, with Moroccan Arabic (Darija) and Tamazight.

Names come from CLDR (babel) in the reader's language; where CLDR has none in that language (Darija in
Arabic), the translated label below is used.
"""

from functools import lru_cache

import babel

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Order: the languages of Morocco, then of the main countries of residence.
LANGUAGE_CODES = ("ar", "ary", "zgh", "fr", "en", "es", "de", "nl", "it", "pt", "tr", "zh", "ru")

_LABELS = {
    "ar": _("Arabic"),
    "ary": _("Moroccan Arabic (Darija)"),
    "zgh": _("Tamazight"),
    "fr": _("French"),
    "en": _("English"),
    "es": _("Spanish"),
    "de": _("German"),
    "nl": _("Dutch"),
    "it": _("Italian"),
    "pt": _("Portuguese"),
    "tr": _("Turkish"),
    "zh": _("Chinese"),
    "ru": _("Russian"),
}

# A speaker of one understands the other for work purposes (used by matching).
MUTUALLY_UNDERSTOOD = {"ary": frozenset({"ar"}), "ar": frozenset({"ary"})}


@lru_cache(maxsize=16)
def _cldr(language: str) -> dict[str, str]:
    try:
        return dict(babel.Locale.parse(language.replace("-", "_")).languages)
    except (ValueError, babel.UnknownLocaleError):
        return {}


def language_name(code: str | None, language: str | None = None) -> str:
    code = (code or "").strip()
    if not code:
        return ""
    if code in _LABELS:
        return str(_LABELS[code])
    return _cldr(language or translation.get_language() or "fr").get(code, code)


LanguageChoice = models.TextChoices(
    "LanguageChoice", {code.upper(): (code, _LABELS[code]) for code in LANGUAGE_CODES}
)


def languages_shared(a, b) -> set[str]:
    """Languages two people can use together, Darija and Arabic counting as one."""
    a, b = set(a or ()), set(b or ())
    widened = set(a)
    for code in a:
        widened |= MUTUALLY_UNDERSTOOD.get(code, frozenset())
    return {code for code in b if code in widened}
