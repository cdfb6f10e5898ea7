"""The pipeline over real HTTP: polite polling that isolates a failing source, the article body without
its boilerplate, consent honoured, one story for syndicated copies."""

import pytest

from accounts.factories import UserFactory
from core.registry import DirectoryPerson
from privacy.factories import PrivacyNoticeFactory
from privacy.models import ConsentPurpose, ConsentSource
from privacy.services import consent_record
from watch import services
from watch.evaluation.server import LocalServer
from watch.models import Article, Link, Source

pytestmark = pytest.mark.django_db

STORY = (
    "Youssef El Amrani, ingénieur en aéronautique chez Airbus à Toulouse, a reçu le prix de l'innovation "
    "pour ses travaux sur les ailes composites."
)


def page(paragraphs, *, boilerplate="Les plus lus : Salma Berrada, cardiologue à Montréal"):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>t</title></head><body>"
        f"<header><nav><a href='/'>Accueil</a></nav><div class='ticker'>{boilerplate}</div></header>"
        f"<main><article><h1>Un talent primé</h1>{body}</article>"
        f"<aside><h2>Les plus lus</h2><ul><li><a href='/x'>{boilerplate}</a></li></ul></aside></main>"
        f"<footer>{boilerplate}</footer></body></html>"
    ).encode()


def rss(*links):
    items = "".join(
        f"<item><title>Titre {i}</title><link>{link}</link><description>Une belle nouvelle …</description>"
        "<pubDate>Mon, 02 Nov 2026 10:00:00 +0100</pubDate></item>"
        for i, link in enumerate(links)
    )
    head = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>x</title>"
    return f"{head}{items}</channel></rss>".encode()


FILLER = [
    "La cérémonie s'est tenue en présence de nombreux représentants de la communauté marocaine de France.",
    "Ses collègues saluent un travail patient mené depuis plus de dix ans sur les matériaux.",
]


HTML = "text/html; charset=utf-8"


@pytest.fixture
def site():
    files = {
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
        # Root-relative links, as many feeds write them.
        "/feed.xml": ("application/xml", rss("/a/1.html", "/a/2.html")),
        "/copy.xml": ("application/xml", rss("/b/1.html")),
        "/private/feed.xml": ("application/xml", rss("/a/1.html")),
        "/a/1.html": (HTML, page([STORY, *FILLER])),
        "/a/2.html": (
            "text/html; charset=utf-8",
            page(["Le conseil municipal a voté le budget de la ville."] * 3),
        ),
        "/b/1.html": (
            "text/html; charset=utf-8",
            page([FILLER[0], STORY, FILLER[1], "Un ajout de la rédaction."]),
        ),
    }
    with LocalServer(files) as server:
        yield server


def test_a_failing_source_backs_off_and_never_stops_the_others(site, directory):
    good = Source.objects.create(name="good", url=f"{site.base}/feed.xml")
    missing = Source.objects.create(name="missing", url=f"{site.base}/gone.xml")
    forbidden = Source.objects.create(name="robots", url=f"{site.base}/private/feed.xml")
    for source in (missing, forbidden, good):
        services.source_poll(source.pk)
    missing.refresh_from_db()
    forbidden.refresh_from_db()
    good.refresh_from_db()
    assert missing.failures == 1 and "404" in missing.last_error
    assert forbidden.failures == 1 and "robots" in forbidden.last_error
    assert site.hits["/private/feed.xml"] == 0
    assert good.failures == 0 and good.articles.count() == 2
    # Items' root-relative links were resolved against the feed's address.
    assert {a.url for a in good.articles.all()} == {f"{site.base}/a/1.html", f"{site.base}/a/2.html"}
    first_next = missing.next_poll_at
    services.source_poll(missing.pk)
    missing.refresh_from_db()
    assert missing.failures == 2 and (missing.next_poll_at - first_next).total_seconds() > 0
    # Conditional GET: the unchanged feed is answered 304 and nothing is stored twice.
    assert services.source_poll(good.pk) == []
    assert Article.objects.count() == 2


def test_size_cap_is_a_failure_of_that_source(site, directory, settings):
    settings.WATCH_MAX_BYTES = 100
    from watch.fetching import fetcher_reset

    fetcher_reset()
    source = Source.objects.create(name="big", url=f"{site.base}/feed.xml")
    services.source_poll(source.pk)
    source.refresh_from_db()
    assert source.failures == 1 and "too large" in source.last_error


def test_the_page_is_fetched_for_a_teaser_and_boilerplate_names_nobody(site, directory):
    source = Source.objects.create(name="good", url=f"{site.base}/feed.xml", language_hint="fr")
    first, second = services.source_poll(source.pk)
    article = services.article_process(first)
    assert "Youssef El Amrani" in article.body and article.language == "fr"
    assert article.published_at.isoformat() == "2026-11-02T09:00:00+00:00"
    links = list(Link.objects.filter(mention__article=article))
    assert [(link.person_id, link.distinction) for link in links] == [("g:1", "award")]
    reasons = {r["evidence"] for r in links[0].reasons}
    assert {"name", "city", "employer", "field"} <= reasons
    # Salma Berrada is named only in the ticker, the "most read" list and the footer.
    assert not Link.objects.filter(person_id="g:2").exists()
    assert not services.article_process(second).mentions.exists()
    # Processing twice changes nothing.
    services.article_process(first)
    assert Link.objects.count() == 1


def test_a_syndicated_copy_joins_the_story(site, directory):
    ids = services.source_poll(Source.objects.create(name="a", url=f"{site.base}/feed.xml").pk)
    ids += services.source_poll(Source.objects.create(name="b", url=f"{site.base}/copy.xml").pk)
    for article_id in ids:
        services.article_process(article_id)
    original = Article.objects.get(url=f"{site.base}/a/1.html")
    copy = Article.objects.get(url=f"{site.base}/b/1.html")
    other = Article.objects.get(url=f"{site.base}/a/2.html")
    assert original.story_id == copy.story_id != other.story_id


@pytest.mark.parametrize(
    ("decisions", "linked"), [((), True), ((True,), True), ((True, False), False), ((False,), False)]
)
def test_a_member_who_objected_is_never_linked_one_without_a_decision_is(site, directory, decisions, linked):
    PrivacyNoticeFactory(version="1.0")
    member = UserFactory()
    person = directory.by_id["g:1"]
    directory.by_id["g:1"] = DirectoryPerson(**{**person.__dict__, "user_id": member.pk})
    source = Source.objects.create(name="good", url=f"{site.base}/feed.xml")
    first, _second = services.source_poll(source.pk)
    for granted in decisions:
        consent_record(
            user=member, purpose=ConsentPurpose.WATCH, granted=granted, source=ConsentSource.SETTINGS
        )
    services.article_process(first)
    assert Link.objects.filter(person_id="g:1").exists() is linked


def test_a_sitemap_source_lists_pages_to_fetch(directory):
    sitemap = (
        b"<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        b"<url><loc>/a/1.html</loc></url></urlset>"
    )
    files = {"/sitemap.xml": ("application/xml", sitemap), "/a/1.html": (HTML, page([STORY, *FILLER]))}
    with LocalServer(files) as server:
        source = Source.objects.create(name="s", url=f"{server.base}/sitemap.xml", kind=Source.Kind.SITEMAP)
        (article_id,) = services.source_poll(source.pk)
        services.article_process(article_id)
    assert Link.objects.get().person_id == "g:1"
