"""Read queries for the public site. Every list shown to visitors holds live, public pages only."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from cms.models import (
    CountryTag,
    FooterLink,
    MenuItem,
    NewsArticlePage,
    ProgrammePage,
    SectorTag,
    StandardPage,
)
from core.requestmemo import remembered

LATEST_NEWS_COUNT = 3
FEATURED_FALLBACK_COUNT = 3


def active_locale():
    """The Locale of the active language, or None while no Locale row exists for it (never an error)."""
    return remembered(("active_locale", translation.get_language()), _active_locale_read)


def _active_locale_read():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def visible(queryset):
    """Restrict a page queryset to what an anonymous visitor may see."""
    return queryset.live().public()


def children_of(parent, model):
    return visible(model.objects.child_of(parent)).order_by("path")


def first_child(parent, model):
    return visible(model.objects.child_of(parent)).order_by("path").first()


def localized_live(page):
    """The live translation of a page in the active language, else the page itself if it is live."""
    if page is None:
        return None
    localized = page.localized
    return localized if localized.live else None


# --- Programmes -------------------------------------------------------------------------------------


def programmes_in(index_page, sector="", country=""):
    programmes = visible(ProgrammePage.objects.child_of(index_page))
    if sector:
        programmes = programmes.filter(sector_tags__slug=sector)
    if country:
        programmes = programmes.filter(country_tags__name__iexact=country)
    return programmes.distinct().order_by("title")


def programme_sectors(index_page):
    ids = visible(ProgrammePage.objects.child_of(index_page)).values("id")
    tags = SectorTag.objects.filter(tagged_programmes__content_object__in=ids).distinct()
    return sorted(tags, key=lambda tag: str(tag.label))


def programme_countries(index_page):
    ids = visible(ProgrammePage.objects.child_of(index_page)).values("id")
    tags = CountryTag.objects.filter(tagged_programmes__content_object__in=ids).distinct()
    return sorted(tags, key=lambda tag: str(tag.label))


def related_programmes(programme):
    """Related programmes, each in the active language when a live translation exists."""
    pages = []
    for link in programme.related_programmes.select_related("programme"):
        page = localized_live(link.programme)
        if page is not None and page.id != programme.id:
            pages.append(page)
    return pages


def featured_programmes(home):
    pages = [localized_live(item.programme) for item in home.featured_programmes.select_related("programme")]
    pages = [page for page in pages if page is not None]
    if pages:
        return pages
    return list(
        visible(ProgrammePage.objects.descendant_of(home)).order_by("-first_published_at")[
            :FEATURED_FALLBACK_COUNT
        ]
    )


# --- News -------------------------------------------------------------------------------------------


def news_in(index_page):
    return visible(NewsArticlePage.objects.child_of(index_page)).order_by("-date", "-first_published_at")


def latest_news(locale, limit=LATEST_NEWS_COUNT):
    articles = visible(NewsArticlePage.objects.filter(locale=locale))
    return list(articles.order_by("-date", "-first_published_at")[:limit])


# --- Search -----------------------------------------------------------------------------------------


def search_pages(query, locale):
    """Live, public pages of one language matching the query, most relevant first (any search backend).

    Whole words first; when no page holds them, titles that begin with them ("programme" finds
    "Programmes", "invest" the investment pages): the full-text backends do not stem French."""
    pages = visible(Page.objects.filter(locale=locale))
    found = pages.search(query)
    return found if found.count() else pages.autocomplete(query)


def specific_pages(pages):
    """The specific page objects for a slice of search results, in the same order."""
    ids = [page.pk for page in pages]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


# --- Navigation -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    lang: str = ""  # set when the target is in another language than the page around it
    current: bool = False


def navigation_links(model, request):
    """Links of a navigation snippet for the active language, else for the default language.

    The same for every visitor of a language and host, so they are kept with the public pages'
    cache and emptied with it on every publish, move, deletion and menu edit (cms.pagecache); only
    "current" is decided per request."""
    locale = active_locale()
    entries = _shared(
        f"nav:{model._meta.model_name}", locale, request, lambda: _navigation_entries(model, request, locale)
    )
    path = request.path if request is not None else ""
    return [NavLink(label=label, url=url, lang=lang, current=url == path) for label, url, lang in entries]


def _navigation_entries(model, request, locale) -> list[tuple[str, str, str]]:
    items = list(model.objects.filter(locale=locale).select_related("link_page"))
    if not items:
        items = list(
            model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).select_related("link_page")
        )
    entries = []
    for item in items:
        lang = ""
        if item.link_page_id:
            page = localized_live(item.link_page)
            if page is None:
                continue
            url = page.get_url(request)
            if locale is None or page.locale_id != locale.id:
                lang = page.locale.language_code
        elif item.link_url:
            url = item.link_url
        else:
            continue
        if url:
            entries.append((item.label, url, lang))
    return entries


def _host(request) -> str | None:
    """The request's host for a cache key; None for a host outside ALLOWED_HOSTS (nothing is kept)."""
    if request is None:
        return ""
    try:
        return request.get_host()
    except DisallowedHost:
        return None


