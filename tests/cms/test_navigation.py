"""Main menu and footer links come from translatable snippets of the active language."""

import re

import pytest

from django.core.exceptions import ValidationError

from cms import factories
from cms.models import MenuItem


def main_menu(response):
    return re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S).group(0)


def footer(response):
    return re.search(r"<footer.*?</footer>", response.content.decode(), re.S).group(0)


@pytest.fixture
def menus(tree, locales):
    source = factories.MenuItemFactory(label="Programmes", link_page=tree.fr.programmes, sort_order=1)
    factories.MenuItemFactory(label="Services", link_page=tree.fr.services, sort_order=2)
    factories.MenuItemFactory(
        label="البرامج",
        link_page=tree.ar.programmes,
        locale=locales["ar"],
        translation_key=source.translation_key,
        sort_order=1,
    )
    factories.FooterLinkFactory(label="Portail consulaire", link_url="https://www.consulat.ma/")
    factories.FooterLinkFactory(
        label="البوابة القنصلية", link_url="https://www.consulat.ma/", locale=locales["ar"]
    )
    return source


def test_menu_shows_the_items_of_the_active_language(client, tree, menus):
    french = main_menu(client.get("/fr/"))
    arabic = main_menu(client.get("/ar/"))

    assert f'<a href="{tree.fr.programmes.get_url()}">Programmes</a>' in french
    assert "Services" in french and "البرامج" not in french
    assert f'<a href="{tree.ar.programmes.get_url()}">البرامج</a>' in arabic
    assert "Services" not in arabic


def test_menu_falls_back_to_the_default_language_items_linked_to_translations(client, tree, menus):
    english = main_menu(client.get("/en/"))
    # No English items yet: the French ones show, pointing at the English pages where they exist.
    assert f'<a href="{tree.en.programmes.get_url()}">Programmes</a>' in english
    assert f'<a href="{tree.en.services.get_url()}">Services</a>' in english


def test_menu_marks_the_current_page(client, tree, menus):
    menu = main_menu(client.get(tree.fr.programmes.get_url()))
    assert f'<a href="{tree.fr.programmes.get_url()}" aria-current="page">Programmes</a>' in menu
    assert f'<a href="{tree.fr.services.get_url()}">Services</a>' in menu


def test_menu_skips_items_whose_page_is_unpublished(client, tree, menus):
    tree.fr.services.unpublish()
    assert "Services" not in main_menu(client.get("/fr/"))


def test_footer_shows_the_links_of_the_active_language(client, tree, menus):
    assert '<a href="https://www.consulat.ma/">Portail consulaire</a>' in footer(client.get("/fr/"))
    assert '<a href="https://www.consulat.ma/">البوابة القنصلية</a>' in footer(client.get("/ar/"))


def test_navigation_link_needs_exactly_one_target(home):
    with pytest.raises(ValidationError):
        MenuItem(label="Nulle part", locale=home.locale).full_clean()
    with pytest.raises(ValidationError):
        MenuItem(
            label="Les deux", locale=home.locale, link_page=home, link_url="https://example.org/"
        ).full_clean()
