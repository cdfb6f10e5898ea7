"""Every page type renders in French, Arabic and English, with the right language and direction."""

import pytest

from django.utils import translation
from django.utils.translation import gettext

from cms import factories
from tests.cms.helpers import html_tag, template_names

PAGE_TEMPLATES = {
    "home": "cms/home_page.html",
    "programmes": "cms/programme_index_page.html",
    "programme": "cms/programme_page.html",
    "services": "cms/service_index_page.html",
    "service": "cms/service_page.html",
    "news": "cms/news_index_page.html",
    "article": "cms/news_article_page.html",
    "faq": "cms/faq_page.html",
    "about": "cms/standard_page.html",
}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("name", PAGE_TEMPLATES)
def test_each_page_type_renders_in_each_language(client, tree, language, name):
    page = getattr(getattr(tree, language), name)
    url = page.get_url()
    assert url.startswith(f"/{language}/")

    response = client.get(url)

    assert response.status_code == 200
    assert PAGE_TEMPLATES[name] in template_names(response)
    direction = "rtl" if language == "ar" else "ltr"
    assert html_tag(response) == f'<html lang="{language}" dir="{direction}">'
    assert f"<h1>{page.title}</h1>".encode() in response.content.replace(b"&#x27;", b"'")


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_home_page_is_served_at_each_language_prefix(client, tree, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert response.context["page"] == getattr(tree, language).home


def test_root_redirects_to_a_language(client, tree):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_follows_the_browser_language(client, tree):
    response = client.get("/", headers={"accept-language": "ar"})
    assert response["Location"] == "/ar/"


def test_home_page_lists_programmes_and_latest_news_of_its_language(client, tree):
    response = client.get("/en/")
    content = response.content.decode()
    assert "Business creation en" in content
    assert "Launch en" in content
    assert "Appui à la création" not in content


def test_inner_pages_have_breadcrumbs(client, tree):
    response = client.get(tree.fr.programme.get_url())
    content = response.content.decode()
    assert 'class="breadcrumb"' in content
    assert f'<a href="{tree.fr.programmes.get_url()}">Programmes</a>' in content
    assert '<span aria-current="page">Appui à la création d&#x27;entreprise</span>' in content


def test_programme_page_shows_tags_partner_contact_and_related_programme_in_the_active_language(client, tree):
    link = tree.fr.programme.related_programmes.model(programme=tree.fr.other_programme)
    tree.en.programme.related_programmes = [link]
    tree.en.programme.save_revision().publish()

    response = client.get(tree.en.programme.get_url())

    content = response.content.decode()
    assert 'href="/en/programmes/?country=FR"' in content
    assert ">France<" in content and ">Belgium<" in content
    assert 'href="/en/programmes/?sector=digital"' in content and "Digital and telecommunications" in content
    assert 'href="https://www.marocpme.gov.ma/"' in content
    assert "mailto:programme@kafaat.example" in content
    # The related programme was chosen in French; the English page links to its English translation.
    assert f'<a href="{tree.en.other_programme.get_url()}">Mentoring en</a>' in content


def test_related_programme_without_translation_links_to_the_original_marked_with_its_language(client, tree):
    lonely = factories.ProgrammePageFactory(
        parent=tree.fr.programmes, title="Programme régional", slug="regional"
    )
    tree.en.programme.related_programmes = [tree.fr.programme.related_programmes.model(programme=lonely)]
    tree.en.programme.save_revision().publish()

    content = client.get(tree.en.programme.get_url()).content.decode()

    assert f'<a href="{lonely.get_url()}" lang="fr" hreflang="fr">Programme régional</a>' in content


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("sector=digital", "Appui à la création", "Mentorat"),
        ("country=CA", "Mentorat", "Appui à la création"),
        ("country=ca", "Mentorat", "Appui à la création"),
        ("sector=education&country=FR", None, "Mentorat"),
    ],
)
def test_programme_index_filters_by_sector_and_country(client, tree, query, shown, hidden):
    response = client.get(f"{tree.fr.programmes.get_url()}?{query}")
    content = response.content.decode().replace("&#x27;", "'")
    if shown:
        assert shown in content
    else:
        with translation.override("fr"):
            assert gettext("No programme matches these filters.") in content
    programmes = response.context["programmes"]
    assert hidden not in [programme.title[: len(hidden)] for programme in programmes]


def test_programme_index_offers_the_sectors_and_countries_in_use(client, tree):
    response = client.get(tree.en.programmes.get_url())
    assert [tag.code for tag in response.context["country_choices"]] == ["BE", "CA", "FR"]
    assert '<option value="digital">Digital and telecommunications</option>' in response.content.decode()


def test_news_index_is_paginated_newest_first(client, tree):
    for day in range(1, 12):
        factories.NewsArticlePageFactory(parent=tree.fr.news, slug=f"a{day}", date=f"2026-01-{day:02d}")

    first = client.get(tree.fr.news.get_url())
    second = client.get(tree.fr.news.get_url() + "?page=2")

    dates = [article.date for article in first.context["articles"]] + [
        article.date for article in second.context["articles"]
    ]
    assert len(first.context["articles"]) == 10 and len(dates) == 13
    assert dates == sorted(dates, reverse=True)
    assert 'href="?page=2"' in first.content.decode()


def test_news_dates_use_the_localized_format(client, tree):
    assert "24 novembre 2026" in client.get(tree.fr.article.get_url()).content.decode()
    assert "نونبر" in client.get(tree.ar.article.get_url()).content.decode()
    assert "Nov. 24, 2026" in client.get(tree.en.article.get_url()).content.decode()


def test_faq_page_renders_questions_as_a_description_list(client, tree):
    content = client.get(tree.fr.faq.get_url()).content.decode()
    assert '<dl class="faq">' in content
    assert "L&#x27;inscription est-elle gratuite ?</dt>" in content


def test_service_page_lists_steps_and_documents(client, tree):
    content = client.get(tree.fr.service.get_url()).content.decode()
    assert '<ol class="steps">' in content and "Prendre rendez-vous" in content
    assert "Passeport" in content


def test_unpublished_page_is_not_served(client, tree):
    tree.fr.about.unpublish()
    assert client.get("/fr/a-propos/").status_code == 404