def _shared(name: str, locale, request, compute):
    """What every visitor of a language and host sees alike, kept in the public pages' cache and
    emptied with it (cms.pagecache.pages_changed)."""
    host = _host(request)
    if host is None:
        return compute()
    key = f"{name}:{locale.pk if locale else ''}:{host}"
    cache = caches[settings.WAGTAIL_CACHE_BACKEND]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value


def main_menu_links(request):
    return navigation_links(MenuItem, request)


def footer_links(request):
    return navigation_links(FooterLink, request)


def home_page_for(request, locale=None):
    """The home page in the given (default: active) language, falling back to the site's root page."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    translated = root.get_translation_or_none(locale or active_locale())
    if translated is not None and translated.live:
        return translated
    return root


def home_url_for(request) -> str:
    """The home page's address in the active language (every page's header links it), kept with the
    navigation."""
    locale = active_locale()

    def read():
        home = home_page_for(request, locale)
        return (home.get_url(request) if home is not None else None) or "/"

    return _shared("home", locale, request, read)


# --- Languages --------------------------------------------------------------------------------------

# Each language named in itself; these names are never translated.
LANGUAGE_AUTONYMS = {"fr": "Français", "ar": "العربية", "en": "English"}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    available: bool


def language_name(code):
    return LANGUAGE_AUTONYMS.get(code) or translation.get_language_info(code)["name_local"]


def live_translations(page):
    """Live, public translations of a page (itself included), keyed by language code."""
    pages = visible(Page.objects.filter(translation_key=page.translation_key)).select_related("locale")
    return {translated.locale.language_code: translated for translated in pages}


@dataclass(frozen=True)
class PageVersion:
    code: str
    language_name: str
    title: str
    url: str


def page_versions(page, request):
    """The page's live versions that have an address, its own language first."""
    versions = [
        PageVersion(code, language_name(code), translated.title, translated.get_url(request))
        for code, translated in live_translations(page).items()
    ]
    versions = [version for version in versions if version.url]
    return sorted(versions, key=lambda version: version.code != page.locale.language_code)


def missing_translation_url(page, language_code):
    with translation.override(language_code):
        return reverse("translation_missing", kwargs={"page_id": page.id})


def language_links(request, page=None):
    """One link per configured language: to the page's translation, or to the 'not translated yet' notice.

    Outside Wagtail pages, the link is the same path under the other language prefix.
    """
    active = translation.get_language()
    translations = live_translations(page) if page is not None else {}
    # Filters and pagination (?sector=…&page=2) mean the same thing in every language.
    query = request.GET.urlencode() if request is not None else ""
    links = []
    for code, _name in settings.LANGUAGES:
        available = True
        if page is not None:
            translated = translations.get(code)
            url = translated.get_url(request) if translated is not None else None
            if url:
                url += f"?{query}" if query else ""
            else:  # no live translation, or one outside any site (no address)
                url, available = missing_translation_url(page, code), False
        else:
            url = translate_url(request.get_full_path(), code) if request is not None else "/"
        links.append(LanguageLink(code, language_name(code), url, code == active, available))
    return links


# --- Pages other apps link to -----------------------------------------------------------------------


def privacy_notice_page(locale=None):
    """The privacy notice in the given (default: active) language, else in the default language."""
    # The notice's slug is the last part of the path sign-up links to (settings.PRIVACY_NOTICE_URL_PATH).
    slug = settings.PRIVACY_NOTICE_URL_PATH.strip("/").rsplit("/", 1)[-1]
    source = visible(
        StandardPage.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE)
    ).first()
    if source is None:
        return None
    translated = source.get_translation_or_none(locale or active_locale())
    return translated if translated is not None and translated.live else source
