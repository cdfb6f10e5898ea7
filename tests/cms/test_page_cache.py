"""Public pages come from the page cache for visitors who are not signed in, and never a stale one: a
publish, a menu edit or a deletion empties it; members, previews and visitors with a message waiting
get the live page; browsers revalidate every time."""

import pytest

from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from cms.models import MenuItem

pytestmark = pytest.mark.django_db
PATH = "/fr/programmes/creation-entreprise/"


def _get(client, path=PATH):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


def test_a_visitor_gets_the_cached_page_without_database_work(client, tree):
    first, live_queries = _get(client)
    second, cached_queries = _get(client)
    assert first["X-Wagtail-Cache"] == "miss" and second["X-Wagtail-Cache"] == "hit"
    assert second.content == first.content and "Appui à la création" in second.content.decode()
    assert live_queries > 10 and cached_queries <= 2, (live_queries, cached_queries)
    # The browser must ask again: a visitor who signs in must not see the anonymous page from its cache.
    assert second["Cache-Control"] == "no-cache" and not second.has_header("Expires")


def test_each_language_has_its_own_copy(client, tree):
    _get(client)
    arabic, _ = _get(client, tree.ar.programme.url)
    assert arabic["X-Wagtail-Cache"] == "miss" and 'dir="rtl"' in arabic.content.decode()


def test_publishing_a_change_shows_it_at_once(client, tree):
    _get(client)
    page = tree.fr.programme
    page.title = "Appui renforcé à la création d'entreprise"
    page.save_revision().publish()
    response, _ = _get(client)
    assert response["X-Wagtail-Cache"] == "miss" and "Appui renforcé" in response.content.decode()


def test_editing_the_menu_shows_it_at_once(client, tree):
    _get(client)
    MenuItem.objects.create(locale=tree.fr.home.locale, label="Nouveautés 2027", link_url="/fr/actualites/")
    assert "Nouveautés 2027" in _get(client)[0].content.decode()


def test_unpublishing_removes_the_page_for_visitors(client, tree):
    _get(client)
    tree.fr.programme.unpublish()
    assert _get(client)[0].status_code == 404


def test_members_and_visitors_with_a_message_waiting_get_the_live_page(client, tree):
    _get(client)
    client.cookies[CookieStorage.cookie_name] = "waiting"
    assert _get(client)[0]["X-Wagtail-Cache"] == "skip"
    del client.cookies[CookieStorage.cookie_name]
    client.force_login(UserFactory())
    response, _ = _get(client)
    assert response["X-Wagtail-Cache"] == "skip"
    assert 'action="/fr/accounts/logout/"' in response.content.decode()


def _menu_queries(client, path="/fr/search/?q=x"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    navigation = [q["sql"] for q in queries if "cms_menuitem" in q["sql"] or "cms_footerlink" in q["sql"]]
    return response.content.decode(), navigation


@pytest.mark.parametrize("page_cache", [True, False])
def test_members_pages_reuse_the_menus_and_a_menu_edit_or_a_publish_shows_at_once(
    client, tree, settings, page_cache
):
    """Pages for members are never cached whole, but their menus are read once for everyone; a menu
    edit or a publish that moves an address shows on the next page, page cache on or off."""
    settings.WAGTAIL_CACHE = page_cache
    locale = tree.fr.home.locale
    MenuItem.objects.create(locale=locale, label="Nos programmes", link_page=tree.fr.programmes)
    client.force_login(UserFactory())
    first, navigation = _menu_queries(client)
    assert 'href="/fr/programmes/"' in first and navigation
    again, navigation = _menu_queries(client)
    assert navigation == [] and 'href="/fr/programmes/"' in again

    MenuItem.objects.create(locale=locale, label="Nouveautés 2027", link_url="/fr/actualites/")
    assert "Nouveautés 2027" in _menu_queries(client)[0]

    tree.fr.programmes.slug = "nos-programmes"
    tree.fr.programmes.save_revision().publish()
    moved = _menu_queries(client)[0]
    assert 'href="/fr/nos-programmes/"' in moved and 'href="/fr/programmes/"' not in moved
