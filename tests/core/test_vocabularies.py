"""One vocabulary of countries, sectors and languages, shared by every app."""

import pytest

from django.utils import translation

from core.countries import country_choices, country_codes, country_from_text, country_name
from core.languages import LanguageChoice, language_name, languages_shared
from core.sectors import SECTORS, canonical_sector, matching_slugs, sector_name, sectors_match


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Italia", "IT"),
        ("Deutschland", "DE"),
        ("België", "BE"),
        ("España", "ES"),
        ("Nederland", "NL"),
        ("هولندا", "NL"),
        ("المغرب", "MA"),
        ("الولايات المتحدة", "US"),
        ("États-Unis", "US"),
        ("U.S.A.", "US"),
        ("fr", "FR"),
        ("FRA", "FR"),
        ("mar", "MA"),
        ("Svizzera", "CH"),
        ("  allemagne ", "DE"),
        ("Sahara occidental", "MA"),
        ("Québec", "CA"),  # a province where the country goes
        ("Belgique/België", "BE"),  # two languages, one country
        ("Canada (Québec)", "CA"),
        ("E.A.U", "AE"),
        ("السعودية", "SA"),
        ("RDC", "CD"),  # not the other Congo
        ("Congo-Kinshasa", "CD"),
        ("Congo", "CG"),
        ("Amérique", "US"),  # as أمريكا
        ("G.B.", "GB"),
    ],
)
def test_countries_are_read_as_people_and_files_write_them(written, code):
    assert country_from_text(written) == code


def test_unknown_or_ambiguous_country_text_gives_no_code():
    assert country_from_text("Atlantis") is None
    assert country_from_text("") is None
    assert country_from_text("Kongo") is None  # both Congos in several languages: no guess
    assert country_from_text("France / Maroc") is None  # two countries: no guess


def test_country_names_follow_the_readers_language():
    assert country_name("DE", "fr") == "Allemagne"
    assert country_name("DE", "ar") == "ألمانيا"
    with translation.override("en"):
        assert country_name("de") == "Germany"
    assert country_name("ZZ") == "ZZ"
    assert "EH" not in country_codes() and country_name("EH", "fr") == "Maroc"


def test_country_choices_cover_every_country_sorted_by_name():
    with translation.override("fr"):
        choices = country_choices()
    assert len(choices) == len(country_codes()) >= 240
    names = [name for _code, name in choices]
    positions = [names.index(name) for name in ("Afghanistan", "Allemagne", "Égypte", "Zambie")]
    assert positions == sorted(positions)


def test_a_sector_matches_itself_and_its_family_not_its_siblings():
    assert sectors_match("water", "energy") and sectors_match("energy", "water")
    assert not sectors_match("water", "renewable-energy")
    assert not sectors_match("fintech", "banking")
    assert not sectors_match("crafts", "textile")
    assert sectors_match("social-economy", "social")  # an older programme tag
    assert "social-economy" in matching_slugs("social")
    assert canonical_sector("unknown") is None and sector_name("unknown", "Typed") == "Typed"


def test_every_sector_has_a_family_that_is_a_family():
    for sector in SECTORS.values():
        assert sector.family is None or SECTORS[sector.family].family is None


def test_languages_include_darija_and_tamazight_in_every_language():
    assert {"ary", "zgh"} <= set(LanguageChoice.values)
    with translation.override("ar"):
        assert language_name("ary") == "العربية المغربية (الدارجة)"
    with translation.override("fr"):
        assert language_name("zgh") == "Tamazight"
    assert languages_shared(["ary", "fr"], ["ar", "en"]) == {"ar"}
