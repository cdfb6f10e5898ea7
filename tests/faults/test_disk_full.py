"""The disk that holds uploads is full: each upload path answers 507 in the member's language, keeps no
row and leaves no part of the file behind. A real file system (a small tmpfs, mounted by the test and
filled up) does the refusing, so what is measured is what a full disk does to the site."""

import errno
import io
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from community.messaging import services as messaging
from community.messaging.models import Attachment, Message
from community.profiles.models import Profile
from community.spaces.factories import (
    CharterVersionFactory,
    LabelFactory,
    SpaceFactory,
    charter_acceptance,
    label_grant,
)
from community.spaces.models import Document
from referential.factories import SourceFactory
from referential.models import ImportBatch
from tests.community.profiles.test_profiles import FORM
from tests.referential.helpers import GOOD_ROWS, analyst, csv_bytes

pytestmark = pytest.mark.django_db

FILLER = "filler.bin"


class FullDisk:
    def __init__(self, root: Path):
        self.root = root

    def files(self) -> list[str]:
        """What the site left on the disk, besides the filler."""
        return sorted(
            str(path.relative_to(self.root))
            for path in self.root.rglob("*")
            if path.is_file() and path.name != FILLER
        )


@pytest.fixture
def full_disk(settings, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a full disk is a small tmpfs mounted by the test, which needs root (CI runs as root)")
    root = tmp_path / "disk"
    root.mkdir()
    mounted = subprocess.run(  # noqa: S603
        ["/bin/mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(root)], capture_output=True, check=False
    )
    if mounted.returncode:
        pytest.skip(
            "a full disk is a small tmpfs mounted by the test; it runs where root may mount one "
            f"(this machine refused: {mounted.stderr.decode().strip()})"
        )
    try:
        for folder in ("media", "private"):
            (root / folder).mkdir()
        settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = root / "media", root / "private"
        filler = os.open(root / FILLER, os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(filler, b"\0" * 4096)
        except OSError as full:
            assert full.errno == errno.ENOSPC
        finally:
            os.close(filler)
        yield FullDisk(root)
    finally:
        subprocess.run(["/bin/umount", str(root)], check=False)  # noqa: S603


def _client(user):
    client = Client(raise_request_exception=False)  # the site's own error page, as a visitor meets it
    client.force_login(user)
    return client


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "green").save(buffer, "PNG")
    return SimpleUploadedFile("plan.png", buffer.getvalue(), content_type="image/png")


def _says_storage_is_full(response, language="fr"):
    assert response.status_code == 507
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    expected = {
        "fr": "Votre fichier n’a pas pu être enregistré",
        "ar": "تعذّر حفظ ملفك",
    }[language]
    assert expected in html, html
    assert f'lang="{language}"' in html


def test_a_message_with_an_attachment_keeps_neither_the_message_nor_the_file(full_disk):
    amina, karim = UserFactory(), UserFactory()
    conversation = messaging.direct_conversation_open(initiator=amina, other=karim, text="Salam Karim")
    messages = Message.objects.count()

    response = _client(amina).post(conversation.get_absolute_url(), {"body": "Le plan", "attachment": _png()})

    _says_storage_is_full(response)
    assert Message.objects.count() == messages and not Attachment.objects.exists()
    assert full_disk.files() == []


def test_a_space_document_is_not_listed_when_its_file_could_not_be_written(full_disk):
    label, version = LabelFactory(), CharterVersionFactory()
    space = SpaceFactory(labels=[label], charter=version.charter)
    member = UserFactory()
    label_grant(member, label)
    charter_acceptance(member, version)
    pdf = SimpleUploadedFile("note.pdf", b"%PDF-1.4\n" + b"1" * 20_000, content_type="application/pdf")

    response = _client(member).post(
        f"/ar/community/spaces/{space.slug}/documents/", {"title": "Note", "file": pdf}
    )

    _says_storage_is_full(response, "ar")
    assert not Document.objects.exists()
    assert full_disk.files() == []


def test_a_referential_import_is_not_started_on_a_file_that_could_not_be_kept(full_disk):
    user, source = analyst(), SourceFactory()
    data = csv_bytes(GOOD_ROWS * 200)

    response = _client(user).post(
        reverse("referential:source", args=[source.pk]),
        {"file": SimpleUploadedFile("liste.csv", data, content_type="text/csv")},
    )

    _says_storage_is_full(response)
    assert not ImportBatch.objects.exists()
    assert full_disk.files() == []


def test_a_new_profile_with_a_photo_is_not_half_created(full_disk):
    user = UserFactory()

    response = _client(user).post("/fr/community/members/me/", {**FORM, "photo": _png()})

    _says_storage_is_full(response)
    assert not Profile.objects.filter(user=user).exists()
    assert full_disk.files() == []


def test_once_space_is_freed_the_same_upload_goes_through(full_disk):
    amina, karim = UserFactory(), UserFactory()
    conversation = messaging.direct_conversation_open(initiator=amina, other=karim, text="Salam Karim")
    client = _client(amina)
    assert (
        client.post(conversation.get_absolute_url(), {"body": "Le plan", "attachment": _png()}).status_code
        == 507
    )

    (full_disk.root / FILLER).unlink()

    assert (
        client.post(conversation.get_absolute_url(), {"body": "Le plan", "attachment": _png()}).status_code
        == 302
    )
    assert Attachment.objects.count() == 1 and len(full_disk.files()) == 1
