"""A campaign reaches each person once, in their language, with the unsubscribe headers (real SMTP)."""

import re
from collections import Counter

import pytest

from outreach.factories import CampaignFactory, members_bulk
from outreach.models import Campaign, Recipient
from outreach.sending import send_batch
from outreach.services import campaign_start

pytestmark = pytest.mark.django_db

LANGUAGE_MARK = {"fr": "Bonjour", "ar": "مرحبا", "en": "Hello"}


def _text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def _html(message):
    return message.get_body(preferencelist=("html",)).get_content()


def test_members_get_the_campaign_once_in_their_language_with_one_click_unsubscribe(
    notice, editor, smtp_inbox, site_url, settings, django_capture_on_commit_callbacks
):
    settings.OUTREACH_APPROVAL_THRESHOLD = 10_000
    ids = members_bulk(300)
    campaign = CampaignFactory(audience_source="community.members", audience_item="all", created_by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        campaign_start(campaign=campaign, actor=editor)

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert len(smtp_inbox.messages) == 300
    by_address = Counter(m["To"].addresses[0].addr_spec for m in smtp_inbox.messages)
    assert max(by_address.values()) == 1
    languages = Counter()
    for message in smtp_inbox.messages:
        language = message["Content-Language"]
        languages[language] += 1
        index = int(re.search(r"member(\d+)@", message["To"].addresses[0].addr_spec).group(1))
        assert language == ("fr", "ar", "en")[index % 3]
        assert LANGUAGE_MARK[language] in _text(message)
        assert f'lang="{language}"' in _html(message)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert re.fullmatch(
            rf"<{site_url}/{language}/outreach/unsubscribe/[^>]+/>", message["List-Unsubscribe"].strip()
        )
        assert "<style" not in _html(message).split("</head>")[1]  # inlined for mail clients
    assert languages == {"fr": 100, "ar": 100, "en": 100}
    arabic = next(m for m in smtp_inbox.messages if m["Content-Language"] == "ar")
    assert 'dir="rtl"' in _html(arabic) and "direction: rtl" in _html(arabic)
    assert Recipient.objects.filter(campaign=campaign, status=Recipient.Status.SENT).count() == len(ids)
    # Sending again finds nothing to send.
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    assert send_batch(campaign.pk).claimed == 0
    assert len(smtp_inbox.messages) == 300
