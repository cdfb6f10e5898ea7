"""One private storage: files outside MEDIA_ROOT, no URL, served only after the caller's permission check."""

import pytest

from django.core.files.base import ContentFile
from django.http import Http404

from core.storage import private_file_response, private_storage


def test_private_files_live_outside_media_root_and_have_no_url(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = ""
    name = private_storage().save("evidence/a.pdf", ContentFile(b"%PDF-1.4"))
    assert (tmp_path / "private" / name).read_bytes() == b"%PDF-1.4"
    with pytest.raises(ValueError, match="no public URL"):
        private_storage().url(name)
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "elsewhere")
    assert private_storage().location == str(tmp_path / "elsewhere")


class _Field:
    def __init__(self, name):
        self.name = name

    def open(self, mode):
        return private_storage().open(self.name, mode)


def test_a_private_file_is_sent_as_a_download_never_cached(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    name = private_storage().save("f.pdf", ContentFile(b"%PDF-1.4 x"))
    response = private_file_response(_Field(name), filename="rapport.pdf", content_type="application/pdf")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert response["Content-Disposition"] == 'attachment; filename="rapport.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    with pytest.raises(Http404):
        private_file_response(_Field("gone.pdf"), filename="x.pdf", content_type="application/pdf")
