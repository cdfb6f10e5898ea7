"""City names in the reader's language, from what members typed.

Cities are stored as typed ("Bruxelles", "Casablanca", "الرباط"): nothing here changes a stored value.
``city_name`` only chooses how to show one: when the typed text names a city we know, in any of fr, ar
or en (accents, case and Arabic letter variants do not matter), the reader sees that city's name in
their language; otherwise the text comes back as typed.

Two sources, the first that knows the city wins:
- ``CITIES``, a small reviewed table of Moroccan cities and the diaspora's main cities (CLDR knows
  only cities that name a time zone: not Rabat, Lyon or Tanger);
- CLDR exemplar cities of the time zones (babel), about 450 cities with names in fr, ar and en.
  Zones that CLDR keeps only as aliases of another are left out (America/Montreal reads "Toronto").
"""

from functools import lru_cache

from babel.core import get_global
from babel.dates import get_timezone_location

from django.utils import translation

from .text import fold
from .text import key as _key

LANGUAGES = ("fr", "ar", "en")

# (fr, ar, en, other spellings people write). Arabic names as Moroccan press and administration write them.
CITIES = (
    # Morocco
    ("Casablanca", "الدار البيضاء", "Casablanca", "Dar el Beida", "Casa", "كازابلانكا"),
    ("Rabat", "الرباط", "Rabat"),
    ("Marrakech", "مراكش", "Marrakesh"),
    ("Fès", "فاس", "Fez", "Fes"),
    ("Tanger", "طنجة", "Tangier", "Tangiers"),
    ("Agadir", "أكادير", "Agadir"),
    ("Meknès", "مكناس", "Meknes"),
    ("Oujda", "وجدة", "Oujda"),
    ("Kénitra", "القنيطرة", "Kenitra"),
    ("Tétouan", "تطوان", "Tetouan", "Tetuan"),
    ("Laâyoune", "العيون", "Laayoune", "El Aaiun"),
    ("Dakhla", "الداخلة", "Dakhla"),
    ("Nador", "الناظور", "Nador"),
    ("El Jadida", "الجديدة", "El Jadida"),
    ("Safi", "آسفي", "Safi"),
    ("Béni Mellal", "بني ملال", "Beni Mellal"),
    ("Essaouira", "الصويرة", "Essaouira"),
    ("Ouarzazate", "ورزازات", "Ouarzazate"),
    ("Al Hoceïma", "الحسيمة", "Al Hoceima"),
    ("Taza", "تازة", "Taza"),
    ("Settat", "سطات", "Settat"),
    ("Mohammédia", "المحمدية", "Mohammedia"),
    ("Khouribga", "خريبكة", "Khouribga"),
    ("Errachidia", "الرشيدية", "Errachidia"),
    ("Guelmim", "كلميم", "Guelmim"),
    # France
    ("Paris", "باريس", "Paris"),
    ("Lyon", "ليون", "Lyon"),
    ("Marseille", "مرسيليا", "Marseille"),
    ("Lille", "ليل", "Lille"),
    ("Toulouse", "تولوز", "Toulouse"),
    ("Bordeaux", "بوردو", "Bordeaux"),
    ("Nice", "نيس", "Nice"),
    ("Montpellier", "مونبلييه", "Montpellier"),
    ("Strasbourg", "ستراسبورغ", "Strasbourg"),
    ("Nantes", "نانت", "Nantes"),
    # Benelux
    ("Bruxelles", "بروكسل", "Brussels", "Brussel"),
    ("Anvers", "أنتويرب", "Antwerp", "Antwerpen"),
    ("Liège", "لييج", "Liège", "Liege", "Luik"),
    ("Amsterdam", "أمستردام", "Amsterdam"),
    ("Rotterdam", "روتردام", "Rotterdam"),
    ("La Haye", "لاهاي", "The Hague", "Den Haag"),
    ("Utrecht", "أوتريخت", "Utrecht"),
    # Spain, Italy
    ("Madrid", "مدريد", "Madrid"),
    ("Barcelone", "برشلونة", "Barcelona"),
    ("Valence", "فالنسيا", "Valencia"),
    ("Séville", "إشبيلية", "Seville", "Sevilla"),
    ("Milan", "ميلانو", "Milan", "Milano"),
    ("Turin", "تورينو", "Turin", "Torino"),
    ("Rome", "روما", "Rome", "Roma"),
    ("Bologne", "بولونيا", "Bologna"),
    # Germany, Switzerland, Nordic
    ("Berlin", "برلين", "Berlin"),
    ("Düsseldorf", "دوسلدورف", "Düsseldorf", "Dusseldorf"),
    ("Francfort", "فرانكفورت", "Frankfurt", "Frankfurt am Main"),
    ("Cologne", "كولونيا", "Cologne", "Köln"),
    ("Munich", "ميونخ", "Munich", "München"),
    ("Genève", "جنيف", "Geneva", "Genf", "Ginevra"),
    ("Zurich", "زيورخ", "Zurich", "Zürich"),
    ("Stockholm", "ستوكهولم", "Stockholm"),
    ("Oslo", "أوسلو", "Oslo"),
    # United Kingdom, North America
    ("Londres", "لندن", "London"),
    ("Manchester", "مانشستر", "Manchester"),
    ("Montréal", "مونتريال", "Montreal"),
    ("Toronto", "تورونتو", "Toronto"),
    ("Ottawa", "أوتاوا", "Ottawa"),
    ("Québec", "كيبيك", "Quebec City", "Quebec", "Ville de Québec"),
    ("New York", "نيويورك", "New York", "NYC"),
    ("San Francisco", "سان فرانسيسكو", "San Francisco"),
    ("Washington", "واشنطن", "Washington", "Washington DC"),
    # Gulf, Africa, elsewhere
    ("Dubaï", "دبي", "Dubai"),
    ("Abou Dabi", "أبوظبي", "Abu Dhabi", "Abu Dabi", "أبو ظبي"),
    ("Riyad", "الرياض", "Riyadh"),
    ("Djeddah", "جدة", "Jeddah", "Jedda"),
    ("Doha", "الدوحة", "Doha"),
    ("Istanbul", "إسطنبول", "Istanbul"),
    ("Dakar", "داكار", "Dakar"),
    ("Abidjan", "أبيدجان", "Abidjan"),
    ("Tokyo", "طوكيو", "Tokyo"),
    ("Sydney", "سيدني", "Sydney"),
)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, frozenset[str]]:
    """Lookup key → every spelling of the same city: its names in fr, ar, en and the others listed."""
    table = _table()
    spellings: dict[int, set[str]] = {}
    for names in table.values():
        spellings.setdefault(id(names), set()).update(names.values())
    for row in CITIES:
        spellings[id(table[_key(row[0])])].update(row)
    return {spelling: frozenset(spellings[id(names)]) for spelling, names in table.items()}


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    """Folded spelling → {"fr": …, "ar": …, "en": …}; the reviewed table over CLDR where both know one."""
    index: dict[str, dict[str, str]] = {}
    aliases = get_global("zone_aliases")
    for zone in get_global("zone_territories"):
        if zone in aliases or "/" not in zone or zone.startswith("Etc/"):
            continue
        try:
            names = {
                language: get_timezone_location(zone, locale=language, return_city=True)
                for language in LANGUAGES
            }
        except (LookupError, ValueError):
            continue
        for name in names.values():
            index.setdefault(_key(name), names)
    for row in CITIES:
        names = dict(zip(LANGUAGES, row[:3], strict=True))
        for spelling in row:
            index[_key(spelling)] = names
    return index


def city_names(text: str) -> dict[str, str] | None:
    """The city's names in fr, ar and en when ``text`` names a city we know, else None."""
    folded = _key(text or "")
    return _table().get(folded) if folded else None


def city_keys(text: str, folding=fold) -> set[str]:
    """Every way to write the city ``text`` names, each passed through ``folding`` (the folding the
    caller stored with, e.g. profiles' ``city_key``); only ``text`` itself when the city is unknown.
    A directory filter on "Brussels" or "بروكسل" thus also finds the members who typed "Bruxelles"."""
    if not (text or "").strip():
        return set()
    return {folding(text), *(folding(spelling) for spelling in _spellings().get(_key(text), ()))}


def city_name(text: str, language: str | None = None) -> str:
    """``text`` (a city as a member typed it) in the reader's language; as typed when unknown."""
    names = city_names(text)
    if not names:
        return text or ""
    language = (language or translation.get_language() or "fr")[:2]
    return names.get(language) or text
