"""Writes of the watch: polling sources, processing articles, analysts' decisions, alerts, candidates.

Every task-facing function takes ids and may run twice: a polled item is stored once per URL, an
article is processed once (``processed_at``), an alert is sent once per subscriber and story.
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_record
from core.models import AuditLog
from core.registry import person_directory

from . import alerts, extract
from .analysis import analyse, candidates, name_index
from .dedupe import StoryIndex, from_bytes, minhash_of, to_bytes
from .fetching import FetchError, fetcher
from .mentions import objecting_users
from .models import Article, Candidate, Link, Mention, Source, StoryGroup

logger = logging.getLogger(__name__)

AUDIT_ACTIONS = {
    "watch.timeline_read": _("Read a person's watch timeline"),
    "watch.link_decide": _("Decided on a watch link"),
    "watch.candidate_add": _("Added a watch candidate to the referential"),
    "watch.source_change": _("Changed a watch source"),
}
MAX_BACKOFF_STEPS = 6


# --- Polling -------------------------------------------------------------------------------------


def source_poll(source_id: int) -> list[int]:
    """Poll one source; returns the ids of new articles. A failure is counted on this source only and
    pushes its next poll back (doubling, up to 64 intervals)."""
    source = Source.objects.filter(pk=source_id, active=True).first()
    if source is None:
        return []
    now = timezone.now()
    try:
        response = fetcher().get(source.url, etag=source.etag, last_modified=source.last_modified)
        new_ids = [] if response.not_modified else _store_items(source, response)
    except (FetchError, ValueError, OSError) as error:
        source.failures += 1
        source.last_error = str(error)[:255]
        source.last_polled_at = now
        steps = min(source.failures, MAX_BACKOFF_STEPS)
        source.next_poll_at = now + timedelta(minutes=source.interval_minutes * (2**steps))
        source.save(update_fields=["failures", "last_error", "last_polled_at", "next_poll_at"])
        logger.info("watch source %s failed: %s", source.pk, error)
        return []
    source.failures = 0
    source.last_error = ""
    source.last_polled_at = now
    source.next_poll_at = now + timedelta(minutes=source.interval_minutes)
    if not response.not_modified:
        source.etag = response.headers.get("etag", "")[:200]
        source.last_modified = response.headers.get("last-modified", "")[:100]
    source.save(
        update_fields=["failures", "last_error", "last_polled_at", "next_poll_at", "etag", "last_modified"]
    )
    return new_ids


def _store_items(source, response) -> list[int]:
    new_ids = []
    if source.kind == Source.Kind.PAGE:
        article, created = Article.objects.get_or_create(source=source, url=response.url)
        return [article.pk] if created else []
    if source.kind == Source.Kind.SITEMAP:
        for url in extract.sitemap_urls(response.content, response.url)[:500]:
            article, created = Article.objects.get_or_create(url=url, defaults={"source": source})
            if created:
                new_ids.append(article.pk)
        return new_ids
    for item in extract.feed_items(response.content, response.url):
        article, created = Article.objects.get_or_create(
            url=item.url[:800],
            defaults={
                "source": source,
                "title": item.title[:500],
                "summary": item.summary,
                "body": "" if item.needs_page else item.content,
                "published_at": item.published_at,
                "updated_at": item.updated_at,
            },
        )
        if created:
            new_ids.append(article.pk)
    return new_ids


def sources_due(now=None):
    now = now or timezone.now()
    return list(Source.objects.filter(active=True, next_poll_at__lte=now).values_list("pk", flat=True))


# --- Articles ------------------------------------------------------------------------------------

_stories: StoryIndex | None = None


def story_index() -> StoryIndex:
    """Recent articles' signatures (30 days), loaded once per process, then kept up to date."""
    global _stories
    if _stories is None:
        index = StoryIndex()
        since = timezone.now() - timedelta(days=30)
        recent = Article.objects.filter(created_at__gte=since, minhash__isnull=False, story__isnull=False)
        for pk, data, story in recent.values_list("pk", "minhash", "story_id").iterator():
            index.add(pk, from_bytes(data), story)
        _stories = index
    return _stories


def story_index_reset() -> None:
    global _stories
    _stories = None


def article_fetch(article: Article) -> None:
    """The page, when the feed gave only a teaser (or nothing): its main body, its canonical address."""
    if article.body:
        return
    response = fetcher().get(article.url)
    page = extract.page_article(response.text(), response.url)
    article.body = page.body or article.summary
    article.canonical_url = page.canonical_url[:800]
    article.title = article.title or page.title[:500]
    article.fetched_at = timezone.now()


def article_process(article_id: int) -> Article | None:
    article = Article.objects.select_related("source").filter(pk=article_id).first()
    if article is None or article.processed_at:
        return article
    try:
        article_fetch(article)
    except (FetchError, OSError) as error:
        article.error = str(error)[:255]
        article.body = article.body or article.summary
    article.language = extract.language_of(f"{article.title}\n{article.body}", article.source.language_hint)
    signature = minhash_of(f"{article.title} {article.body}")
    stories = story_index()
    story_id, _similarity = stories.nearest(signature)
    with transaction.atomic():
        # The index lives in the process and may name a story that no longer exists (retention, a
        # rolled-back transaction): such a story starts again.
        if story_id is None or not StoryGroup.objects.filter(pk=story_id).exists():
            story_id = StoryGroup.objects.create().pk
        article.story_id = story_id
        article.minhash = to_bytes(signature)
        article.processed_at = timezone.now()
        article.save()
        _store_mentions(article)
    stories.add(article.pk, signature, story_id)
    return article


