"""Uploaded files checked by their content, never by their name: PDF, JPEG and PNG."""

from PIL import Image, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_UPLOAD_SIZE = 5 * 1024 * 1024
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
PDF_MAGIC = b"%PDF-"


def checked_content_type(upload, max_size: int = MAX_UPLOAD_SIZE) -> str:
    """The file's real type (application/pdf, image/jpeg or image/png), or ValidationError."""
    name = upload.name
    if upload.size > max_size:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s."),
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_size),
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
