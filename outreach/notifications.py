"""Campaigns in the members' notification centre: stored as kind + campaign id, worded when read, in the
reader's language (the renderer is registered in core.registry from apps.py)."""

from django.urls import reverse
from django.utils import translation

from community.notifications.services import notify

from .models import Campaign
from .personalise import PLACEHOLDER
from .rendering import message_for

KIND = "outreach.campaign"


def notify_member(campaign, recipient) -> None:
    """Called inside the send gate: the notification exists exactly when the email counts as sent."""
    notify(
        recipient=recipient.user,
        kind=KIND,
        subject=campaign.name[:200],  # for a reader without the renderer; worded again when read
        url=reverse("outreach:message", args=[campaign.pk]),
        params={"campaign": campaign.pk},
        email=False,  # the campaign's own email is the mail
    )


def _without_fields(text: str) -> str:
    """A notification is not personalised: each field gives way to its fallback."""
    return " ".join(PLACEHOLDER.sub(lambda m: (m.group(2) or "").strip(), text or "").split())


def campaign_notification_words(notification) -> dict:
    campaign = Campaign.objects.filter(pk=notification.params.get("campaign")).first()
    if campaign is None:
        return {}
    language = (translation.get_language() or campaign.fallback_language)[:2]
    message = message_for(list(campaign.messages.all()), language, campaign.fallback_language)
    if message is None:
        return {}
    return {
        "subject": _without_fields(message.subject),
        "body": _without_fields(message.preheader),
        "url": reverse("outreach:message", args=[campaign.pk]),
    }
