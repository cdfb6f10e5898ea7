"""One vocabulary of countries: ISO 3166-1 alpha-2 codes, with names in every language from CLDR (babel).

Stored values are codes; names are looked up in the reader's language when shown. ``country_from_text``
reads what people and source files write: a name in any CLDR language (Italia, Deutschland, België,
هولندا), an alpha-2 or alpha-3 code in any case, a few usual short forms.
"""

import re
from functools import lru_cache

import babel
from babel.core import get_global
from babel.localedata import locale_identifiers

from django.utils import translation

from .text import key as _key

# CLDR regions that are not ISO 3166-1 countries (continents, unions, pseudo-locales, sub-territories).
_NOT_COUNTRIES = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)
# The ministry's position: the southern provinces are part of Morocco. Their CLDR names read as Morocco.
_FOLDED_INTO = {"EH": "MA"}

# Usual forms that no CLDR language lists as a name.
_SHORT_FORMS = {
    "MA": ("royaume du maroc", "kingdom of morocco", "المملكة المغربية", "مغرب"),
    "FR": ("republique francaise", "france metropolitaine", "metropole"),
    "DE": ("rfa", "germany fr"),
    "NL": ("hollande", "holland", "the netherlands", "pays bas"),
    "GB": (
        "uk", "u k", "angleterre", "england", "scotland", "ecosse", "wales",
        "great britain", "grande bretagne", "g b", "بريطانيا", "بريطانيا العظمى", "انجلترا", "انكلترا",
    ),
    "US": (
        "usa", "u s a", "u s", "etats unis d amerique", "united states of america", "امريكا",
        "الولايات المتحدة الامريكيه", "amerique",  # as أمريكا: what Moroccans abroad say of the US
    ),
    "CD": ("rdc", "r d c", "congo kinshasa", "republique democratique du congo"),
    "AE": ("uae", "eau", "e a u", "emirats", "dubai", "abu dhabi", "الامارات"),
    "SA": ("ksa", "السعودية", "arabie"),
    # A province written where the country goes, as people in Quebec often do.
    "CA": ("quebec", "كيبيك"),
}


def _locale(language: str | None = None) -> babel.Locale:
    code = (language or translation.get_language() or "fr").replace("-", "_")
    try:
        return babel.Locale.parse(code)
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale.parse("fr")


@lru_cache(maxsize=1)
def _codes() -> tuple[str, ...]:
    names = babel.Locale.parse("en").territories
    return tuple(
        sorted(
            c for c in names if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES | set(_FOLDED_INTO)
        )
    )


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(_codes())


@lru_cache(maxsize=16)
def _names(language: str) -> dict[str, str]:
    return dict(_locale(language).territories)


def country_name(code: str | None, language: str | None = None) -> str:
    """The country's name in ``language`` (default: the active one); an unknown code comes back as given."""
    code = (code or "").strip().upper()
    if not code:
        return ""
    code = _FOLDED_INTO.get(code, code)
    if code not in country_codes():
        return code
    return _names(language or translation.get_language() or "fr").get(code, code)


@lru_cache(maxsize=16)
def _sorted_choices(language: str) -> tuple[tuple[str, str], ...]:
    names = _names(language)
    return tuple(sorted(((code, names.get(code, code)) for code in _codes()), key=lambda item: _key(item[1])))


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name in the active language.

    Sorted once per language: a directory page asks for them about twenty times (filters, cards)."""
    return list(_sorted_choices(language or translation.get_language() or "fr"))


def country_choices_lazy():
    """For model and form fields: Django calls it when it needs the choices, in the request's language."""
    return country_choices()


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """{folded name or code: alpha-2}; names from every CLDR language, the first languages winning ties."""
    codes = set(_codes())
    index: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add(text, code, *, strong=False):
        code = _FOLDED_INTO.get(code, code)
        if code not in codes:
            return
        k = _key(text)
        if not k:
            return
        if strong:
            index[k] = code
            ambiguous.discard(k)
            return
        if k in ambiguous:
            return
        if k in index and index[k] != code:
            ambiguous.add(k)
            del index[k]
            return
        index.setdefault(k, code)

    others = sorted(i for i in locale_identifiers() if "_" not in i and i not in {"fr", "ar", "en"})
    for language in others:
        try:
            territories = babel.Locale.parse(language).territories
        except (ValueError, babel.UnknownLocaleError):
            continue
        for code, name in territories.items():
            if len(code) == 2:
                add(name, code)
    # French, Arabic and English names, codes and short forms override any clash with a rarer language.
    for language in ("en", "fr", "ar"):
        for code, name in babel.Locale.parse(language).territories.items():
            if len(code) == 2:
                add(name, code, strong=True)
                if _key(name).startswith("ال"):
                    add(_key(name)[2:], code, strong=True)
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1:
            add(alias, targets[0], strong=True)
    for code, forms in _SHORT_FORMS.items():
        for form in forms:
            add(form, code, strong=True)
    for code in codes:
        add(code, code, strong=True)
    for code, target in _FOLDED_INTO.items():
        add(code, target, strong=True)
    return index


# A dash between spaces separates two forms ("FR - France"); one inside a name does not (Guinée-Bissau).
_DASH_BETWEEN = re.compile(r"\s[-–—]\s")
_PARTS = re.compile(r"[/,;|()]|\s[-–—]\s")


def country_from_text(text: str | None) -> str | None:
    """The alpha-2 code a person or a file meant, or None when nothing matches without doubt."""
    k = _key(text or "")
    if not k:
        return None
    code = _index().get(k)
    if code is None and (any(mark in (text or "") for mark in "/,;|(") or _DASH_BETWEEN.search(text)):
        # "Belgique/België", "Canada (Québec)", "FR - France": every part that names a country must
        # name the same one.
        parts = {_index().get(_key(part)) for part in _PARTS.split(text) if _key(part)}
        if len(parts - {None}) == 1:
            code = (parts - {None}).pop()
    return code
