"""Bounces and complaints from the bounce mailbox; campaigns in the notification centre in the reader's
language; conversions credited to the campaign whose link was followed."""

import pytest

from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from community.notifications.models import Notification
from community.notifications.selectors import notifications_of, worded
from core.conversions import conversion_send
from outreach import tokens
from outreach.bounces import bounce_process
from outreach.factories import CampaignFactory, members_bulk
from outreach.mail import envelope_sender
from outreach.models import Campaign, CampaignLink, Conversion, Recipient, SuppressedAddress
from outreach.sending import send_batch
from outreach.services import campaign_prepare

pytestmark = pytest.mark.django_db

DSN = """From: MAILER-DAEMON@mx.example
To: {to}
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

Your message could not be delivered.
--b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example

Final-Recipient: rfc822; {address}
Action: {action}
Status: {status}

--b--
"""


def _sent(count=1, **campaign_kwargs):
    members_bulk(count)
    campaign = CampaignFactory(audience_source="community.members", audience_item="all", **campaign_kwargs)
    Campaign.objects.filter(pk=campaign.pk).update(status="sending")
    campaign_prepare(campaign.pk)
    send_batch(campaign.pk)
    return campaign, list(
        Recipient.objects.filter(campaign=campaign).exclude(status="excluded").order_by("id")
    )


def test_a_failed_dsn_to_the_verp_address_bounces_and_suppresses(notice, settings):
    settings.OUTREACH_BOUNCE_ADDRESS = "bounces@kafaat.example"
    _campaign, (recipient,) = _sent()
    to = envelope_sender(recipient.pk)
    assert to.startswith("bounces+") and to.endswith("@kafaat.example")
    raw = DSN.format(to=to, address=recipient.email, action="failed", status="5.1.1").encode()
    assert bounce_process(raw) == "bounce"
    recipient.refresh_from_db()
    assert recipient.status == "bounced"
    assert SuppressedAddress.objects.get(email=recipient.email).reason == "bounce"


def test_delivered_and_delayed_reports_and_a_forged_verp_address(notice, settings):
    settings.OUTREACH_BOUNCE_ADDRESS = "bounces@kafaat.example"
    _campaign, (first, second) = _sent(2)
    delivered = DSN.format(
        to=envelope_sender(first.pk), address=first.email, action="delivered", status="2.0.0"
    )
    assert bounce_process(delivered.encode()) == "delivered"
    first.refresh_from_db()
    assert first.status == "delivered"
    delayed = DSN.format(
        to=envelope_sender(second.pk), address=second.email, action="delayed", status="4.4.1"
    )
    assert bounce_process(delayed.encode()) == "delayed"
    forged = DSN.format(
        to=f"bounces+{second.pk}-000000000000@kafaat.example",
        address="x@y.example",
        action="failed",
        status="5.1.1",
    )
    assert bounce_process(forged.encode()) == "unknown"
    second.refresh_from_db()
    assert second.status == "sent"


def test_the_notification_centre_words_the_campaign_in_the_readers_language(client, notice):
    campaign, (recipient,) = _sent()
    notification = Notification.objects.get(recipient=recipient.user)
    assert notification.kind == "outreach.campaign" and notification.emailed_at is not None
    with translation.override("ar"):
        (shown,) = worded(list(notifications_of(recipient.user)))
        assert shown.subject == "دعوة لتقديم المشاريع"
    with translation.override("en"):
        (shown,) = worded(list(notifications_of(recipient.user)))
        assert shown.subject == "Call for projects"
    client.force_login(recipient.user)
    page = client.get("/fr/community/notifications/")
    assert "Appel à projets" in page.content.decode()
    message = client.get(reverse("outreach:message", args=[campaign.pk]))
    assert message.status_code == 200 and "découvrez le programme" in message.content.decode()
    client.force_login(UserFactory())
    assert client.get(reverse("outreach:message", args=[campaign.pk])).status_code == 403


def test_a_conversion_after_a_click_is_credited_to_the_campaign(
    client, notice, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://kafaat.example"
    campaign, (recipient,) = _sent()
    link = CampaignLink.objects.create(campaign=campaign, url="https://kafaat.example/fr/events/")
    client.get(reverse("outreach:click", args=[tokens.make("click", recipient.pk, link.pk)]))
    with django_capture_on_commit_callbacks(execute=True):
        conversion_send("rsvp", user=recipient.user)  # from any device: the member's click counts
        conversion_send("label_application", user=UserFactory())  # someone who never clicked: nothing
    (conversion,) = Conversion.objects.all()
    assert conversion.campaign == campaign and conversion.kind == "rsvp" and conversion.recipient == recipient
