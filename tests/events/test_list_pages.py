"""The events list is paged (a phone scrolled a 9,600 px list) and names time zones as people do."""

from datetime import timedelta

import pytest

from django.utils import timezone

from events.factories import EventFactory
from events.views import EVENTS_PER_PAGE

pytestmark = pytest.mark.django_db


def test_the_list_is_paged_and_the_pages_keep_the_filters(client):
    start = timezone.now() + timedelta(days=1)
    for n in range(EVENTS_PER_PAGE + 5):
        moment = start + timedelta(hours=n)
        EventFactory(title_fr=f"Rencontre {n:02d}", start=moment, end=moment + timedelta(minutes=30))
    EventFactory(title_fr="Atelier", start=start, end=start + timedelta(minutes=30))

    html = client.get("/fr/events/", {"q": "Rencontre"}).content.decode()
    assert html.count('<li class="event-item') == EVENTS_PER_PAGE and "Atelier" not in html
    assert "Page 1 sur 2" in html and 'href="?q=Rencontre&amp;page=2" rel="next"' in html

    second = client.get("/fr/events/", {"q": "Rencontre", "page": 2}).content.decode()
    assert second.count('<li class="event-item') == 5
    assert "Rencontre 24" in second and "Rencontre 00" not in second


@pytest.mark.parametrize(("language", "city"), [("fr", "Paris"), ("ar", "باريس"), ("en", "Paris")])
def test_a_session_names_its_time_zone_by_its_city_in_the_reader_language(client, language, city):
    EventFactory(title_fr="Café", title_ar="مقهى", title_en="Coffee", time_zone="Europe/Paris")

    html = client.get(f"/{language}/events/").content.decode()

    assert f"({city})" in html and "Europe/Paris" not in html
