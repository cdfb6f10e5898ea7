"""One way to write each kind of date, in fr, ar and en; Moroccan month names in Arabic by default."""

import datetime

import pytest

from django.template import Context, Template
from django.utils import translation

from core import dates
from core.templatetags.core import list_text

UTC = datetime.UTC
MOMENT = datetime.datetime(2026, 11, 29, 14, 5, tzinfo=UTC)
MAGHREB = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]


def _in(language, function, *args, **kwargs):
    with translation.override(language):
        return function(*args, **kwargs)


def test_every_month_reads_with_its_moroccan_name_in_arabic():
    for month, name in enumerate(MAGHREB, start=1):
        assert _in("ar", dates.date_text, datetime.date(2026, month, 3)) == f"3 {name} 2026"


def test_date_and_datetime_in_three_languages():
    assert _in("fr", dates.date_text, MOMENT) == "29 novembre 2026"
    assert _in("ar", dates.date_text, MOMENT) == "29 نونبر 2026"
    assert _in("en", dates.date_text, MOMENT) == "Nov. 29, 2026"
    assert _in("fr", dates.datetime_text, MOMENT) == "29 novembre 2026 14:05"
    assert _in("ar", dates.datetime_text, MOMENT) == "29 نونبر 2026، 14:05"
    # In another time zone (an event's own).
    casablanca = datetime.timezone(datetime.timedelta(hours=1))
    assert _in("fr", dates.datetime_text, MOMENT, tz=casablanca) == "29 novembre 2026 15:05"


@pytest.mark.parametrize(
    ("language", "same_day", "same_month", "same_year", "across_years"),
    [
        (
            "fr",
            "29 novembre 2026, 14:05–16:05",
            "29–30 novembre 2026",
            "29 novembre – 2 décembre 2026",
            "29 décembre 2026 – 2 janvier 2027",
        ),
        (
            "ar",
            "29 نونبر 2026، 14:05–16:05",
            "29–30 نونبر 2026",
            "29 نونبر – 2 دجنبر 2026",
            "29 دجنبر 2026 – 2 يناير 2027",
        ),
        ("en", None, "Nov. 29–30, 2026", "Nov. 29 – Dec. 2, 2026", "Dec. 29, 2026 – Jan. 2, 2027"),
    ],
)
def test_ranges_name_what_they_share_once(language, same_day, same_month, same_year, across_years):
    if same_day:
        assert _in(language, dates.range_text, MOMENT, MOMENT + datetime.timedelta(hours=2)) == same_day
    day = datetime.date(2026, 11, 29)
    assert _in(language, dates.range_text, day, datetime.date(2026, 11, 30)) == same_month
    assert _in(language, dates.range_text, day, datetime.date(2026, 12, 2)) == same_year
    assert (
        _in(language, dates.range_text, datetime.date(2026, 12, 29), datetime.date(2027, 1, 2))
        == across_years
    )
    assert _in(language, dates.range_text, day, day) == _in(language, dates.date_text, day)


def test_relative_in_words_both_ways():
    now = MOMENT
    assert _in("fr", dates.relative_text, now - datetime.timedelta(days=3), now) == "il y a 3\xa0jours"
    assert _in("en", dates.relative_text, now + datetime.timedelta(hours=2), now) == "in 2\xa0hours"
    assert _in("ar", dates.relative_text, now - datetime.timedelta(seconds=20), now) == "الآن"
    assert _in("ar", dates.relative_text, now - datetime.timedelta(days=3), now).startswith("منذ ")


def test_the_template_filters_wrap_a_machine_readable_time():
    template = Template("{% load dates %}{{ moment|date_text }} {% range_text start end %}")
    with translation.override("ar"):
        html = template.render(
            Context(
                {"moment": MOMENT, "start": datetime.date(2026, 11, 29), "end": datetime.date(2026, 11, 30)}
            )
        )
    assert html == (
        '<time datetime="2026-11-29T14:05:00+00:00">29 نونبر 2026</time> '
        '<time datetime="2026-11-29">29–30 نونبر 2026</time>'
    )


def test_the_mashriq_names_are_a_setting_away(settings):
    """ARABIC_MONTH_NAMES=mashriq: the settings leave the Moroccan catalogue out of LOCALE_PATHS."""
    settings.LOCALE_PATHS = [path for path in settings.LOCALE_PATHS if "maghreb" not in str(path)]
    translation.trans_real._translations = {}
    translation.trans_real._active = translation.trans_real.Local()
    try:
        assert _in("ar", dates.date_text, MOMENT) == "29 نوفمبر 2026"
    finally:
        translation.trans_real._translations = {}
        translation.trans_real._active = translation.trans_real.Local()


def test_scripts_are_told_the_locale_that_gives_the_same_month_names(client, settings):
    template = Template("{% load dates %}{% date_locale %}")
    with translation.override("ar"):
        assert template.render(Context()) == "ar-MA"
    settings.ARABIC_MONTH_NAMES = "mashriq"
    with translation.override("ar"):
        assert template.render(Context()) == "ar"
    with translation.override("fr"):
        assert template.render(Context()) == "fr"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Mentorat, Expertise et Réseau"),
        ("ar", "Mentorat وExpertise وRéseau"),
        ("en", "Mentorat, Expertise, and Réseau"),
    ],
)
def test_a_list_is_written_as_the_reader_language_writes_one(language, expected):
    with translation.override(language):
        assert list_text(["Mentorat", "Expertise", "Réseau"]) == expected
    assert list_text([]) == ""
