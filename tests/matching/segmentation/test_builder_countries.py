"""The builder's countries are a list of checkboxes (no Ctrl/Cmd click, no script needed) under the same
parameter name as before: two ticked countries are both counted, by the page, the live count and a save."""

import pytest
from bs4 import BeautifulSoup

from django.test import Client

from matching.segmentation.models import Segment
from privacy.factories import PrivacyNoticeFactory

from .conftest import member

pytestmark = pytest.mark.django_db

BUILDER, COUNT = "/{}/matching/segments/new/", "/{}/matching/segments/count/"


@pytest.fixture
def client(analyst):
    PrivacyNoticeFactory(version="1.0")
    for country in ("FR", "BE", "ES"):
        member(country=country)
    client = Client()
    client.force_login(analyst)
    return client


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_countries_are_checkboxes_in_a_fieldset_folded_in_details(client, language):
    page = BeautifulSoup(client.get(BUILDER.format(language)).content, "html.parser")
    assert page.select("select[multiple]") == []
    assert page.select_one("select[name=country]") is None
    boxes = page.select("input[type=checkbox][name=country]")
    assert len(boxes) > 190 and {"FR", "BE", "MA"} <= {box["value"] for box in boxes}
    fieldset = boxes[0].find_parent("fieldset")
    assert fieldset.legend.get_text(strip=True)
    assert boxes[0].find_parent("details") is not None
    for box in boxes[:3]:  # each box has its label (the country's name)
        assert box.find_parent("label").get_text(strip=True)
    assert "Ctrl" not in page.get_text()


def test_two_ticked_countries_are_both_counted(client):
    response = client.get(COUNT.format("fr"), {"country": ["FR", "BE"]})
    assert response.json()["count"] == 2
    assert client.get(COUNT.format("fr"), {"country": ["FR"]}).json()["count"] == 1

    page = client.get(BUILDER.format("ar"), {"country": ["FR", "BE"]})
    assert page.context["count"] == 2
    html = BeautifulSoup(page.content, "html.parser")
    checked = {box["value"] for box in html.select("input[name=country][checked]")}
    assert checked == {"FR", "BE"}
    chosen = [item.get_text(strip=True) for item in html.select(".choice-list__chosen li")]
    assert sorted(chosen) == sorted(["فرنسا", "بلجيكا"])

    response = client.post(BUILDER.format("fr"), {"country": ["FR", "BE"], "name": "France et Belgique"})
    assert response.status_code == 302
    segment = Segment.objects.get(name="France et Belgique")
    assert segment.filters == {"country": ["BE", "FR"]} and segment.member_count == 2
