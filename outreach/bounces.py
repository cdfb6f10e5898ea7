"""Bounces and complaints read from the bounce mailbox (plain SMTP has no webhook).

Each campaign email leaves with an envelope sender naming its recipient (VERP:
``bounces+<id>-<mac>@domain``, OUTREACH_BOUNCE_ADDRESS), so a bounce that reaches that address says
whose it is even when its text does not. The report itself is read as a DSN (RFC 3464: failed, delayed,
delivered), an ARF complaint (RFC 5965), or, failing both, by flufl.bounce's detectors for the non-standard
formats some servers still send.
"""

import email
import logging
import re
from email import policy

from flufl.bounce import all_failures

from django.db import transaction
from django.utils import timezone

from .mail import verp_read
from .models import Recipient, SuppressedAddress
from .sending import suppress

log = logging.getLogger(__name__)

_MESSAGE_ID = re.compile(r"<outreach\.(\d+)\.(\d+)@")
_VERP = re.compile(r"\+(\d+-[0-9a-f]+)@", re.IGNORECASE)


def _recipient_ids(message) -> set[int]:
    """Recipients named by the VERP address the bounce was sent to, or by our Message-ID inside it."""
    found = set()
    for header in ("To", "Delivered-To", "X-Original-To", "Envelope-To"):
        for value in message.get_all(header, []) or []:
            for token in _VERP.findall(str(value)):
                ident = verp_read(token)
                if ident:
                    found.add(ident)
    if not found:
        for match in _MESSAGE_ID.finditer(message.as_string()):
            found.add(int(match.group(2)))
    return found


def _dsn_actions(message) -> list[tuple[str, str]]:
    """(action, status) of each per-recipient block of a delivery status notification."""
    actions = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        payload = part.get_payload()
        blocks = payload if isinstance(payload, list) else [part]
        for block in blocks:
            action = str(block.get("Action", "")).strip().lower()
            status = str(block.get("Status", "")).strip()
            if action:
                actions.append((action, status))
    return actions


def _is_complaint(message) -> bool:
    return any(part.get_content_type() == "message/feedback-report" for part in message.walk())


def _permanent_failures(message) -> frozenset:
    """The addresses flufl.bounce reads as failed for good; nothing when one of its detectors trips on a
    message it was not written for (an auto-reply without From crashes one of them)."""
    try:
        return all_failures(message)[1]
    except Exception:  # noqa: BLE001 — a malformed message in the bounce box is no bounce
        log.warning("bounce message not understood", exc_info=True)
        return frozenset()


def bounce_process(raw: bytes) -> str:
    """Record what one message from the bounce mailbox says; returns what it was taken for."""
    message = email.message_from_bytes(raw, policy=policy.compat32)
    ids = _recipient_ids(message)
    recipients = list(Recipient.objects.filter(pk__in=ids).select_related("campaign"))
    if not recipients:
        # No id: match the failing addresses flufl.bounce finds against recent sends.
        permanent = _permanent_failures(message)
        addresses = {a.decode() if isinstance(a, bytes) else a for a in permanent}
        recipients = list(
            Recipient.objects.filter(
                email__in={a.lower() for a in addresses}, sent_at__isnull=False
            ).order_by("-sent_at")[:50]
        )
        if not recipients:
            return "unknown"
        kind = "bounce"
    elif _is_complaint(message):
        kind = "complaint"
    else:
        actions = _dsn_actions(message)
        if not actions:
            # Not a DSN: a bounce in another format, or an auto-reply (which is no bounce).
            kind = "bounce" if _permanent_failures(message) else "unknown"
        elif any(a == "failed" and s.startswith("5") for a, s in actions):
            kind = "bounce"
        elif any(a == "failed" or a == "delayed" for a, _s in actions):
            kind = "delayed"
        else:
            kind = (
                "delivered"
                if any(a in ("delivered", "relayed", "expanded") for a, _s in actions)
                else "unknown"
            )
    now = timezone.now()
    with transaction.atomic():
        for recipient in recipients:
            rows = Recipient.objects.filter(pk=recipient.pk)
            if kind == "bounce":
                rows.filter(status__in=(Recipient.Status.SENT, Recipient.Status.DELIVERED)).update(
                    status=Recipient.Status.BOUNCED, bounced_at=now
                )
                suppress(recipient.email, SuppressedAddress.Reason.BOUNCE)
            elif kind == "complaint":
                rows.update(complained_at=now)
                suppress(recipient.email, SuppressedAddress.Reason.COMPLAINT)
            elif kind == "delivered":
                rows.filter(status=Recipient.Status.SENT).update(
                    status=Recipient.Status.DELIVERED, delivered_at=now
                )
    return kind
