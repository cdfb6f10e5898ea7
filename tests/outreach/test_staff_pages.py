"""Staff pages: second factor, audience with exclusions, approval by someone else, results and exports
through the formula-safe writer, every read of recipients in the audit log."""

import pytest

from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import EDITOR
from core.models import AuditLog
from core.registry import registry
from outreach.factories import CampaignFactory, members_bulk
from outreach.models import Campaign, CampaignMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def threshold(settings):
    settings.OUTREACH_APPROVAL_THRESHOLD = 2
    return 2


def test_staff_without_second_factor_or_members_are_kept_out(client, notice):
    campaign = CampaignFactory()
    client.force_login(UserFactory(roles=[EDITOR]))  # no TOTP yet
    assert client.get(reverse("outreach:detail", args=[campaign.pk])).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("outreach:detail", args=[campaign.pk])).status_code == 403
    assert client.get(reverse("outreach:list")).status_code == 403


def test_above_the_threshold_another_staff_member_approves_and_a_change_needs_approval_again(
    client, notice, editor, analyst, threshold, django_capture_on_commit_callbacks, mailoutbox
):
    members_bulk(3)
    campaign = CampaignFactory(created_by=editor, updated_by=editor)
    client.force_login(editor)
    response = client.post(
        reverse("outreach:audience", args=[campaign.pk]), {"source": "community.members", "item": "all"}
    )
    assert response.status_code == 302
    page = client.get(reverse("outreach:detail", args=[campaign.pk]))
    assert page.context["summary"]["reached"] == 3 and page.context["needs_approval"]

    client.post(reverse("outreach:start", args=[campaign.pk]))
    assert Campaign.objects.get(pk=campaign.pk).status == "draft"  # refused: needs approval
    client.post(reverse("outreach:submit", args=[campaign.pk]))
    client.post(reverse("outreach:approve", args=[campaign.pk]))
    assert Campaign.objects.get(pk=campaign.pk).status == "pending"  # the writer cannot approve

    client.force_login(analyst)
    client.post(reverse("outreach:approve", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.status == "approved" and campaign.approved_by == analyst

    CampaignMessage.objects.filter(campaign=campaign, language="fr").update(subject="Changé après")
    client.post(reverse("outreach:start", args=[campaign.pk]))
    assert Campaign.objects.get(pk=campaign.pk).status == "approved"  # changed since: refused

    CampaignMessage.objects.filter(campaign=campaign, language="fr").update(subject="Appel à projets")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outreach:start", args=[campaign.pk]))
    assert Campaign.objects.get(pk=campaign.pk).status == "sent"
    assert len(mailoutbox) == 3


def test_test_send_goes_to_oneself_in_every_language(client, notice, editor, mailoutbox):
    campaign = CampaignFactory(created_by=editor)
    client.force_login(editor)
    client.post(reverse("outreach:test", args=[campaign.pk]))
    assert [m.recipients() for m in mailoutbox] == [[f"{editor.get_full_name()} <{editor.email}>"]] * 3
    assert all(m.subject.startswith("[Test]") or m.subject.startswith("[Essai]") for m in mailoutbox)


def test_results_recipients_and_exports_are_audited(
    client, notice, analyst, editor, django_capture_on_commit_callbacks
):
    members_bulk(2)
    campaign = CampaignFactory(audience_source="community.members", audience_item="all", created_by=editor)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outreach:start", args=[campaign.pk]))
    results = client.get(reverse("outreach:results", args=[campaign.pk]))
    assert results.status_code == 200 and results.context["results"]["totals"]["sent"] == 2
    assert client.get(reverse("outreach:recipients", args=[campaign.pk])).status_code == 403  # editors: no

    client.force_login(analyst)
    assert client.get(reverse("outreach:recipients", args=[campaign.pk])).status_code == 200
    export = client.post(reverse("outreach:recipients_csv", args=[campaign.pk]))
    assert (
        export.content.decode("utf-8").startswith("\ufeff")
        and "member0@example.org" in export.content.decode()
    )
    csv = client.post(reverse("outreach:results_csv", args=[campaign.pk]))
    assert csv.status_code == 200
    actions = set(AuditLog.objects.filter(actor=analyst).values_list("action", flat=True))
    assert {"outreach.recipients_read", "outreach.recipients_export", "outreach.results_export"} <= actions

    panel = registry.dashboard_panels["outreach.campaigns"]
    data = panel.data(None, {})
    assert data["rows"][0][0] == campaign.name and data["rows"][0][1] == 2


def test_the_audience_must_be_one_the_source_offers(client, notice, editor):
    campaign = CampaignFactory(created_by=editor)
    client.force_login(editor)
    client.post(
        reverse("outreach:audience", args=[campaign.pk]), {"source": "matching.segments", "item": "999"}
    )
    assert Campaign.objects.get(pk=campaign.pk).audience_item == ""


def test_suppression_list_for_analysts(client, notice, analyst):
    client.force_login(analyst)
    client.post(reverse("outreach:suppression"), {"email": "Someone@Example.org", "note": "asked by phone"})
    page = client.get(reverse("outreach:suppression"))
    assert "someone@example.org" in page.content.decode()
    assert AuditLog.objects.filter(action="outreach.suppression_add", actor=analyst).exists()
