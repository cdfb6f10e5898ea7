"""Seed the public site with demo content in French (source), Arabic and English. Idempotent.

Pages are created in French and translated with ``copy_for_translation`` (same translation_key, so the
language switcher links them), then handed over to wagtail-localize (cms.localize.adopt_translation):
each translated page and navigation snippet gets its Translation and the translated strings it holds, so
editors maintain it in wagtail-localize's translation editor and "Sync translated pages" updates it. A page,
snippet or Translation that already exists is left as it is, so running the seeding again changes nothing
and editors' changes survive it.
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from cms import demo_content as content
from cms.localize import adopt_translation
from cms.models import (
    FAQPage,
    FooterLink,
    HomePage,
    HomePageFeaturedProgramme,
    MenuItem,
    NewsArticlePage,
    NewsIndexPage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeRelatedProgramme,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
)

# Slug of the privacy notice, the same in every language (/fr/privacy-notice/, /ar/…, /en/…);
# cms.selectors.privacy_notice_page() finds the page in the active language.
PRIVACY_NOTICE_SLUG = content.PRIVACY_SLUG

SOURCE_LANGUAGE = "fr"
TRANSLATIONS = ("ar", "en")
SITE_NAME = "Kafaat"


@transaction.atomic
def seed_cms_content():
    """Create locales, the site, pages in three languages and the navigation. Returns the French home."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in (SOURCE_LANGUAGE, *TRANSLATIONS)
    }
    home = _home_page(locales)
    sources = [home]  # the French demo pages, whose translations wagtail-localize takes over at the end

    def tree(parent, model, data):
        source = _page_tree(parent, model, data, locales)
        sources.append(source[SOURCE_LANGUAGE])
        return source

    programme_index = tree(home, ProgrammeIndexPage, content.PROGRAMME_INDEX)[SOURCE_LANGUAGE]
    programmes = [tree(programme_index, ProgrammePage, data) for data in content.PROGRAMMES]
    service_index = tree(home, ServiceIndexPage, content.SERVICE_INDEX)[SOURCE_LANGUAGE]
    for data in content.SERVICES:
        tree(service_index, ServicePage, data)
    news_index = tree(home, NewsIndexPage, content.NEWS_INDEX)[SOURCE_LANGUAGE]
    for data in content.NEWS:
        tree(news_index, NewsArticlePage, data)
    for model, data in (
        (FAQPage, content.FAQ),
        (StandardPage, content.ABOUT),
        (StandardPage, content.PRIVACY),
    ):
        tree(home, model, data)

    _link_related_programmes(programmes, locales)
    _feature_programmes(home, programmes, locales)
    _adopt_page_translations(sources, locales)
    _navigation(MenuItem, content.MENU, home, locales)
    _navigation(FooterLink, content.FOOTER, home, locales)
    return home


# --- Pages ------------------------------------------------------------------------------------------


def _home_page(locales):
    """The French home page under the tree root, made the default site's root.

    Wagtail's initial "Welcome" page is replaced, then deleted.
    """
    root = Page.get_first_root_node() or _tree_root(locales)
    home = HomePage.objects.child_of(root).filter(locale=locales[SOURCE_LANGUAGE]).first()
    if home is None:
        home = _create(root, HomePage, content.HOME["slug"], content.HOME[SOURCE_LANGUAGE], locales)

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
    elif site.root_page_id != home.id:
        previous = site.root_page
        site.root_page, site.site_name = home, site.site_name or SITE_NAME
        site.save()
        _delete_if_welcome_page(previous)

    for code in TRANSLATIONS:
        _translate(home, locales[code], content.HOME[code])
    return home


def _tree_root(locales):
    """Wagtail's tree root, for databases emptied after migrating (e.g. tests that flush tables)."""
    return Page.add_root(instance=Page(title="Root", slug="root", locale=locales[SOURCE_LANGUAGE]))


def _delete_if_welcome_page(page):
    """Delete Wagtail's initial 'Welcome' page: a plain Page with no children that no site uses any more."""
    if (
        page.specific_class is Page
        and page.depth == 2
        and not page.get_children().exists()
        and not Site.objects.filter(root_page=page).exists()
    ):
        page.delete()


def _page_tree(parent, model, data, locales):
    """The French page under ``parent`` and its translations, created if missing. Returns {code: page}."""
    source = model.objects.child_of(parent).filter(slug=data["slug"]).first()
    if source is None:
        source = _create(parent, model, data["slug"], _fields(data, SOURCE_LANGUAGE), locales, data)
    pages = {SOURCE_LANGUAGE: source}
    for code in TRANSLATIONS:
        if code in data:
            pages[code] = _translate(source, locales[code], _fields(data, code))
    return pages


