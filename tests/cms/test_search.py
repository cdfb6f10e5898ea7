"""Site search, pages: live, public pages of the active language only (Wagtail's search backend)."""

from django.utils import translation
from django.utils.translation import gettext, ngettext

from wagtail.models import PageViewRestriction

from cms import factories


def result_titles(response):
    return [hit.title for hit in response.context["page_obj"]]


def search(client, language, **params):
    """The search page's "Pages" results."""
    return client.get(f"/{language}/search/", {"kind": "pages", **params})


def test_search_finds_a_french_page_in_french_only(client, home):
    factories.StandardPageFactory(parent=home, title="Guichet des investisseurs", slug="guichet")

    french = search(client, "fr", q="investisseurs")
    english = search(client, "en", q="investisseurs")

    assert french.status_code == 200
    assert result_titles(french) == ["Guichet des investisseurs"]
    assert french.context["result_count"] == 1
    with translation.override("fr"):
        found = ngettext("%(counter)s result for “%(query)s”", "%(counter)s results for “%(query)s”", 1)
    assert found % {"counter": 1, "query": "investisseurs"} in french.content.decode()
    assert english.status_code == 200
    assert result_titles(english) == []
    with translation.override("en"):
        nothing = gettext("No results for “%(query)s”. Try other words or check the spelling.")
    assert nothing % {"query": "investisseurs"} in english.content.decode()


def test_search_finds_the_translation_of_the_active_language(client, tree):
    response = search(client, "ar", q="Mentoring")
    assert result_titles(response) == ["Mentoring ar"]


def test_search_never_shows_unpublished_or_private_pages(client, home):
    draft = factories.StandardPageFactory(parent=home, title="Budget en brouillon", slug="brouillon")
    draft.unpublish()
    private = factories.StandardPageFactory(parent=home, title="Budget de l'espace privé", slug="espace")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    factories.StandardPageFactory(parent=private, title="Budget détaillé", slug="sous-page")
    factories.StandardPageFactory(parent=home, title="Budget publié", slug="note")

    response = search(client, "fr", q="budget")

    assert result_titles(response) == ["Budget publié"]


def test_search_results_are_paginated(client, home):
    for number in range(12):
        factories.StandardPageFactory(
            parent=home, title=f"Mission d'expertise {number}", slug=f"mission-{number}"
        )

    first = search(client, "fr", q="expertise")
    second = search(client, "fr", q="expertise", page=2)

    assert first.context["result_count"] == 12
    assert len(result_titles(first)) == 10 and len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert 'href="?kind=pages&amp;q=expertise&amp;page=2"' in first.content.decode()


def test_empty_search_shows_the_form_without_results(client, home):
    response = client.get("/fr/search/")
    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert 'role="search"' in response.content.decode()


def test_a_word_that_begins_a_title_finds_the_page_and_still_no_private_one(client, home):
    factories.StandardPageFactory(parent=home, title="Programmes d'appui", slug="programmes")
    private = factories.StandardPageFactory(parent=home, title="Programmes réservés", slug="reserves")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    draft = factories.StandardPageFactory(parent=home, title="Programmes en brouillon", slug="brouillon")
    draft.unpublish()

    # French is not stemmed: "programme" is not a word of "Programmes", but it begins it.
    assert result_titles(search(client, "fr", q="programme")) == ["Programmes d'appui"]
    assert result_titles(search(client, "fr", q="Progr")) == ["Programmes d'appui"]
