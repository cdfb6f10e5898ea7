"""From bytes to items and article text: feedparser for feeds, trafilatura for a page's main body,
py3langid (model inside the package) for each item's language."""

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import urljoin

import feedparser
import trafilatura
from lxml import etree, html
from py3langid.langid import _load_identifier

LANGUAGES = ["fr", "ar", "en", "es", "de", "it", "nl", "pt"]
_TRUNCATED = re.compile(r"(\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
_TAGS = re.compile(r"<[^>]+>")
FULL_TEXT_CHARS = 1200


@dataclass
class Item:
    url: str
    title: str
    summary: str
    content: str
    published_at: datetime | None
    updated_at: datetime | None

    @property
    def needs_page(self) -> bool:
        """Feeds often carry a teaser, sometimes cut before the name: then the page is the article."""
        text = self.content or self.summary
        return not self.content or len(text) < FULL_TEXT_CHARS or bool(_TRUNCATED.search(text))


def _utc(parsed) -> datetime | None:
    # feedparser gives struct_time already shifted to UTC from the item's own offset.
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC) if parsed else None


def _plain(markup: str) -> str:
    if not markup:
        return ""
    if "<" not in markup:
        return markup.strip()
    try:
        return "\n".join(p.strip() for p in html.fromstring(markup).itertext() if p.strip())
    except (etree.ParserError, ValueError):
        return _TAGS.sub(" ", markup).strip()


def feed_items(content: bytes, feed_url: str) -> list[Item]:
    parsed = feedparser.parse(content)
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or entry.get("id") or ""
        if not link:
            continue
        contents = entry.get("content") or []
        body = max((_plain(c.get("value", "")) for c in contents), key=len, default="")
        items.append(
            Item(
                # Root-relative and relative links are common: resolve against the feed's address.
                url=urljoin(feed_url, link.strip()),
                title=_plain(entry.get("title", "")),
                summary=_plain(entry.get("summary", "")),
                content=body,
                published_at=_utc(entry.get("published_parsed")),
                # Reading a missing "updated_parsed" makes feedparser fall back to the published date.
                updated_at=_utc(entry["updated_parsed"])
                if dict.__contains__(entry, "updated_parsed")
                else None,
            )
        )
    return items


def is_feed(content: bytes) -> bool:
    head = content[:600].lstrip().lower()
    return head.startswith(b"<?xml") and (
        b"<rss" in head or b"<feed" in head or b"<rdf" in content[:2000].lower()
    )


def sitemap_urls(content: bytes, base_url: str) -> list[str]:
    root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return [urljoin(base_url, loc.text.strip()) for loc in root.iter("{*}loc") if loc.text]


@dataclass
class Page:
    title: str
    body: str
    canonical_url: str
    published_at: datetime | None


def page_article(content: str, url: str) -> Page:
    """The article body only: menus, tickers, "most read", "read also", cookie banners and footers name
    other people and must never produce mentions."""
    body = (
        trafilatura.extract(
            content,
            url=url,
            include_comments=False,
            include_tables=False,
            include_links=False,
            favor_precision=True,
            deduplicate=False,
            with_metadata=False,
        )
        or ""
    )
    canonical = ""
    title = ""
    try:
        tree = html.fromstring(content)
        for href in tree.xpath("//link[@rel='canonical']/@href")[:1]:
            canonical = urljoin(url, href.strip())
        title = (tree.findtext(".//title") or "").strip()
        for heading in tree.xpath("//h1")[:1]:
            title = heading.text_content().strip() or title
    except (etree.ParserError, ValueError):
        pass
    return Page(title=title, body=body.strip(), canonical_url=canonical, published_at=None)


@lru_cache(maxsize=1)
def _identifier():
    # The model file inside the package; nothing is downloaded.
    return _load_identifier(norm_probs=True, langs=LANGUAGES)


_ARABIC = re.compile(r"[\u0600-\u06FF]")


def language_of(text: str, hint: str = "") -> str:
    """fr, ar, en, … per item; the source's usual language only when the text is too short to tell."""
    sample = (text or "")[:3000]
    if len(sample.strip()) < 20:
        return hint or ""
    letters = [c for c in sample if c.isalpha()]
    if letters and sum(1 for c in letters if _ARABIC.match(c)) / len(letters) > 0.5:
        return "ar"
    language, _probability = _identifier().classify(sample)
    return language
