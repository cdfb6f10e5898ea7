"""Evidence files: checked by their content (not their name), kept where no public URL reaches them."""

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

MAX_EVIDENCE_SIZE = 5 * 1024 * 1024
MAX_EVIDENCE_FILES = 3
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
PDF_MAGIC = b"%PDF-"


class PrivateStorage(FileSystemStorage):
    """Under PRIVATE_MEDIA_ROOT (default: a "private" folder beside MEDIA_ROOT), never under MEDIA_URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        return str(configured or Path(settings.MEDIA_ROOT).parent / "private")

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")


def evidence_content_type(upload) -> str:
    """The file's real type (application/pdf, image/jpeg or image/png), or ValidationError."""
    name = upload.name
    if upload.size > MAX_EVIDENCE_SIZE:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s."),
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_EVIDENCE_SIZE),
            },
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head == PDF_MAGIC:
        return "application/pdf"
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        image_format = None
    finally:
        upload.seek(0)
    if image_format in IMAGE_TYPES:
        return IMAGE_TYPES[image_format]
    raise ValidationError(
        _("“%(name)s” is not a PDF, JPEG or PNG file."), params={"name": name}, code="bad_type"
    )
