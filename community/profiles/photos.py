"""Profile photos: check the content really is an image we accept, then re-encode it without metadata."""

import io
import warnings

from PIL import Image, ImageOps

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 4000
OUTPUT_SIDE = 800
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})


def photo_validate(uploaded) -> None:
    """Raise ValidationError unless the file is a JPEG, PNG or WebP image of reasonable size."""
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("The photo is larger than 5 MB. Please choose a smaller file."), code="too_big"
        )
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in ACCEPTED_FORMATS:
                    raise ValidationError(_("The photo must be a JPEG, PNG or WebP image."), code="format")
                if width > MAX_SIDE or height > MAX_SIDE:
                    raise ValidationError(
                        _("The photo must be at most 4000 × 4000 pixels."), code="dimensions"
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The photo must be at most 4000 × 4000 pixels."), code="dimensions"
        ) from error
    except Exception as error:  # noqa: BLE001 — Pillow raises many kinds of errors on bad content
        raise ValidationError(
            _("This file is not an image we can read. Please choose a JPEG, PNG or WebP photo."),
            code="invalid",
        ) from error
    finally:
        uploaded.seek(0)


def photo_reencode(uploaded) -> bytes:
    """A JPEG of at most 800 px a side, upright, with no metadata at all (EXIF, GPS, XMP, ICC)."""
    uploaded.seek(0)
    with Image.open(uploaded) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((OUTPUT_SIDE, OUTPUT_SIDE))
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            background = Image.new("RGB", image.size, (255, 255, 255))
            background.paste(image, mask=image.getchannel("A"))
            image = background
        else:
            image = image.convert("RGB")
        # A fresh image carries nothing over from the upload but its pixels.
        clean = Image.new("RGB", image.size)
        clean.paste(image)
        output = io.BytesIO()
        clean.save(output, format="JPEG", quality=85, optimize=True)
    return output.getvalue()
