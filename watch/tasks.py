"""Celery tasks of the watch: each takes ids and may run twice (see services)."""

from celery import shared_task

from . import alerts, services


@shared_task(name="watch_sources_poll")
def watch_sources_poll() -> int:
    """Beat: every source whose turn has come, each in its own task (one slow host stops no other)."""
    due = services.sources_due()
    for source_id in due:
        watch_source_poll.delay(source_id)
    return len(due)


@shared_task(name="watch_source_poll")
def watch_source_poll(source_id: int) -> int:
    new_ids = services.source_poll(source_id)
    for article_id in new_ids:
        watch_article_process.delay(article_id)
    return len(new_ids)


@shared_task(name="watch_article_process")
def watch_article_process(article_id: int) -> None:
    services.article_process(article_id)


@shared_task(name="watch_digests_send")
def watch_digests_send() -> int:
    return alerts.digests_send()
