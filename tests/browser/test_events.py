"""In Chromium: the last place, the waiting list and the promotion; the .ics download; axe-core on
the event pages in French and Arabic."""

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from recurrence import WEEKLY, Recurrence, Rule, Weekday

from accounts.factories import UserFactory
from events import services
from events.factories import EventFactory
from events.models import RSVP
from tests.browser.helpers import log_in

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
PARIS = ZoneInfo("Europe/Paris")  # the factory's event zone: the rule's weekday is the local one


def _answer_going(page):
    page.locator("input[name='status'][value='going']").check()
    page.locator("form.rsvp-form button[type='submit']").click()
    page.wait_for_selector(".event-answer")
    return page.locator(".event-answer").get_attribute("data-status")


def test_last_place_waiting_list_promotion_and_ics(browser, live_server):
    event = EventFactory(title_fr="Soirée réseau de Lyon", capacity=2)
    services.rsvp_set(user=UserFactory(), event=event, original_start=event.start, status="going")
    first = UserFactory(email="amina@example.org", first_name="Amina")
    second = UserFactory(email="karim@example.org", first_name="Karim")
    url = f"{live_server.url}/fr/events/{event.id}/"

    first_tab = browser.new_context(locale="fr-FR").new_page()
    log_in(first_tab, live_server.url, first.email)
    first_tab.goto(url)
    assert "1 place restante" in first_tab.locator(".event-places").inner_text()
    assert _answer_going(first_tab) == "going"

    second_tab = browser.new_context(locale="fr-FR").new_page()
    log_in(second_tab, live_server.url, second.email)
    second_tab.goto(url)
    assert "0 place restante" in second_tab.locator(".event-places").inner_text()
    assert _answer_going(second_tab) == "waitlisted"
    assert "liste d’attente" in second_tab.locator(".messages").inner_text()

    first_tab.locator("input[name='status'][value='not_going']").check()
    first_tab.locator("form.rsvp-form button[type='submit']").click()
    first_tab.wait_for_selector(".event-answer[data-status='not_going']")

    assert RSVP.objects.get(user=second).status == "going"
    second_tab.reload()
    assert second_tab.locator(".event-answer").get_attribute("data-status") == "going"
    second_tab.goto(f"{live_server.url}/fr/community/notifications/")
    assert "Une place s’est libérée pour vous" in second_tab.content()

    second_tab.goto(url)
    with second_tab.expect_download() as download_info:
        second_tab.locator(f"a[href$='/events/{event.id}/event.ics']").click()
    download = download_info.value
    calendar = vobject.readOne(Path(download.path()).read_text(encoding="utf-8"))
    assert calendar.vevent.summary.value == "Soirée réseau de Lyon"
    response = second_tab.request.get(f"{live_server.url}/fr/events/{event.id}/event.ics")
    assert response.status == 200 and response.headers["content-type"].startswith("text/calendar")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_event_pages_have_no_serious_accessibility_violation(browser, live_server, language):
    event = EventFactory(title_ar="لقاء الكفاءات", capacity=10, questions=["Votre secteur ?"])
    start = event.start
    recurring = EventFactory(
        start=start + timedelta(days=1),
        end=start + timedelta(days=1, hours=2),
        mode="hybrid",
        online_url="https://meet.example.org/room",
        recurrence=Recurrence(
            rrules=[
                Rule(
                    WEEKLY, byday=[Weekday((start + timedelta(days=1)).astimezone(PARIS).weekday())], count=6
                )
            ]
        ),
    )
    member = UserFactory(email="salma@example.org")
    services.rsvp_set(user=member, event=event, original_start=event.start, status="going")
    tab = browser.new_context().new_page()
    log_in(tab, live_server.url, member.email)
    found = {}
    for path in (
        f"/{language}/events/",
        f"/{language}/events/calendar/?year={start.year}&month={start.month}",
        f"/{language}/events/{event.id}/",
        f"/{language}/events/{recurring.id}/",
        f"/{language}/events/mine/",
    ):
        response = tab.goto(live_server.url + path)
        assert response.status == 200, path
        assert tab.evaluate("() => document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
        violations = axe_violations(tab)
        if violations:
            found[path] = violations
    assert found == {}
