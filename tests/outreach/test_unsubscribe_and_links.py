"""One-click unsubscribe (RFC 8058) records a withdrawal; links redirect only where the campaign said."""

import pytest

from django.urls import reverse

from outreach import tokens
from outreach.factories import CampaignFactory, members_bulk
from outreach.models import CampaignLink, Click, Recipient, SuppressedAddress
from outreach.services import campaign_prepare
from privacy.models import ConsentRecord, ConsentSource
from privacy.selectors import consents_current

from .helpers import contact, use_people

pytestmark = pytest.mark.django_db


def _queued(campaign):
    campaign.status = "sending"
    campaign.save()
    campaign_prepare(campaign.pk)
    return list(Recipient.objects.filter(campaign=campaign, status="queued"))


def test_one_click_post_withdraws_consent_for_the_campaigns_purpose_only(client, notice):
    members_bulk(1, purposes=("newsletter", "event_invitations"))
    campaign = CampaignFactory(audience_source="community.members", audience_item="all")
    (recipient,) = _queued(campaign)
    url = reverse("outreach:unsubscribe", args=[tokens.make("unsubscribe", recipient.pk)])

    page = client.get(url)  # a link scanner opening the link changes nothing
    assert page.status_code == 200 and consents_current(recipient.user)["newsletter"] is True

    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    consents = consents_current(recipient.user)
    assert consents["newsletter"] is False and consents["event_invitations"] is True
    latest = ConsentRecord.objects.filter(user=recipient.user, purpose="newsletter").first()
    assert latest.granted is False and latest.source == ConsentSource.UNSUBSCRIBE
    client.post(url, {"List-Unsubscribe": "One-Click"})  # twice: one withdrawal in the history
    assert ConsentRecord.objects.filter(user=recipient.user, purpose="newsletter", granted=False).count() == 1
    recipient.refresh_from_db()
    assert recipient.unsubscribed_at is not None


def test_a_contacts_objection_keeps_every_later_campaign_away(client, notice):
    use_people([contact(1)])
    first = CampaignFactory(audience_source="test.people", audience_item="all")
    (recipient,) = _queued(first)
    response = client.post(reverse("outreach:unsubscribe", args=[tokens.make("unsubscribe", recipient.pk)]))
    assert response.status_code == 200
    assert SuppressedAddress.objects.get(email="contact1@partner.example").reason == "objection"
    later = CampaignFactory(audience_source="test.people", audience_item="all")
    assert _queued(later) == []
    assert Recipient.objects.get(campaign=later).exclusion == "objected"


def test_a_forged_or_reused_token_is_refused(client, notice):
    members_bulk(1)
    (recipient,) = _queued(CampaignFactory(audience_source="community.members", audience_item="all"))
    token = tokens.make("unsubscribe", recipient.pk)
    forged = f"{recipient.pk + 1}:{token.split(':', 1)[1]}"
    assert client.post(reverse("outreach:unsubscribe", args=[forged])).status_code == 404
    click_token = tokens.make("click", recipient.pk, 1)  # another use's token is not an unsubscribe
    assert client.get(reverse("outreach:unsubscribe", args=[click_token])).status_code == 404


def test_tracked_click_records_the_person_and_redirects_only_to_the_stored_address(client, notice, settings):
    settings.SITE_URL = "https://kafaat.example"
    members_bulk(1)
    campaign = CampaignFactory(audience_source="community.members", audience_item="all")
    (recipient,) = _queued(campaign)
    link = CampaignLink.objects.create(campaign=campaign, url="https://kafaat.example/fr/programmes/")
    response = client.get(reverse("outreach:click", args=[tokens.make("click", recipient.pk, link.pk)]))
    assert response.status_code == 302 and response["Location"] == "https://kafaat.example/fr/programmes/"
    assert Click.objects.filter(recipient=recipient, link=link).count() == 1
    assert client.session["outreach_campaign"]["campaign"] == campaign.pk

    # A link another campaign stored, or an address no longer allowed, leads nowhere.
    other = CampaignLink.objects.create(campaign=CampaignFactory(), url="https://kafaat.example/x/")
    assert (
        client.get(reverse("outreach:click", args=[tokens.make("click", recipient.pk, other.pk)])).status_code
        == 404
    )
    evil = CampaignLink.objects.create(campaign=campaign, url="https://evil.example/")
    assert (
        client.get(reverse("outreach:click", args=[tokens.make("click", recipient.pk, evil.pk)])).status_code
        == 404
    )
    assert client.get(reverse("outreach:go", args=["1.2:forged"])).status_code == 404


def test_untracked_link_counts_the_link_not_the_person(client, notice, settings):
    settings.SITE_URL = "https://kafaat.example"
    campaign = CampaignFactory()
    link = CampaignLink.objects.create(campaign=campaign, url="https://kafaat.example/fr/")
    response = client.get(reverse("outreach:go", args=[tokens.make("go", campaign.pk, link.pk)]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.anonymous_clicks == 1 and not Click.objects.exists()
