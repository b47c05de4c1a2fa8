"""Checking a CV by its content: PDF or Word (DOCX), at most CV_MAX_BYTES.

The name's extension must agree with the bytes: a PDF starts with `%PDF-`, a DOCX is a zip
archive holding `word/document.xml`. An executable renamed to "cv.pdf" is refused. Nothing is
written to disk before the check has passed (the form holds the upload in memory or Django's
temporary file, which Django removes itself).
"""

import re
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

CV_MAX_BYTES = 5 * 1024 * 1024
EXTENSIONS = {".pdf": "pdf", ".docx": "docx"}


def detect_kind(head: bytes, content_file) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            content_file.seek(0)
            with zipfile.ZipFile(content_file) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except (zipfile.BadZipFile, ValueError, OSError):
            return None
    return None


def check_cv(upload) -> str:
    """A safe file name for the upload, or a ValidationError in the candidate's language."""
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if extension not in EXTENSIONS:
        raise ValidationError(_("Your CV must be a PDF or Word (DOCX) file."), code="kind")
    if upload.size > CV_MAX_BYTES:
        raise ValidationError(
            _("Your CV is %(size)s; it can be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(CV_MAX_BYTES)},
            code="size",
        )
    if upload.size == 0:
        raise ValidationError(_("Your CV is empty."), code="empty")
    upload.seek(0)
    head = upload.read(8)
    kind = detect_kind(head, upload)
    upload.seek(0)
    if kind != EXTENSIONS[extension]:
        raise ValidationError(
            _("This file is not a real %(kind)s file. Please upload your CV as PDF or DOCX.")
            % {"kind": "PDF" if extension == ".pdf" else "Word (DOCX)"},
            code="content",
        )
    stem = re.sub(r"[^\w.-]+", "-", name.rsplit(".", 1)[0]).strip("-.")[:60] or "cv"
    return f"{stem}{extension}"
