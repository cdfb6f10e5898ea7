"""The watch's entries in the retention schedule: articles that named nobody and proposals nobody
accepted go after their time; accepted items stay on the person's timeline. Clock frozen by handing
``now`` to the enforcement."""

import datetime

import pytest

from django.utils import timezone

from privacy.retention import retention_enforce, retention_rules
from watch.models import Article, Link, Mention, Source

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def _article(n, *, days_old, named=None, status=None):
    source, _ = Source.objects.get_or_create(name="outlet", url="https://news.example/feed.xml")
    article = Article.objects.create(source=source, url=f"https://news.example/{n}.html", title=f"Story {n}")
    Article.objects.filter(pk=article.pk).update(created_at=NOW - datetime.timedelta(days=days_old))
    if named:
        mention = Mention.objects.create(
            article=article, surface=named, start=0, end=len(named), paragraph=named
        )
        link = Link.objects.create(mention=mention, person_id="g1", score=0.9, status=status)
        Link.objects.filter(pk=link.pk).update(
            created_at=NOW - datetime.timedelta(days=days_old),
            decided_at=NOW - datetime.timedelta(days=days_old),
        )
    return article


def test_the_schedule_names_the_watch_data():
    keys = {rule.key for rule in retention_rules()}
    assert {"watch-articles-naming-nobody", "watch-links-rejected", "watch-links-never-validated"} <= keys
    assert "referential-rejected-rows" in keys


def test_old_articles_naming_nobody_and_stale_proposals_go_accepted_items_stay():
    nobody_old = _article(1, days_old=400)
    nobody_recent = _article(2, days_old=30)
    accepted = _article(3, days_old=900, named="Youssef El Amrani", status=Link.Status.ACCEPTED)
    rejected = _article(4, days_old=400, named="Salma Bennani", status=Link.Status.REJECTED)
    pending = _article(5, days_old=200, named="Karim Alaoui", status=Link.Status.PENDING)

    deleted = retention_enforce(now=NOW)

    assert deleted["watch-articles-naming-nobody"] == 1
    assert deleted["watch-links-rejected"] == 1 and deleted["watch-links-never-validated"] == 1
    remaining = set(Article.objects.values_list("pk", flat=True))
    assert nobody_old.pk not in remaining and nobody_recent.pk in remaining
    assert {accepted.pk, rejected.pk, pending.pk} <= remaining  # they named someone: kept with the mention
    assert list(Link.objects.values_list("status", flat=True)) == [Link.Status.ACCEPTED]
    assert retention_enforce(now=NOW)["watch-links-rejected"] == 0  # idempotent
