"""Reads of the watch."""

from django.db.models import Count

from .models import Article, Candidate, Distinction, Link, Source, Subscription


def pending_count() -> int:
    return Link.objects.filter(status=Link.Status.PENDING).count()


def queue(status: str = Link.Status.PENDING):
    return (
        Link.objects.filter(status=status)
        .select_related("mention__article__source")
        .order_by("-score", "-id")
    )


def timeline(person_id: str):
    """Accepted items of one person, newest first, one per story (its first copy stands for the others)."""
    links = (
        Link.objects.filter(person_id=person_id, status=Link.Status.ACCEPTED)
        .select_related("mention__article__source", "decided_by")
        .order_by("mention__article__published_at", "mention__article_id", "id")
    )
    seen, items = set(), []
    for link in links:
        story = link.mention.article.story_id or -link.mention.article_id
        if story in seen:
            continue
        seen.add(story)
        items.append(link)
    items.reverse()
    return items


def story_copies(article: Article):
    if article.story_id is None:
        return Article.objects.none()
    return Article.objects.filter(story_id=article.story_id).exclude(pk=article.pk).select_related("source")


def sources():
    return Source.objects.annotate(article_count=Count("articles")).order_by("name")


def open_candidates():
    return Candidate.objects.filter(status=Candidate.Status.OPEN).select_related("mention__article")


def subscriptions_of(user):
    return Subscription.objects.filter(user=user).order_by("id")


def dashboard_rows() -> list[list]:
    rows = []
    accepted = Link.objects.filter(status=Link.Status.ACCEPTED)
    for value, label in Distinction.choices:
        chosen = accepted.filter(distinction=value)
        stories = chosen.values("mention__article__story_id").distinct().count()
        people = chosen.values("person_id").distinct().count()
        rows.append([str(label), stories, people])
    return rows
