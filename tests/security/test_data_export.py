"""The data export: one archive with data.json and the member's files, linked from My account."""

import io
import json
import zipfile

import pytest

from django.core.files.base import ContentFile

from accounts.factories import UserFactory
from community.labels.factories import LabelApplicationFactory
from community.labels.models import EvidenceFile
from community.messaging import services as messaging
from community.messaging.factories import DirectConversationFactory
from community.profiles.factories import ProfileFactory
from community.spaces.factories import PostFactory
from events import services as events
from events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_archive_holds_messages_posts_answers_applications_and_their_files(client):
    member = ProfileFactory().user
    other = UserFactory()
    conversation = DirectConversationFactory(initiator=member, other=other)
    messaging.message_send(
        sender=member,
        conversation=conversation,
        body="Voici mon CV",
        upload=ContentFile(b"%PDF-1.4 my cv", name="cv.pdf"),
        upload_type="application/pdf",
    )
    PostFactory(author=member, title="Mon post")
    application = LabelApplicationFactory(applicant=member, statement="Ingénieure")
    evidence = EvidenceFile(
        application=application, original_name="d.pdf", content_type="application/pdf", size=9
    )
    evidence.file.save("diplome.pdf", ContentFile(b"%PDF-1.4 diploma"), save=True)
    event = EventFactory()
    events.rsvp_set(user=member, event=event, original_start=event.start, status="going", answers={})
    client.force_login(member)

    assert "/community/members/me/data/archive.zip" in client.get("/fr/account/").content.decode()
    response = client.get("/fr/community/members/me/data/archive.zip")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == member.email
    assert [m["body"] for m in data["messages"]["items"]] == ["Voici mon CV"]
    assert data["posts_and_comments"]["items"]["posts"][0]["title"] == "Mon post"
    assert data["label_applications"]["items"][0]["statement"] == "Ingénieure"
    assert data["event_answers"]["items"][0]["answer"] == "going"
    files = {name: archive.read(name) for name in archive.namelist() if name.startswith("files/")}
    assert b"%PDF-1.4 diploma" in files.values()
    assert any(name.startswith("files/messages/") for name in files)
