"""Celery tasks of outreach. Each takes ids, reloads, and may run twice without sending anything twice."""

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from celery import shared_task
from celery.signals import worker_ready

from django.conf import settings
from django.utils import timezone

from . import ratelimit
from .mailbox import maildir_process
from .models import Campaign
from .sending import (
    campaign_finish_if_done,
    campaign_progress,
    lease_seconds,
    release_expired_claims,
    send_batch,
)
from .services import campaign_due_start, campaign_prepare

log = logging.getLogger(__name__)


def parallel_batches() -> int:
    return int(getattr(settings, "OUTREACH_PARALLEL_BATCHES", 2))


@shared_task(name="outreach_campaign_prepare")
def outreach_campaign_prepare(campaign_id: int) -> int:
    queued = campaign_prepare(campaign_id)
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        # In-process (embedded default, tests): one loop sends everything now.
        outreach_campaign_send_batch.delay(campaign_id)
    else:
        for _ in range(parallel_batches()):
            outreach_campaign_send_batch.delay(campaign_id)
    return queued


@shared_task(name="outreach_campaign_send_batch", acks_late=True)
def outreach_campaign_send_batch(campaign_id: int) -> int:
    """One batch, then the next one queued as a new task (a worker is never held by one campaign).

    Run eagerly (no broker), it loops in place instead until nothing is ready.
    """
    eager = getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    sent = 0
    while True:
        result = send_batch(campaign_id)
        sent += result.sent
        progress = campaign_progress(campaign_id)
        now = timezone.now()
        if result.claimed and progress["queued_ready"] and not result.stopped:
            if eager:
                continue
            outreach_campaign_send_batch.delay(campaign_id)
        elif progress["queued_ready"] or progress["queued_later"]:
            # The hour's budget is spent, the connection broke, or only retries later are left.
            if progress["queued_ready"]:
                when = datetime.fromtimestamp(ratelimit.window_end(), tz=UTC) if result.stopped else now
                when = max(when, now + timedelta(seconds=5))
            else:
                when = progress["queued_later"]
            if not eager:
                outreach_campaign_send_batch.apply_async((campaign_id,), eta=when)
        else:
            campaign_finish_if_done(campaign_id)
        return sent


@shared_task(name="outreach_campaigns_tick")
def outreach_campaigns_tick() -> int:
    """Every minute (beat) and when a worker starts: start the scheduled campaigns whose time has come,
    give back the claims of dead workers, and restart campaigns no worker is sending."""
    started = 0
    now = timezone.now()
    for campaign_id in Campaign.objects.filter(
        status=Campaign.Status.SCHEDULED, scheduled_at__lte=now
    ).values_list("pk", flat=True):
        started += campaign_due_start(campaign_id)
    idle = now - timedelta(seconds=lease_seconds())
    for campaign_id in Campaign.objects.filter(status=Campaign.Status.SENDING).values_list("pk", flat=True):
        released = release_expired_claims(campaign_id)
        progress = campaign_progress(campaign_id)
        if not Campaign.objects.filter(pk=campaign_id, prepared_at__isnull=False).exists():
            outreach_campaign_prepare.delay(campaign_id)
        elif released or (
            progress["queued_ready"] and (progress["last_claim"] is None or progress["last_claim"] < idle)
        ):
            log.info("outreach: resuming campaign %s (%s claims given back)", campaign_id, released)
            for _ in range(parallel_batches()):
                outreach_campaign_send_batch.delay(campaign_id)
        elif not progress["queued"] and not progress["sending"]:
            campaign_finish_if_done(campaign_id)
    return started


@worker_ready.connect
def _resume_after_restart(sender=None, **kwargs):
    """A worker that starts resumes what a killed one left: now, and once its claims' lease has passed."""
    outreach_campaigns_tick.delay()
    outreach_campaigns_tick.apply_async(countdown=lease_seconds() + 1)


@shared_task(name="outreach_bounces_read")
def outreach_bounces_read() -> int:
    """Every few minutes (beat): read new messages of the bounce Maildir (OUTREACH_BOUNCE_MAILDIR)."""
    folder = getattr(settings, "OUTREACH_BOUNCE_MAILDIR", "")
    return maildir_process(Path(folder)) if folder else 0
