"""Images in posts: checked by their content (not their name) and resized with Pillow."""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_SIDE = 1600
MAX_BYTES = 10 * 1024 * 1024


def checked_image(upload):
    """The upload re-encoded (metadata dropped) and at most MAX_SIDE pixels on each side; a
    clear error for a file that is not a picture."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("An image can be at most 10 MB."))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image (JPEG, PNG, WebP or GIF).")) from None
    if image.format not in FORMATS:
        raise ValidationError(_("This file is not an image (JPEG, PNG, WebP or GIF)."))
    kind = image.format
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = BytesIO()
    image.save(out, format=kind)
    name = f"image.{FORMATS[kind]}"
    return InMemoryUploadedFile(out, "image", name, f"image/{FORMATS[kind]}", out.tell(), None)
