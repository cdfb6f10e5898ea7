"""Erasure removes the member's files from disk and their id from what stays (issue 12, privacy rights)."""

import pytest

from django.core.files.base import ContentFile

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from community.labels.factories import LabelApplicationFactory
from community.labels.models import EvidenceFile
from community.messaging.factories import DirectConversationFactory, message
from community.messaging.models import Conversation, Message
from community.profiles.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_deleting_the_account_deletes_evidence_files_and_the_id_in_direct_keys(client):
    member = ProfileFactory().user
    other = UserFactory()
    application = LabelApplicationFactory(applicant=member)
    evidence = EvidenceFile(
        application=application, original_name="cv.pdf", content_type="application/pdf", size=8
    )
    evidence.file.save("cv.pdf", ContentFile(b"%PDF-1.4"), save=True)
    path = evidence.file.path
    conversation = DirectConversationFactory(initiator=member, other=other)
    message(conversation, member, body="Bonjour")
    client.force_login(member)

    response = client.post(
        "/fr/community/members/me/delete/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    import os

    assert not os.path.exists(path)
    conversation = Conversation.objects.get(pk=conversation.pk)
    assert conversation.direct_key is None
    assert Message.objects.get(conversation=conversation).sender is None  # the other's history stays


def test_erasure_keeps_a_minimal_proof_of_consent_decisions(client):
    from community.profiles.services import email_fingerprint
    from core.models import AuditLog
    from privacy.factories import ConsentRecordFactory

    member = ProfileFactory().user
    ConsentRecordFactory(user=member, purpose="directory", granted=True)
    ConsentRecordFactory(user=member, purpose="matching", granted=False)
    email = member.email
    client.force_login(member)
    client.post("/fr/community/members/me/delete/", {"password": DEFAULT_PASSWORD, "confirm": "on"})

    proofs = AuditLog.objects.filter(action="privacy.consent_proof")
    assert sorted(p.detail.rsplit(":", 1)[0] for p in proofs) == ["directory:granted", "matching:refused"]
    assert {p.context["email_fingerprint"] for p in proofs} == {email_fingerprint(email)}
    assert all(email not in str(p.context) + p.detail for p in proofs)
