"""Demo data of the watch (make demo): five news feeds in French, Arabic and English bundled in
watch/demo_feeds, served by the site itself under /watch-demo-feeds/ (settings.WATCH_DEMO_FEEDS).

Seeding happens before the site runs, so the feeds are read once through a local HTTP server thread over
the same folder, then the sources are pointed at the site's own address for the next polls. The items
name the demo golden records (referential.linkage.demo); one link is accepted so that the analyst's
timeline and notifications have something, the others wait in the validation queue. Idempotent.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings

from . import analysis, services
from .demo_urls import FOLDER, TYPES
from .evaluation.server import LocalServer
from .fetching import fetcher_reset
from .models import Article, Link, Source, Subscription

PREFIX = "/watch-demo-feeds"
FEEDS = [
    ("journal-diaspora", "Le Journal de la Diaspora (démo)", Source.Kind.RSS, "fr", "FR"),
    ("echos-belgique", "Échos de Belgique (démo)", Source.Kind.ATOM, "fr", "BE"),
    ("akhbar-jaliya", "أخبار الجالية (تجريبي)", Source.Kind.RSS, "ar", "MA"),
    ("morocco-abroad", "Morocco Abroad Today (demo)", Source.Kind.RSS, "en", "GB"),
    ("global-maghreb", "Global Maghreb Wire (demo)", Source.Kind.ATOM, "en", "NL"),
]
ANALYST_EMAIL = "analyst@kafaat.localhost"


def _files() -> dict:
    files = {}
    for path in Path(FOLDER).rglob("*"):
        if path.is_file() and path.suffix in TYPES:
            files[f"{PREFIX}/{path.relative_to(FOLDER).as_posix()}"] = (TYPES[path.suffix], path.read_bytes())
    return files


def seed_watch() -> None:
    if Source.objects.filter(url__contains=f"{PREFIX}/").exists():
        return
    site = settings.SITE_URL.rstrip("/")
    analysis.index_reset()
    fetcher_reset()
    # The local thread is ours: no need to space requests to it.
    with (
        LocalServer(_files()) as server,
        override_settings(WATCH_HOST_INTERVAL_SECONDS=0),
        transaction.atomic(),
    ):
        new_ids = []
        for slug, name, kind, language, country in FEEDS:
            source = Source.objects.create(
                name=name,
                url=f"{server.base}{PREFIX}/{slug}/feed.xml",
                kind=kind,
                language_hint=language,
                country=country,
                interval_minutes=30,
            )
            new_ids += services.source_poll(source.pk)
        for article_id in new_ids:
            services.article_process(article_id)
        # From now on the site serves these feeds itself.
        for source in Source.objects.filter(url__startswith=server.base):
            source.url = source.url.replace(server.base, site)
            source.etag = source.last_modified = ""
            source.save(update_fields=["url", "etag", "last_modified"])
        for article in Article.objects.filter(url__startswith=server.base):
            article.url = article.url.replace(server.base, site)
            article.canonical_url = article.canonical_url.replace(server.base, site)
            article.save(update_fields=["url", "canonical_url"])
    fetcher_reset()
    analyst = get_user_model().objects.filter(email=ANALYST_EMAIL).first()
    if analyst is None:
        return
    Subscription.objects.get_or_create(user=analyst, defaults={"mode": Subscription.Mode.IMMEDIATE})
    pending = Link.objects.filter(status=Link.Status.PENDING)
    first = pending.filter(mention__article__url__contains="prix-el-amrani").first()
    if first is not None:
        with transaction.atomic():
            services.link_decide(link=first, action="accept", actor=analyst)
