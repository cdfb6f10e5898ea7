"""The language switcher, the 'not translated yet' page and hreflang alternates."""

import pytest

from wagtail.models import PageViewRestriction

from tests.cms.helpers import html_tag, switcher_links, template_names


def test_switcher_names_each_language_in_itself_and_marks_the_current_one(client, tree):
    links = switcher_links(client.get(tree.ar.programme.get_url()))

    assert list(links) == ["fr", "ar", "en"]
    for code, (_href, attributes) in links.items():
        assert f'lang="{code}"' in attributes
    assert 'aria-current="true"' in links["ar"][1]
    assert 'aria-current="true"' not in links["fr"][1]
    content = client.get(tree.ar.programme.get_url()).content.decode()
    for name in ("Français", "العربية", "English"):
        assert f">{name}</a>" in content


def test_switcher_links_to_the_real_translations(client, tree):
    links = switcher_links(client.get(tree.fr.programme.get_url()))
    assert links["fr"][0] == tree.fr.programme.get_url()
    assert links["ar"][0] == tree.ar.programme.get_url()
    assert links["en"][0] == tree.en.programme.get_url()


def test_switcher_keeps_filters_on_index_pages(client, tree):
    links = switcher_links(client.get(tree.fr.programmes.get_url() + "?sector=digital"))
    assert links["en"][0] == tree.en.programmes.get_url() + "?sector=digital"


def test_switcher_links_to_the_translation_missing_page_when_there_is_no_translation(client, tree):
    article = tree.fr.untranslated_article
    links = switcher_links(client.get(article.get_url()))

    assert links["en"][0] == f"/en/translation-missing/{article.id}/"
    assert links["ar"][0] == tree.ar.untranslated_article.get_url()


def test_switcher_ignores_draft_translations(client, tree):
    tree.en.about.unpublish()
    links = switcher_links(client.get(tree.fr.about.get_url()))
    assert links["en"][0] == f"/en/translation-missing/{tree.fr.about.id}/"


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_translation_missing_page_renders_in_the_target_language(client, tree, language, direction):
    tree.ar.untranslated_article.delete()
    article = tree.fr.untranslated_article

    response = client.get(f"/{language}/translation-missing/{article.id}/")

    assert response.status_code == 200
    assert "cms/translation_missing.html" in template_names(response)
    assert html_tag(response) == f'<html lang="{language}" dir="{direction}">'
    assert response["X-Robots-Tag"] == "noindex"
    content = response.content.decode()
    assert f'<a href="{article.get_url()}" lang="fr" hreflang="fr">Rencontre à Bruxelles</a>' in content
    home_url = getattr(tree, language).home.get_url()
    assert f'<a href="{home_url}">' in content
    # From here, the switcher still leads back to the page in the languages it exists in.
    assert switcher_links(response)["fr"][0] == article.get_url()


def test_translation_missing_redirects_once_the_translation_exists(client, tree):
    response = client.get(f"/en/translation-missing/{tree.fr.article.id}/")
    assert response.status_code == 302
    assert response["Location"] == tree.en.article.get_url()


def test_translation_missing_for_unknown_unpublished_or_private_pages_is_a_404(client, tree):
    assert client.get("/en/translation-missing/999999/").status_code == 404
    tree.fr.untranslated_article.unpublish()
    assert client.get(f"/en/translation-missing/{tree.fr.untranslated_article.id}/").status_code == 404
    PageViewRestriction.objects.create(page=tree.fr.faq, restriction_type="password", password="secret")
    tree.en.faq.delete()
    assert client.get(f"/en/translation-missing/{tree.fr.faq.id}/").status_code == 404


def test_switcher_on_other_views_swaps_the_language_prefix(client, tree):
    links = switcher_links(client.get("/fr/search/?q=passeport"))
    assert links["fr"][0] == "/fr/search/?q=passeport"
    assert links["ar"][0] == "/ar/search/?q=passeport"
    assert links["en"][0] == "/en/search/?q=passeport"
    assert 'aria-current="true"' in links["fr"][1]


def test_alternate_links_list_live_translations_only(client, tree):
    content = client.get(tree.fr.untranslated_article.get_url()).content.decode()
    assert (
        f'<link rel="alternate" hreflang="fr" href="http://localhost{tree.fr.untranslated_article.url}">'
        in content
    )
    assert '<link rel="alternate" hreflang="ar"' in content
    assert '<link rel="alternate" hreflang="en"' not in content
