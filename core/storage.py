"""One private storage for files no public URL may reach, and one way to hand them to an allowed reader.

Files live under PRIVATE_MEDIA_ROOT (blank: a "private" folder beside MEDIA_ROOT); web and task workers
must share it. Views check permission first, then call ``private_file_response``.
"""

import contextlib
import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.functional import cached_property

from .unavailable import is_storage_full


class PartialFilesRemoved:
    """A disk that fills up mid-write leaves the part already written: remove it, and let the error
    through (the request answers 507 and the service's transaction drops the row).

    ``Storage.save`` passes an available name, which ``_save`` opens exclusively; only if another
    writer took that very name in between would ``_save`` write elsewhere, and names carry a random
    part (upload paths) or a random suffix, so the file removed here is the one this call began."""

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            if is_storage_full(error):
                with contextlib.suppress(OSError):
                    os.remove(self.path(name))
            raise


class PublicStorage(PartialFilesRemoved, FileSystemStorage):
    """MEDIA_ROOT, served at MEDIA_URL (profile photos, CMS images)."""


class PrivateStorage(PartialFilesRemoved, FileSystemStorage):
    """Files kept outside MEDIA_ROOT, so no web server can hand them out without the gate."""

    def __init__(self):
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", "")
        return str(configured or Path(settings.MEDIA_ROOT).parent / "private")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")

    def _clear_cached_properties(self, setting, **kwargs):
        if setting in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
            self.__dict__.pop("base_location", None)


_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    """For ``FileField(storage=private_storage)``: a callable, so migrations name it instead of copying it."""
    return _storage


def private_file_response(
    field_file, *, filename: str, content_type: str, inline: bool = False
) -> FileResponse:
    """Stream a private file that the caller has already allowed; a file missing on disk is a 404."""
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
