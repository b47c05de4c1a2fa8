"""A kit's image, checked by its content: PNG, JPEG or WebP that Pillow can decode, at most
SHARING_IMAGE_MAX_BYTES. It is decoded and encoded again, so only the pixels are kept (no
EXIF with a place or a camera), and named after what it is, whatever the upload's name said."""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
MAX_PIXELS = 40_000_000


def check_image(upload) -> ContentFile:
    limit = settings.SHARING_IMAGE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The image is larger than %(limit)s.") % {"limit": filesizeformat(limit)}
        )
    content = upload.read()
    try:
        with Image.open(io.BytesIO(content)) as probe:
            kind = probe.format
            probe.verify()
        with Image.open(io.BytesIO(content)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            image.load()
            out = io.BytesIO()
            if kind == "JPEG":
                image.convert("RGB").save(out, "JPEG", quality=88)
            elif kind in FORMATS:
                image.save(out, kind)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        kind = None
    if kind not in FORMATS:
        raise ValidationError(
            _("This file is not a PNG, JPEG or WebP image (whatever its name says).")
        )
    return ContentFile(out.getvalue(), name=f"kit-{uuid.uuid4().hex}.{FORMATS[kind]}")