def _fields(data, code):
    fields = {**data.get("shared", {}), **data[code]}
    if "days_ago" in data:
        fields["date"] = timezone.localdate() - datetime.timedelta(days=data["days_ago"])
    return fields


def _create(parent, model, slug, fields, locales, data=None):
    fields = {key: value for key, value in fields.items() if key != "slug"}
    page = model(slug=slug, locale=locales[SOURCE_LANGUAGE], **fields)
    if data is not None and model is ProgrammePage:
        page.sector_tags.add(*data.get("sectors", []))
        page.country_tags.add(*data.get("countries", []))
    parent.add_child(instance=page)
    return _publish(page)


def _translate(source, locale, fields):
    """The live translation of ``source`` in ``locale``: copied from the source, then filled and published."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    fields = dict(fields)
    slug = fields.pop("slug", None)
    page = source.copy_for_translation(locale)  # a draft copy under the translated parent
    if slug:
        page.slug = slug
    for name, value in fields.items():
        if isinstance(page._meta.get_field(name), StreamField):
            value = _with_source_block_ids(getattr(page, name), value)
        setattr(page, name, value)
    return _publish(page)


def _with_source_block_ids(copied, blocks):
    """The translated StreamField blocks, each keeping the id of the copied source block in its place.

    wagtail-localize addresses StreamField strings by block id: with the source's ids, the translated
    strings sit under the content paths of the source's, as if written in its translation editor.
    """
    copied = list(copied.raw_data)
    kept = []
    for index, block in enumerate(blocks):
        block = dict(block)
        if index < len(copied) and copied[index]["type"] == block["type"]:
            block["id"] = copied[index]["id"]
        kept.append(block)
    return kept


def _publish(page):
    """Publish a new revision of the page and return it fresh from the database (publishing saves a copy)."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _link_related_programmes(programmes, locales):
    by_slug = {pages[SOURCE_LANGUAGE].slug: pages for pages in programmes}
    for data, pages in zip(content.PROGRAMMES, programmes, strict=True):
        for code, page in pages.items():
            if page.related_programmes.exists():
                continue
            related = [by_slug[slug].get(code) for slug in data.get("related", []) if slug in by_slug]
            page.related_programmes = [
                ProgrammeRelatedProgramme(programme=other) for other in related if other
            ]
            if page.related_programmes.all():
                pages[code] = _publish(page)


def _feature_programmes(home, programmes, locales):
    for code, locale in locales.items():
        localized_home = home if code == SOURCE_LANGUAGE else home.get_translation(locale).specific
        if localized_home.featured_programmes.exists():
            continue
        localized_home.featured_programmes = [
            HomePageFeaturedProgramme(programme=pages[code]) for pages in programmes[:3] if code in pages
        ]
        _publish(localized_home)


def _adopt_page_translations(sources, locales):
    """Hand each translation of the French demo pages over to wagtail-localize (see cms.localize).

    Done once the pages are complete (related and featured programmes included), so that the source
    wagtail-localize records is the published French page.
    """
    for source in Page.objects.filter(pk__in=[page.pk for page in sources]).specific():
        for code in TRANSLATIONS:
            translated = source.get_translation_or_none(locales[code])
            if translated is not None:
                adopt_translation(source, translated.specific)


# --- Navigation -------------------------------------------------------------------------------------


def _navigation(model, items, home, locales):
    """One snippet per item and language; the languages of one item share a translation_key, and
    wagtail-localize takes over the Arabic and English ones as translations of the French one."""
    for sort_order, (key, target, labels) in enumerate(items):
        translation_key = uuid.uuid5(
            uuid.NAMESPACE_URL, f"https://kafaat.example/{model._meta.model_name}/{key}"
        )
        source_page = None
        if not target.startswith("https://"):
            source_page = Page.objects.child_of(home).get(slug=target)
        snippets = {}
        for code, locale in locales.items():
            if code not in labels:
                continue
            page = source_page.get_translation_or_none(locale) if source_page else None
            snippets[code], _ = model.objects.get_or_create(
                translation_key=translation_key,
                locale=locale,
                defaults={
                    "label": labels[code],
                    "link_page": page or source_page,
                    "link_url": "" if source_page else target,
                    "sort_order": sort_order,
                },
            )
        for code in TRANSLATIONS:
            if code in snippets and SOURCE_LANGUAGE in snippets:
                adopt_translation(snippets[SOURCE_LANGUAGE], snippets[code])
