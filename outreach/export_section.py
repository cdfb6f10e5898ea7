"""What outreach holds about a member, as a section of their data export (privacy/export.py).

Every campaign message sent (or not sent, with why) to the member's account or address, what they
opened, clicked and unsubscribed from, and whether the address is on the suppression list. Their
consent decisions per purpose are at the top of the archive (privacy). Campaign names are staff
labels: the message's subject is given instead.
"""

from django.db.models import Q

from .models import Click, Conversion, Recipient, SuppressedAddress


def _subject(recipient) -> str:
    messages = list(recipient.campaign.messages.all())
    chosen = next(
        (m for m in messages if m.language == recipient.language), messages[0] if messages else None
    )
    return chosen.subject if chosen else ""


def outreach_export(user):
    mine = Q(user=user)
    if user.email:
        mine |= Q(user__isnull=True, email__iexact=user.email)
    recipients = (
        Recipient.objects.filter(mine).select_related("campaign").prefetch_related("campaign__messages")
    )
    clicks = Click.objects.filter(recipient__in=recipients).select_related("link")
    by_recipient: dict = {}
    for click in clicks.order_by("at", "id"):
        by_recipient.setdefault(click.recipient_id, []).append({"link": click.link.url, "at": click.at})
    suppressed = SuppressedAddress.objects.filter(email__iexact=user.email).first() if user.email else None
    data = {
        "messages": [
            {
                "subject": _subject(r),
                "purpose": r.campaign.purpose,
                "address": r.email,
                "language": r.language,
                "origin_of_the_data": r.origin,
                "status": r.status,
                "left_out_because": r.exclusion,
                "sent_at": r.sent_at,
                "delivered_at": r.delivered_at,
                "opened_at": r.opened_at,
                "first_click_at": r.first_click_at,
                "unsubscribed_at": r.unsubscribed_at,
                "marked_as_spam_at": r.complained_at,
                "clicks": by_recipient.get(r.pk, []),
            }
            for r in recipients.order_by("id")
        ],
        "actions_after_a_message": [
            {"kind": c.kind, "at": c.at} for c in Conversion.objects.filter(user=user).order_by("at", "id")
        ],
        "suppression": (
            {"reason": suppressed.reason, "since": suppressed.created_at} if suppressed is not None else None
        ),
    }
    return data, []
