"""The funnel never shows a group small enough to point at one holder, on any of its surfaces: the page,
its CSV and the staff dashboard panel read the same protected aggregates."""

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from accompaniment.factories import CaseFactory, stage
from accompaniment.models import Stage


def _lone_launched_case_in_senegal():
    for _ in range(6):
        CaseFactory(country="FR")
    success = Stage.objects.filter(kind=Stage.Kind.SUCCESS).first()
    CaseFactory(country="SN", stage=success, launched=True, jobs_created=3, investment=987654)


def test_a_lone_case_joins_the_others_row_and_its_money_is_withheld(client, db, analyst):
    cache.clear()
    _lone_launched_case_in_senegal()
    client.force_login(analyst)
    pages = {}
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            response = client.get(reverse("accompaniment:funnel"))
        pages[language] = text = response.content.decode()
        assert response.status_code == 200
        assert "Sénégal" not in text and "السنغال" not in text and "Senegal" not in text
        assert "987654" not in text and "987 654" not in text and "987\u202f654" not in text
    assert "France" in pages["fr"] and "Autres, moins de 5 dossiers chacun" in pages["fr"]
    assert "&lt; 5" in pages["fr"]  # the lone launched case counts as "< 5", not 1
    assert "أخرى" in pages["ar"] and "Others, fewer than 5 cases each" in pages["en"]


def test_the_csv_export_holds_the_same_protected_figures(client, db, analyst):
    cache.clear()
    _lone_launched_case_in_senegal()
    client.force_login(analyst)
    response = client.get(reverse("accompaniment:funnel_csv"))
    body = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    assert "Senegal" not in body and "Sénégal" not in body and "987654" not in body
    assert "< 5" in body


def test_six_cases_in_one_country_are_shown_as_they_are(client, db, analyst):
    cache.clear()
    for _ in range(6):
        CaseFactory(country="BE", stage=stage("received"))
    client.force_login(analyst)
    outcomes = client.get(reverse("accompaniment:funnel")).context["data"]["outcomes"]["country"]
    assert [(row["key"], row["total"]) for row in outcomes] == [("BE", 6)]
