"""Unknown pages and unknown language prefixes answer with the site's own, translated 404 page."""

import pytest

from django.test import RequestFactory

from cms.views import server_error
from tests.cms.helpers import html_tag, template_names


@pytest.fixture(autouse=True)
def _production_mode(settings):
    settings.DEBUG = False


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")])
def test_unknown_page_gives_the_404_page_in_the_language_of_the_address(client, tree, language, direction):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    assert "404.html" in template_names(response)
    assert html_tag(response) == f'<html lang="{language}" dir="{direction}">'


def test_page_of_another_language_tree_is_not_found_under_this_prefix(client, tree):
    # The untranslated French article does not exist under /en/.
    path = tree.fr.untranslated_article.get_url().replace("/fr/", "/en/", 1)
    response = client.get(path)
    assert response.status_code == 404
    assert "404.html" in template_names(response)


def test_unknown_language_prefix_gives_the_404_page(client, tree):
    response = client.get("/de/ueber-uns/", follow=True)

    assert response.status_code == 404
    assert "404.html" in template_names(response)
    assert html_tag(response) == '<html lang="fr" dir="ltr">'
    # Django's LocaleMiddleware first tries the address under the default language.
    assert response.redirect_chain == [("/fr/de/ueber-uns/", 302)]


def test_server_error_page_renders_without_the_database():
    request = RequestFactory().get("/fr/")
    response = server_error(request)
    assert response.status_code == 500
    assert b"<html lang=" in response.content


def test_pages_still_render_when_no_locale_row_exists_for_the_language(client, db):
    from wagtail.models import Locale, Page

    Page.objects.filter(depth=1).delete()  # an empty database, as before any content is seeded
    Locale.objects.all().delete()
    assert client.get("/ar/accounts/login/").status_code == 200
    assert client.get("/ar/search/", {"q": "programme"}).status_code == 200
