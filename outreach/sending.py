"""Sending a campaign: claim a batch of recipients, hand each email over through the gate, record.

Exactly once per recipient, whatever happens to the worker:

1. A batch of queued rows is claimed in one transaction (status "sending", a fresh claim token).
2. For each row, the whole email but its final dot goes to the server. The gate then opens a transaction
   and marks the row "sent" **only if this worker still holds the claim** (compare-and-set on the
   token, which also locks the row); inside that transaction the final dot is written, and only then is
   the transaction committed.
3. A worker killed before the dot leaves rolls its transaction back: the row stays "sending", the server
   never saw the end of DATA and delivered nothing. Once the claim's lease has passed the row goes back
   to "queued" and another worker sends it. A worker that outlives its lease loses its claim, and its
   gate refuses: no duplicate.
4. Once the dot and the COMMIT are in the kernel's socket buffers, a SIGKILL no longer stops them: the
   kernel still hands both over, the server delivers and PostgreSQL commits.

What is left open is the gap between two writes on two sockets — the dot, then the COMMIT — a few
microseconds of Python; a kill exactly there delivers the email and rolls the row back, so it would be
sent again. The previous order (commit, then dot) left the whole commit round trip open, and a kill
there skipped the person (seen once in a 2,000-recipient kill test). A commit that fails after the dot
(the database went away) has the same effect as that kill.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Min, Q
from django.utils import timezone

from privacy.selectors import users_with_consent

from . import mail, ratelimit
from .messages import Outbox
from .models import Campaign, FirstContact, Recipient, SuppressedAddress
from .notifications import notify_member

log = logging.getLogger(__name__)
Status = Recipient.Status


def lease_seconds() -> int:
    return int(getattr(settings, "OUTREACH_CLAIM_LEASE_SECONDS", 300))


def batch_size() -> int:
    return int(getattr(settings, "OUTREACH_BATCH_SIZE", 100))


def max_attempts() -> int:
    return int(getattr(settings, "OUTREACH_MAX_ATTEMPTS", 5))


def backoff(attempts: int) -> timedelta:
    """1, 4, 16, 64 … minutes (OUTREACH_RETRY_BASE_SECONDS × 4^(attempts-1))."""
    base = int(getattr(settings, "OUTREACH_RETRY_BASE_SECONDS", 60))
    return timedelta(seconds=base * 4 ** max(0, attempts - 1))


@dataclass
class BatchResult:
    claimed: int = 0
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    stopped: bool = False  # the hourly budget ran out or the connection broke


def release_expired_claims(campaign_id: int) -> int:
    """Rows left "sending" by a worker that died: back to the queue once their lease has passed."""
    limit = timezone.now() - timedelta(seconds=lease_seconds())
    return Recipient.objects.filter(
        campaign_id=campaign_id, status=Status.SENDING, claimed_at__lt=limit
    ).update(status=Status.QUEUED, claim="", claimed_at=None)


def _claim(campaign_id: int, size: int) -> tuple[str, list[int]]:
    token, now = uuid.uuid4().hex, timezone.now()
    with transaction.atomic():
        ready = (
            Recipient.objects.select_for_update(skip_locked=True)
            .filter(campaign_id=campaign_id, status=Status.QUEUED)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .order_by("id")
            .values_list("id", flat=True)[:size]
        )
        ids = list(ready)
        if ids:
            Recipient.objects.filter(id__in=ids, status=Status.QUEUED).update(
                status=Status.SENDING, claim=token, claimed_at=now
            )
    return token, ids


def _release(ids, *, until=None) -> None:
    """Give claimed rows back without counting an attempt (budget spent, connection lost)."""
    if ids:
        Recipient.objects.filter(id__in=ids, status=Status.SENDING).update(
            status=Status.QUEUED, claim="", claimed_at=None, next_attempt_at=until
        )


def suppress(email: str, reason: str, note: str = "") -> None:
    if email:
        SuppressedAddress.objects.get_or_create(
            email=email.lower(), defaults={"reason": reason, "note": note}
        )


def _gate(campaign: Campaign, recipient: Recipient, token: str):
    """The point of no return. ``gate(hand_over)`` marks the row "sent" if this worker still holds its
    claim, calls ``hand_over()`` (the final dot) inside that transaction, then commits; returns whether
    the email was handed over. If ``hand_over`` raises, the row is rolled back and stays "sending"."""

    def gate(hand_over=lambda: None) -> bool:
        now = timezone.now()
        with transaction.atomic():
            passed = Recipient.objects.filter(pk=recipient.pk, claim=token, status=Status.SENDING).update(
                status=Status.SENT, sent_at=now, attempts=F("attempts") + 1, claim=""
            )
            if not passed:
                return False
            if recipient.kind == Recipient.Kind.CONTACT:
                try:
                    with transaction.atomic():
                        FirstContact.objects.create(
                            series_key=campaign.series_key, email=recipient.email, campaign=campaign
                        )
                except IntegrityError:
                    Recipient.objects.filter(pk=recipient.pk).update(
                        status=Status.EXCLUDED, exclusion=Recipient.Exclusion.ALREADY_INVITED, sent_at=None
                    )
                    return False
            if recipient.user_id and campaign.send_in_app:
                notify_member(campaign, recipient)
            hand_over()  # last statement before the COMMIT: see the module's docstring
        gate.passed = True
        return True

    gate.passed = False
    return gate


def _after_failure(recipient: Recipient, error: Exception, *, gated: bool) -> str:
    """Record a refusal; returns "deferred" or "failed"."""
    now = timezone.now()
    text = str(error)[:300]
    current = Status.SENT if gated else Status.SENDING
    rows = Recipient.objects.filter(pk=recipient.pk, status=current)
    if isinstance(error, mail.PermanentFailure):
        rows.update(status=Status.BOUNCED, bounced_at=now, last_error=text, claim="")
        suppress(recipient.email, SuppressedAddress.Reason.BOUNCE, text)
        return "failed"
    attempts = recipient.attempts + 1
    if attempts >= max_attempts():
        rows.update(status=Status.FAILED, failed_at=now, attempts=attempts, last_error=text, claim="")
        return "failed"
    rows.update(
        status=Status.QUEUED,
        attempts=attempts,
        next_attempt_at=now + backoff(attempts),
        last_error=text,
        claim="",
        claimed_at=None,
        sent_at=None,
    )
    return "deferred"


def send_batch(campaign_id: int, size: int | None = None) -> BatchResult:
    """Claim and send one batch of a campaign that is sending. Idempotent, safe beside other workers."""
    result = BatchResult()
    campaign = Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).first()
    if campaign is None:
        return result
    release_expired_claims(campaign_id)
    size = size or batch_size()
    budget = ratelimit.take_global(size) if campaign.send_email else size
    if budget == 0:
        result.stopped = True
        return result
    token, ids = _claim(campaign_id, budget)
    ratelimit.give_back_global(budget - len(ids)) if campaign.send_email else None
    result.claimed = len(ids)
    if not ids:
        return result
    outbox = Outbox(campaign)
    recipients = list(Recipient.objects.filter(id__in=ids, claim=token).order_by("id"))
    analytics = _analytics_consents(recipients)
    transport = mail.transport() if campaign.send_email else None
    pending = [r.pk for r in recipients]
    try:
        for recipient in recipients:
            pending.remove(recipient.pk)
            if campaign.send_email and not ratelimit.take_domain(recipient.domain):
                _release([recipient.pk], until=datetime.fromtimestamp(ratelimit.window_end(), tz=UTC))
                result.deferred += 1
                continue
            gate = _gate(campaign, recipient, token)
            if transport is None:
                result.sent += int(gate())
                continue
            message = outbox.email(recipient, open_pixel=recipient.user_id in analytics)
            try:
                if transport.deliver(message, gate):
                    result.sent += 1
            except mail.ConnectionLost as error:
                outcome = _after_failure(recipient, error, gated=gate.passed)
                result.deferred += outcome == "deferred"
                result.stopped = True
                break
            except (mail.TemporaryFailure, mail.PermanentFailure) as error:
                outcome = _after_failure(recipient, error, gated=gate.passed)
                result.deferred += outcome == "deferred"
                result.failed += outcome == "failed"
    finally:
        _release(pending)
        if transport is not None:
            try:
                transport.close()
            except Exception:  # noqa: BLE001 — closing a broken connection must not hide the result
                log.warning("closing the mail connection failed", exc_info=True)
    return result


def _analytics_consents(recipients) -> set[int]:
    """Members who consented to analytics: only their emails carry an open-tracking pixel."""
    ids = [r.user_id for r in recipients if r.user_id]
    if not ids:
        return set()
    return set(users_with_consent("analytics").filter(pk__in=ids).values_list("pk", flat=True))


def campaign_progress(campaign_id: int) -> dict:
    rows = Recipient.objects.filter(campaign_id=campaign_id)
    return {
        "queued_ready": rows.filter(status=Status.QUEUED)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now()))
        .count(),
        "queued_later": rows.filter(status=Status.QUEUED, next_attempt_at__gt=timezone.now()).aggregate(
            n=Min("next_attempt_at")
        )["n"],
        "queued": rows.filter(status=Status.QUEUED).count(),
        "sending": rows.filter(status=Status.SENDING).count(),
        "last_claim": rows.aggregate(at=Max("claimed_at"))["at"],
    }


def campaign_finish_if_done(campaign_id: int) -> bool:
    with transaction.atomic():
        left = Recipient.objects.filter(
            campaign_id=campaign_id, status__in=(Status.QUEUED, Status.SENDING)
        ).exists()
        if left:
            return False
        return bool(
            Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).update(
                status=Campaign.Status.SENT, finished_at=timezone.now()
            )
        )
