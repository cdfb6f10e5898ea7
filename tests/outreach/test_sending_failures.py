"""Temporary refusals are retried with backoff; permanent ones bounce and suppress the address; a worker
that lost its claim never sends (exactly once)."""

from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller

from django.utils import timezone

from outreach.factories import CampaignFactory, members_bulk
from outreach.models import Campaign, Recipient, SuppressedAddress
from outreach.sending import _claim, _gate, release_expired_claims, send_batch
from outreach.services import campaign_prepare

from ..conftest import _free_port

pytestmark = pytest.mark.django_db


class Picky:
    """Refuses member0 for good, member1 for now (once), accepts the rest."""

    def __init__(self):
        self.delivered, self.tried = [], set()

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address.startswith("member0@"):
            return "550 5.1.1 No such user"
        if address.startswith("member1@") and address not in self.tried:
            self.tried.add(address)
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.delivered.extend(envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture
def picky_smtp(settings):
    handler = Picky()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", controller.port, False
    yield handler
    controller.stop()


def _sending_campaign(count):
    members_bulk(count)
    campaign = CampaignFactory(audience_source="community.members", audience_item="all")
    Campaign.objects.filter(pk=campaign.pk).update(status="sending")
    campaign_prepare(campaign.pk)
    return campaign


def test_temporary_failure_retries_later_and_permanent_failure_suppresses(picky_smtp, notice):
    campaign = _sending_campaign(4)
    send_batch(campaign.pk)
    rows = {r.email.split("@")[0]: r for r in Recipient.objects.filter(campaign=campaign)}
    assert rows["member0"].status == "bounced"
    assert SuppressedAddress.objects.get(email=rows["member0"].email).reason == "bounce"
    assert rows["member1"].status == "queued" and rows["member1"].attempts == 1
    assert rows["member1"].next_attempt_at > timezone.now()
    assert sorted(picky_smtp.delivered) == [rows["member2"].email, rows["member3"].email]

    assert send_batch(campaign.pk).claimed == 0  # not before its time
    Recipient.objects.filter(pk=rows["member1"].pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert send_batch(campaign.pk).sent == 1
    assert picky_smtp.delivered.count(rows["member1"].email) == 1


def test_a_worker_that_lost_its_claim_cannot_pass_the_gate(notice, settings):
    settings.OUTREACH_CLAIM_LEASE_SECONDS = 60
    campaign = _sending_campaign(1)
    slow_token, (row_id,) = _claim(campaign.pk, 10)
    # The slow worker's lease passes; another worker takes the row back and claims it.
    Recipient.objects.filter(pk=row_id).update(claimed_at=timezone.now() - timedelta(seconds=61))
    assert release_expired_claims(campaign.pk) == 1
    fast_token, ids = _claim(campaign.pk, 10)
    assert ids == [row_id]
    recipient = Recipient.objects.get(pk=row_id)
    assert _gate(campaign, recipient, slow_token)() is False
    assert _gate(campaign, recipient, fast_token)() is True
    assert Recipient.objects.get(pk=row_id).status == "sent"


def test_the_final_dot_leaves_inside_the_transaction_that_records_the_send(notice):
    """Dot first, COMMIT second: a worker killed in between must not leave a row "sent" that the server
    never accepted (that order skipped a person in the worker-kill test)."""
    from django.db import connection

    campaign = _sending_campaign(1)
    token, (row_id,) = _claim(campaign.pk, 10)
    recipient = Recipient.objects.get(pk=row_id)
    depth_outside, seen = len(connection.atomic_blocks), {}

    def hand_over():
        seen["depth"] = len(connection.atomic_blocks)
        seen["status"] = Recipient.objects.get(pk=row_id).status

    assert _gate(campaign, recipient, token)(hand_over) is True
    assert seen == {"depth": depth_outside + 1, "status": "sent"}


def test_a_hand_over_that_breaks_rolls_the_row_back_for_another_try(notice):
    campaign = _sending_campaign(1)
    token, (row_id,) = _claim(campaign.pk, 10)
    recipient = Recipient.objects.get(pk=row_id)

    def broken_connection():
        raise OSError("connection reset by peer")

    gate = _gate(campaign, recipient, token)
    with pytest.raises(OSError):
        gate(broken_connection)
    assert gate.passed is False
    row = Recipient.objects.get(pk=row_id)
    assert (row.status, row.claim, row.sent_at, row.attempts) == ("sending", token, None, 0)
