"""The demo seeding is idempotent and leaves one page untranslated on purpose."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms import selectors
from cms.demo import PRIVACY_NOTICE_SLUG
from cms.models import FooterLink, HomePage, MenuItem, NewsArticlePage


def counts():
    return (
        Page.objects.count(),
        MenuItem.objects.count(),
        FooterLink.objects.count(),
        Site.objects.count(),
        TranslationSource.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_twice_creates_the_content_once(client):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    after_first = counts()
    call_command("seed_demo", stdout=StringIO())

    assert counts() == after_first
    assert after_first[0] > 40
    assert after_first[4] > 20 and after_first[5] > 40 and after_first[6] > 200  # wagtail-localize records
    assert "Demo seeded" in out.getvalue()
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "ar", "en"}
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(
        depth=2, content_type__model="page"
    ).exists()  # Wagtail's welcome page is gone

    for language in ("fr", "ar", "en"):
        assert client.get(f"/{language}/").status_code == 200
        assert MenuItem.objects.filter(locale__language_code=language).count() == 5


@pytest.mark.django_db
def test_seeded_translations_share_keys_and_one_article_is_left_untranslated(client):
    call_command("seed_demo", stdout=StringIO())

    for article in NewsArticlePage.objects.filter(locale__language_code="fr"):
        languages = set(
            Page.objects.filter(translation_key=article.translation_key, live=True).values_list(
                "locale__language_code", flat=True
            )
        )
        if article.slug == "rencontre-porteurs-projets-bruxelles":
            assert languages == {"fr", "ar"}
            response = client.get(article.get_url())
            assert f'href="/en/translation-missing/{article.id}/"' in response.content.decode()
        else:
            assert languages == {"fr", "ar", "en"}


@pytest.mark.django_db
def test_privacy_notice_has_the_same_address_in_each_language(client):
    call_command("seed_demo", stdout=StringIO())
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            page = selectors.privacy_notice_page()
        assert page.locale.language_code == language
        assert page.url == f"/{language}/{PRIVACY_NOTICE_SLUG}/" == f"/{language}/privacy-notice/"
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_seed_demo_rebuilds_the_tree_root_of_an_emptied_database():
    Site.objects.all().delete()
    Page.objects.all().delete()
    Locale.objects.all().delete()

    call_command("seed_demo", stdout=StringIO())

    root = Page.get_first_root_node()
    assert root.depth == 1 and root.url_path == "/"
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
