"""A city is one place however a source writes it: in Arabic, French, the local language, misspelt."""

import pytest

from referential.linkage import engine, places


@pytest.mark.parametrize(
    "spellings, country",
    [
        (["Barcelona", "Barcelone", "برشلونة"], "ES"),
        (["Bruxelles", "Brussel", "Brussels", "بروكسيل", "Bruxeles"], "BE"),
        (["Antwerpen", "Anvers", "أنتويربن"], "BE"),
        (["Frankfurt", "Francfort", "فرانكفورت"], "DE"),
        (["Montréal", "Montreal", "مونتريال"], "CA"),
        (["Casablanca", "الدار البيضاء"], "MA"),
        (["Torino", "Turin", "تورينو"], "IT"),
    ],
)
def test_one_place_in_every_language_and_script(spellings, country):
    found = {places.place_id(spelling, country) for spelling in spellings}
    assert len(found) == 1 and None not in found, found


def test_the_rows_country_settles_names_that_several_places_share():
    assert places.place_id("Paris", "FR") != places.place_id("Paris", "CA")
    assert places.place_id("Barcelona", "ES") != places.place_id("Barcelona", "VE")
    assert places.place_id("Paris") == places.place_id("Paris", "FR")  # no country: the largest
    assert places.place_id("Atlantis", "FR") is None and places.place_id("", "FR") is None


def test_linkage_compares_places_not_spellings():
    records = [
        {"unique_id": "a", "given_name": "Salma", "city": "Barcelona", "country": "ES"},
        {"unique_id": "b", "name_arabic": "سلمى", "city": "برشلونة", "country": "ES"},
        {"unique_id": "c", "given_name": "Salma", "city": "Barcelona", "country": "VE"},
    ]  # fmt: skip
    prepared = {row["unique_id"]: row for row in engine.prepare_person_records(records).to_pylist()}
    assert prepared["a"]["city_skel"] != prepared["b"]["city_skel"]  # the spellings do not meet…
    assert prepared["a"]["city_place"] == prepared["b"]["city_place"]  # …the place does
    assert prepared["a"]["city_place"] != prepared["c"]["city_place"]
