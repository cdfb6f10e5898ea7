"""What the other outreach tests leave out: a scheduled campaign starts at its time and not before; the
per-domain budget holds back one domain without stopping the others; the open pixel only for members who
consented to analytics; the bounce Maildir is read once; the Wagtail preview per language and part; a
sign-up after an invitation's link counts as the campaign's conversion."""

import mailbox
from datetime import timedelta
from email.message import EmailMessage

import pytest

from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from outreach import tokens
from outreach.factories import CampaignFactory, members_bulk
from outreach.mail import envelope_sender
from outreach.mailbox import maildir_process
from outreach.models import Campaign, CampaignLink, Conversion, Recipient
from outreach.sending import send_batch
from outreach.services import campaign_prepare
from outreach.tasks import outreach_campaigns_tick
from privacy.models import ConsentPurpose, ConsentSource
from privacy.services import consent_record

from ..accounts.helpers import STRONG_PASSWORD
from .helpers import contact, use_people
from .test_bounces_notifications_conversions import DSN

pytestmark = pytest.mark.django_db


def _to(inbox):
    return [address.addr_spec for m in inbox.messages for address in m["To"].addresses]


def _sending(**kwargs):
    campaign = CampaignFactory(audience_source="community.members", audience_item="all", **kwargs)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    campaign_prepare(campaign.pk)
    return campaign


def test_a_scheduled_campaign_waits_for_its_time_then_sends_once(smtp_inbox, notice):
    members_bulk(3)
    campaign = CampaignFactory(audience_source="community.members", audience_item="all")
    later = timezone.now() + timedelta(hours=2)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SCHEDULED, scheduled_at=later)

    outreach_campaigns_tick()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SCHEDULED
    assert not Recipient.objects.filter(campaign=campaign).exists() and smtp_inbox.messages == []

    Campaign.objects.filter(pk=campaign.pk).update(scheduled_at=timezone.now() - timedelta(minutes=1))
    assert outreach_campaigns_tick() == 1
    assert outreach_campaigns_tick() == 0  # the next minute's tick starts nothing again
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert sorted(_to(smtp_inbox)) == [
        "member0@example.org",
        "member1@example.org",
        "member2@example.org",
    ]


def test_the_per_domain_budget_holds_back_one_domain_and_lets_the_others_through(
    smtp_inbox, notice, settings
):
    settings.OUTREACH_RATE_PER_DOMAIN_PER_HOUR = 2
    members_bulk(4, domain="busy.example", prefix="busy")
    members_bulk(2, domain="quiet.example", prefix="quiet")
    campaign = _sending()

    result = send_batch(campaign.pk, size=50)

    delivered = _to(smtp_inbox)
    assert sum(a.endswith("@busy.example") for a in delivered) == 2
    assert sum(a.endswith("@quiet.example") for a in delivered) == 2
    assert result.sent == 4 and result.deferred == 2
    held = Recipient.objects.filter(campaign=campaign, status=Recipient.Status.QUEUED)
    assert held.count() == 2 and all(r.email.endswith("@busy.example") for r in held)
    # Held until the next hour's window, not dropped and not retried in a loop.
    assert all(r.next_attempt_at > timezone.now() for r in held)


def test_only_members_who_consented_to_analytics_get_an_open_pixel(smtp_inbox, notice, client):
    members_bulk(2)
    User = get_user_model()  # noqa: N806
    consenting = User.objects.get(email="member1@example.org")
    consent_record(
        user=consenting, purpose=ConsentPurpose.ANALYTICS, granted=True, source=ConsentSource.SETTINGS
    )
    campaign = _sending()
    send_batch(campaign.pk)

    html = {m["To"].addresses[0].addr_spec: m.get_body(("html",)).get_content() for m in smtp_inbox.messages}
    assert "/o/" not in html["member0@example.org"]
    assert "/o/" in html["member1@example.org"]

    recipient = Recipient.objects.get(campaign=campaign, user=consenting)
    pixel = client.get(reverse("outreach:open", args=[tokens.make("open", recipient.pk)]))
    assert pixel["Content-Type"] == "image/gif" and pixel["Cache-Control"] == "no-store"
    recipient.refresh_from_db()
    assert recipient.opened_at is not None
    # A forged token answers the same pixel and records nothing.
    other = Recipient.objects.get(campaign=campaign, email="member0@example.org")
    client.get(reverse("outreach:open", args=[f"{other.pk}-forged"]))
    other.refresh_from_db()
    assert other.opened_at is None


def test_the_bounce_maildir_is_read_once(tmp_path, notice, settings, smtp_inbox):
    settings.OUTREACH_BOUNCE_ADDRESS = "bounces@kafaat.example"
    members_bulk(1)
    campaign = _sending()
    send_batch(campaign.pk)
    (recipient,) = Recipient.objects.filter(campaign=campaign, email="member0@example.org")
    box = mailbox.Maildir(str(tmp_path / "bounces"), create=True)
    raw = DSN.format(
        to=envelope_sender(recipient.pk), address=recipient.email, action="failed", status="5.1.1"
    )
    box.add(raw.encode())
    unrelated = EmailMessage()
    unrelated["Subject"], unrelated["To"] = "Out of office", "bounces@kafaat.example"
    unrelated.set_content("Back on Monday.")
    box.add(unrelated.as_bytes())

    assert maildir_process(tmp_path / "bounces") == 2
    assert maildir_process(tmp_path / "bounces") == 0
    recipient.refresh_from_db()
    assert recipient.status == Recipient.Status.BOUNCED
    assert len(list(box.iterkeys())) == 2  # read messages stay, moved to cur/ and flagged seen


@pytest.mark.parametrize(
    ("mode", "expected", "content_type"),
    [
        ("html-ar", 'dir="rtl"', "text/html"),
        ("html-fr", "Appel à projets", "text/html"),
        ("text-en", "Call for projects", "text/plain"),
    ],
)
def test_the_admin_preview_shows_each_language_and_part(editor, mode, expected, content_type):
    campaign = CampaignFactory()
    request = RequestFactory().get("/")
    request.user = editor
    response = campaign.serve_preview(request, mode)
    body = response.content.decode()
    assert response["Content-Type"].startswith(content_type)
    assert expected in body
    assert "/l/" not in body and "/o/" not in body  # a preview never counts a click or an open


def test_the_preview_of_a_campaign_without_messages_says_what_to_do(editor):
    campaign = CampaignFactory(languages=())
    request = RequestFactory().get("/")
    request.user = editor
    with translation.override("en"):
        assert "at least one language" in campaign.serve_preview(request, "html-fr").content.decode()


def test_a_sign_up_after_following_an_invitation_counts_for_the_campaign(client, notice, smtp_inbox):
    use_people([contact(1)])
    campaign = CampaignFactory(audience_source="test.people", audience_item="all")
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, track_clicks_contacts=True)
    campaign_prepare(campaign.pk)
    send_batch(campaign.pk)
    (recipient,) = Recipient.objects.filter(campaign=campaign, kind=Recipient.Kind.CONTACT)
    link = CampaignLink.objects.create(campaign=campaign, url="/fr/accounts/signup/")

    client.get(reverse("outreach:click", args=[tokens.make("click", recipient.pk, link.pk)]))
    response = client.post(
        "/fr/accounts/signup/",
        {
            "email": "contact1@partner.example",
            "password1": STRONG_PASSWORD,
            "password2": STRONG_PASSWORD,
            "accept_privacy_notice": "on",
        },
    )
    assert response.status_code == 302
    (conversion,) = Conversion.objects.all()
    assert conversion.kind == "signup" and conversion.campaign == campaign
    assert conversion.recipient == recipient
