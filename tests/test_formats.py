import datetime

from django.template import Context, Template
from django.utils import translation

MOMENT = datetime.datetime(2026, 11, 29, 14, 5, tzinfo=datetime.UTC)
TEMPLATE = Template('{{ moment|date:"DATETIME_FORMAT" }} | {{ moment|date:"DATE_FORMAT" }} | {{ amount }}')


def _render(language):
    with translation.override(language):
        return TEMPLATE.render(Context({"moment": MOMENT, "amount": 1250000.5}))


def test_dates_and_numbers_follow_the_active_language(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    assert _render("ar") == "29 نونبر 2026، 14:05 | 29 نونبر 2026 | 1\u00a0250\u00a0000,5"
    assert _render("fr") == "29 novembre 2026 14:05 | 29 novembre 2026 | 1\u00a0250\u00a0000,5"
    assert _render("en") == "Nov. 29, 2026, 2:05 p.m. | Nov. 29, 2026 | 1,250,000.5"
