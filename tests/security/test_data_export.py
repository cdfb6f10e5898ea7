"""The data export (right of access): asked on My account, built by a task into private storage, every
app's section with the member's rows and files and nothing of anyone else, served to its owner only,
deleted by the retention task when its days are over."""

import datetime
import io
import json
import os
import threading
import zipfile

import pytest

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from accompaniment.factories import CaseFactory
from accompaniment.models import Document, DocumentVersion, StaffNote
from accounts.factories import UserFactory
from accounts.roles import ADMIN, MODERATOR
from community.labels.factories import LabelApplicationFactory
from community.labels.models import EvidenceFile
from community.messaging import services as messaging
from community.messaging.factories import DirectConversationFactory
from community.notifications.models import Notification
from community.profiles.factories import ProfileFactory, ProjectFactory
from community.spaces.factories import PostFactory
from events import services as events
from events.factories import EventFactory
from matching.models import MatchDecision, ProfileFeatures
from outreach.factories import CampaignFactory, CampaignMessageFactory
from outreach.models import Recipient
from privacy.models import DataExport
from privacy.retention import retention_enforce
from referential.linkage.factories import SourceRecordFactory
from referential.linkage.models import GoldenRecord, RecordLink
from watch.models import Article, Link, Mention
from watch.models import Source as WatchSource

pytestmark = pytest.mark.django_db
EDGE_SECTIONS = ("matching", "referential", "accompaniment", "outreach", "watch")


def plant(user, marker: str, n: int):
    """One row of every edge app about ``user``, each carrying ``marker``; returns the profile."""
    profile = ProfileFactory(user=user, display_name=f"{marker} name")
    project = ProjectFactory(owner=profile, title=f"{marker} project")
    other_project = ProjectFactory(title=f"project seen by {marker}")
    MatchDecision.objects.create(
        project=other_project,
        profile=profile,
        side="competence",
        verdict="accept",
        decided_by=user,
        score=0.8,
        reasons=[f"{marker} reason"],
    )
    ProfileFeatures.objects.update_or_create(profile=profile, defaults={"concepts": [f"{marker}-concept"]})
    golden = GoldenRecord.objects.create(
        display_name=f"{marker} golden",
        claimed_by=user,
        fields={"given_name": {"value": f"{marker} given"}},
    )
    record = SourceRecordFactory(given_name=f"{marker} record", raw={"name": f"{marker} raw"})
    RecordLink.objects.create(key=f"r{n}", golden=golden, source_record=record)
    case = CaseFactory(project=project, needs_text=f"{marker} needs")
    StaffNote.objects.create(case=case, body=f"INTERNAL {marker} note")
    document = Document.objects.create(case=case, kind=Document.Kind.BUSINESS_PLAN)
    version = DocumentVersion(
        document=document, number=1, filename="plan.pdf", content_type="application/pdf", size=20
    )
    version.file.save("plan.pdf", ContentFile(f"%PDF-1.4 {marker} plan".encode()), save=True)
    campaign = CampaignFactory(languages=())
    CampaignMessageFactory(campaign=campaign, language="fr", subject=f"{marker} subject")
    Recipient.objects.create(
        campaign=campaign,
        kind=Recipient.Kind.MEMBER,
        user=user,
        address_key=user.email,
        email=user.email,
        language="fr",
        status=Recipient.Status.SENT,
        origin=f"{marker} origin",
        unsubscribed_at=timezone.now(),
    )
    outlet = WatchSource.objects.create(name=f"{marker} outlet", url=f"https://news{n}.example.org/feed")
    article = Article.objects.create(
        source=outlet, url=f"https://news{n}.example.org/a", title=f"{marker} news"
    )
    mention = Mention.objects.create(
        article=article, surface=f"{marker} surface", start=0, end=5, paragraph=f"{marker} paragraph"
    )
    Link.objects.create(mention=mention, person_id=f"g:{golden.pk}", score=0.9, status=Link.Status.ACCEPTED)
    return profile


