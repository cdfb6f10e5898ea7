"""The site search in Chromium, in French and in Arabic: typing shows suggestions in an accessible
combobox (arrows, Escape), submitting opens the results with their facets, axe-core clean throughout."""

import pytest

from community.groups.factories import CommunityGroupFactory
from community.profiles.choices import Visibility
from community.profiles.factories import ProfileFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

CASES = {
    # language: (name stored, what the visitor types: another spelling of its first letters, expected words)
    "fr": ("Hélène Benkirane", "helene benk", {"members": "Membres", "all": "Tout", "search": "Rechercher"}),
    "ar": ("أمينة بنكيران", "امينه بنك", {"members": "الأعضاء", "all": "الكل", "search": "بحث"}),
}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_typing_shows_suggestions_and_submitting_shows_results(page, live_server, language):
    name, typed, words = CASES[language]
    ProfileFactory(directory=True, vis_name=Visibility.PUBLIC, display_name=name)
    CommunityGroupFactory(name="Réseau Benkirane", description="Famille et amis.")

    page.goto(f"{live_server.url}/{language}/search/")
    box = page.locator("#search-page-q")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    box.press_sequentially(typed, delay=40)
    listbox = page.locator("#search-page-q-suggestions")
    option = listbox.get_by_role("option").filter(has_text=name)
    option.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.get_attribute("role") == "listbox"
    assert axe_violations(page) == []

    # Arrows move the active option (aria-activedescendant), Escape closes the list.
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and listbox.is_hidden()

    # Enter with no option chosen submits the form: the results page, with its facets.
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator(".search-result")
    assert results.filter(has_text=name).count() == 1
    facets = page.get_by_role("navigation").filter(has=page.locator(".search-facets__count"))
    assert facets.get_by_role("link", name=words["all"]).get_attribute("aria-current") == "page"
    assert results.filter(has_text=name).get_by_role("link").get_attribute("dir") == "auto"
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert axe_violations(page) == []

    # Choosing a suggestion with the keyboard opens it.
    box = page.locator("#search-page-q")
    box.fill("")
    box.press_sequentially(typed, delay=40)
    page.locator("#search-page-q-suggestions").get_by_role("option").filter(has_text=name).wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/community/members/*/")
    assert name in page.content()