def _store_mentions(article: Article) -> None:
    index = name_index()
    results = analyse(article.title, article.body, index)
    linked_users = [r.link.person.user_id for r in results if r.link and r.link.person.user_id]
    # The index may be minutes old: an objection made since then is honoured now.
    objected = objecting_users(linked_users)
    for result in results:
        mention = Mention.objects.create(
            article=article,
            surface=result.found.surface[:200],
            start=result.found.start,
            end=result.found.end,
            paragraph=result.paragraph,
            paragraph_start=result.paragraph_start,
            form=result.found.form,
        )
        if result.link is None or result.link.person.user_id in objected:
            continue
        Link.objects.create(
            mention=mention,
            person_id=result.link.person.id,
            person_name=result.link.person.name_latin or result.link.person.name_arabic,
            score=result.link.score,
            reasons=result.link.reasons,
            distinction=result.distinction,
        )
    for found in candidates(article.title, article.body, index, [r.found for r in results]):
        mention = Mention.objects.create(
            article=article,
            surface=found.name[:200],
            start=found.start,
            end=found.end,
            paragraph=found.paragraph,
            form="unknown",
        )
        Candidate.objects.create(
            mention=mention, name=found.name[:200], cues=found.cues, distinction=found.distinction
        )


# --- Analysts' decisions -------------------------------------------------------------------------


def _audit(actor, action, target, **context):
    audit_record(actor, action, target, kind=AuditLog.Kind.CHANGE, **context)


@transaction.atomic
def link_decide(*, link: Link, action: str, actor, person_id: str = "") -> Link:
    """accept / reject / relink (to ``person_id``) / new_person. Accepting puts the item on the person's
    timeline and alerts subscribers once per story."""
    link = Link.objects.select_for_update().get(pk=link.pk)
    now = timezone.now()
    if action == "accept":
        link.status = Link.Status.ACCEPTED
    elif action == "reject":
        link.status = Link.Status.REJECTED
    elif action == "relink":
        person = person_directory().person(person_id) if person_id else None
        if person is None:
            raise ValueError("unknown person")
        link.status = Link.Status.RELINKED
        link.decided_by, link.decided_at = actor, now
        link.save(update_fields=["status", "decided_by", "decided_at"])
        try:
            with transaction.atomic():
                link = Link.objects.create(
                    mention=link.mention,
                    person_id=person.id,
                    person_name=person.name_latin,
                    score=link.score,
                    reasons=[*link.reasons, {"evidence": "analyst"}],
                    distinction=link.distinction,
                    status=Link.Status.ACCEPTED,
                    decided_by=actor,
                    decided_at=now,
                )
        except IntegrityError:
            link = Link.objects.get(mention=link.mention, person_id=person.id)
            link.status = Link.Status.ACCEPTED
        _audit(actor, "watch.link_decide", link.mention.article, link=link.pk, decision=action)
        transaction.on_commit(lambda: alerts.link_alert(link.pk))
        link.decided_by, link.decided_at = actor, now
        link.save(update_fields=["status", "decided_by", "decided_at"])
        return link
    elif action == "new_person":
        link.status = Link.Status.NEW_PERSON
        Candidate.objects.get_or_create(
            mention=link.mention, defaults={"name": link.mention.surface, "distinction": link.distinction}
        )
    else:
        raise ValueError(action)
    link.decided_by, link.decided_at = actor, now
    link.save(update_fields=["status", "decided_by", "decided_at"])
    _audit(actor, "watch.link_decide", link.mention.article, link=link.pk, decision=action)
    if link.status == Link.Status.ACCEPTED:
        link_id = link.pk
        transaction.on_commit(lambda: alerts.link_alert(link_id))
    return link


def distinction_set(*, link: Link, distinction: str, actor) -> Link:
    link.distinction = distinction
    link.save(update_fields=["distinction"])
    return link


@transaction.atomic
def candidate_add(
    *, candidate: Candidate, actor, city: str = "", country: str = "", occupation: str = ""
) -> str:
    """The candidate becomes a record of the referential's "watch" source, the article its provenance."""
    candidate = Candidate.objects.select_for_update().select_related("mention__article").get(pk=candidate.pk)
    if candidate.status == Candidate.Status.ADDED:
        return candidate.person_id
    article = candidate.mention.article
    person_id = person_directory().person_add(
        name=candidate.name,
        name_arabic="",
        city=city,
        country=country,
        occupation=occupation,
        provenance=article.canonical_url or article.url,
        actor=actor,
    )
    candidate.status = Candidate.Status.ADDED
    candidate.person_id = person_id
    candidate.save(update_fields=["status", "person_id"])
    _audit(actor, "watch.candidate_add", article, person=person_id)
    return person_id


def candidate_dismiss(*, candidate: Candidate, actor) -> None:
    candidate.status = Candidate.Status.DISMISSED
    candidate.save(update_fields=["status"])


def timeline_read_audit(*, actor, person_id: str) -> None:
    audit_record(actor, "watch.timeline_read", None, reason=person_id, person=person_id)


def source_save(*, source: Source, actor) -> Source:
    source.save()
    _audit(actor, "watch.source_change", source)
    return source