def _archive_text(archive: zipfile.ZipFile) -> str:
    return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_the_archive_is_built_by_a_task_holds_every_section_and_only_the_owner_downloads_it(
    client, django_capture_on_commit_callbacks
):
    member, other = UserFactory(), UserFactory()
    plant(member, "MINE7Q", 1)
    plant(other, "THEIRS3Z", 2)
    client.force_login(member)
    page = client.get("/fr/account/").content.decode()
    assert 'action="/fr/account/data/"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/account/data/")
    assert response.status_code == 302 and response["Location"].endswith("/fr/account/#my-data")
    export = DataExport.objects.get(user=member)
    assert export.status == DataExport.Status.READY and export.file
    path = export.file.path
    assert os.path.exists(path) and "/private/" in path  # private storage, outside MEDIA_ROOT
    notice = Notification.objects.get(recipient=member, kind="privacy.export_ready")
    assert notice.url == "/fr/account/#my-data"  # the member's language (French by default)
    page = client.get("/fr/account/").content.decode()
    url = f"/fr/account/data/{export.pk}/archive.zip"
    assert url in page and "disponible jusqu" in page

    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    for key in EDGE_SECTIONS:
        assert "MINE7Q" in json.dumps(data[key], ensure_ascii=False), key
    assert data["matching"]["items"]["decisions"][0]["decision"] == "accept"
    assert data["matching"]["items"]["profile_features"]["concepts"] == ["MINE7Q-concept"]
    assert data["referential"]["items"]["source_records"][0]["as_given"] == {"name": "MINE7Q raw"}
    case = data["accompaniment"]["items"]["cases"][0]
    assert case["what_you_need"] == "MINE7Q needs" and case["internal_notes"] == 1
    assert data["outreach"]["items"]["messages"][0]["subject"] == "MINE7Q subject"
    assert data["outreach"]["items"]["messages"][0]["unsubscribed_at"]
    assert data["watch"]["items"]["news_about_me"][0]["paragraph"] == "MINE7Q paragraph"
    plan = data["accompaniment"]["files"][0]
    assert archive.read(plan) == b"%PDF-1.4 MINE7Q plan"
    everything = _archive_text(archive)
    assert "THEIRS3Z" not in everything and other.email not in everything
    assert "INTERNAL" not in everything  # advisors' internal notes stay internal (counted, not copied)

    for someone in (other, UserFactory(roles=[MODERATOR]), UserFactory(roles=[ADMIN])):
        intruder = Client()
        intruder.force_login(someone)
        assert intruder.get(url).status_code == 404
    assert Client().get(url).status_code == 302  # a visitor is sent to sign in

    # The days are over: the retention task deletes the file; the page says so; the link is gone.
    deleted = retention_enforce(now=export.expires_at + datetime.timedelta(seconds=1))
    assert deleted["privacy-data-exports"] == 1
    assert not os.path.exists(path)
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not export.file
    assert client.get(url).status_code == 404
    assert "a expiré" in client.get("/fr/account/").content.decode()
    assert (
        retention_enforce(now=export.expires_at + datetime.timedelta(seconds=1))["privacy-data-exports"] == 0
    )


def test_before_its_expiry_the_retention_task_keeps_the_archive(django_capture_on_commit_callbacks):
    from privacy.exports import export_request

    member = ProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(user=member)
    export.refresh_from_db()
    assert (
        retention_enforce(now=export.expires_at - datetime.timedelta(minutes=1))["privacy-data-exports"] == 0
    )
    assert os.path.exists(export.file.path)


def test_a_request_while_one_is_being_prepared_builds_one_archive(client):
    member = ProfileFactory().user
    client.force_login(member)
    client.post("/fr/account/data/")  # the task waits for the commit, which this test never reaches
    client.post("/fr/account/data/")
    assert DataExport.objects.filter(user=member).count() == 1
    page = client.get("/fr/account/").content.decode()
    assert "est en cours de préparation" in page and 'action="/fr/account/data/"' not in page


def test_the_archive_holds_messages_posts_answers_applications_and_their_files(
    client, django_capture_on_commit_callbacks
):
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

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/account/data/")
    export = DataExport.objects.get(user=member)
    response = client.get(f"/fr/account/data/{export.pk}/archive.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == member.email
    assert [m["body"] for m in data["messages"]["items"]] == ["Voici mon CV"]
    assert data["posts_and_comments"]["items"]["posts"][0]["title"] == "Mon post"
    assert data["label_applications"]["items"][0]["statement"] == "Ingénieure"
    assert data["event_answers"]["items"][0]["answer"] == "going"
    files = {name: archive.read(name) for name in archive.namelist() if name.startswith("files/")}
    assert b"%PDF-1.4 diploma" in files.values()
    assert any(name.startswith("files/messages/") for name in files)


def test_erasure_deletes_the_archive_files(client, django_capture_on_commit_callbacks):
    from community.profiles.services import member_delete

    member = ProfileFactory().user
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/account/data/")
    path = DataExport.objects.get(user=member).file.path
    with django_capture_on_commit_callbacks(execute=True):
        member_delete(member)
    assert not os.path.exists(path) and not DataExport.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_asking_for_the_archive_never_waits_for_it(settings, monkeypatch):
    """Eager tasks (no broker): the request returns while the archive is still being written."""
    from privacy import exports

    settings.PRIVACY_EXPORT_EAGER_THREAD = True
    release, started = threading.Event(), threading.Event()
    real = exports.member_archive_write

    def slow(user, target):
        started.set()
        assert release.wait(30)
        return real(user, target)

    monkeypatch.setattr(exports, "member_archive_write", slow)
    member = ProfileFactory().user
    client = Client()
    client.force_login(member)
    assert client.post("/fr/account/data/").status_code == 302
    assert started.wait(30)  # the build began, after the response, in the background
    assert DataExport.objects.get(user=member).status == DataExport.Status.PENDING
    assert "est en cours de préparation" in client.get("/fr/account/").content.decode()
    release.set()
    for _ in range(300):
        if DataExport.objects.get(user=member).status == DataExport.Status.READY:
            break
        threading.Event().wait(0.1)
    assert DataExport.objects.get(user=member).status == DataExport.Status.READY
