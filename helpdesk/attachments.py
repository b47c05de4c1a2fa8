"""Checking uploaded files by their content, and removing author details from them.

Only PDF, PNG, JPEG and Word (DOCX) files up to HELPDESK_ATTACHMENT_MAX_BYTES are accepted. The
name's extension must agree with what the bytes are: a "photo.jpg" that is really a program is
refused with a message that says so. DOCX is a zip file: it counts as one when the archive
holds `[Content_Types].xml` and a `word/` folder.

Files with an anonymous question must not give the asker away. They get a neutral name, and
`strip_metadata` removes who made them and when:

* Word: the document properties (core, app, custom), `word/people.xml` (names, e-mail addresses
  as `w15:userId`), the authors, initials and dates of comments and tracked changes, the rsid
  editing-session ids (they link documents edited on the same machine) and, inside
  `word/media/`, each photo re-encoded without its EXIF.
* Photos and PNGs: decoded and encoded again with Pillow, so only the pixels survive (EXIF,
  XMP, text chunks, camera and place are gone). A file Pillow cannot decode loses its metadata
  segments byte by byte instead.
* PDF: rewritten page by page with pypdf, without the document information (Author, Creator,
  Producer, dates), the XMP metadata and the authors of comments. A PDF that cannot be read
  is refused for an anonymous question: it cannot be made safe.
"""

import io
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

EXTENSIONS = {".pdf": "pdf", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".docx": "docx"}
KIND_NAMES = {"pdf": "PDF", "png": "PNG", "jpeg": "JPEG", "docx": "Word (DOCX)"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# A Word file that unpacks to more than this is refused (a "zip bomb" would fill the disk).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


@dataclass
class CheckedFile:
    name: str
    kind: str
    content: bytes


def detect_kind(content: bytes) -> str | None:
    """What the bytes are, whatever the name says."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if content.startswith(b"PK\x03\x04") and _is_docx(content):
        return "docx"
    return None


def _is_docx(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)


def check_upload(upload) -> CheckedFile:
    """The uploaded file if it is an allowed kind and what its name claims; else a
    ValidationError with a message for the person who chose it."""
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    allowed = ", ".join(sorted(set(KIND_NAMES.values())))
    if extension not in EXTENSIONS:
        raise ValidationError(
            _("“%(name)s” cannot be attached: only %(kinds)s files are allowed.")
            % {"name": name, "kinds": allowed},
            code="kind",
        )
    limit = settings.HELPDESK_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments can be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="size",
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    upload.seek(0)
    content = upload.read()
    kind = detect_kind(content)
    if kind is None or kind != EXTENSIONS[extension]:
        raise ValidationError(
            _(
                "“%(name)s” is not what its name says: its content is not a %(kind)s file. "
                "Only real %(kinds)s files are allowed."
            )
            % {"name": name, "kind": KIND_NAMES[EXTENSIONS[extension]], "kinds": allowed},
            code="content",
        )
    if kind == "docx" and (_unpacked_size(content) > MAX_UNPACKED_BYTES or not _readable(content)):
        raise ValidationError(
            _("“%(name)s” could not be read as a Word file.") % {"name": name}, code="content"
        )
    return CheckedFile(name=_safe_name(name), kind=kind, content=content)


def _readable(content: bytes) -> bool:
    """Every member of the archive unpacks with the right checksum: the metadata cleaning
    (`strip_metadata`) reads them all, and must not fail after the question is saved."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.testzip() is None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return False


def _unpacked_size(content: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _safe_name(name: str) -> str:
    stem, _dot, extension = name.rpartition(".")
    stem = re.sub(r"[^\w\- ]+", "_", stem).strip(" _") or "bijlage"
    return f"{stem[:100]}.{extension.lower()}"


def neutral_name(kind: str, number: int) -> str:
    """The name an anonymous asker's file gets: nothing of the original name survives."""
    extension = {"jpeg": "jpg"}.get(kind, kind)
    return f"bijlage-{number}.{extension}"


def strip_metadata(kind: str, content: bytes) -> bytes:
    """The file without who made it and when (see the module docstring). Raises a
    ValidationError for a PDF that cannot be rewritten."""
    if kind in ("jpeg", "png"):
        return _reencode_image(kind, content)
    if kind == "docx":
        return _strip_docx(content)
    if kind == "pdf":
        return _strip_pdf(content)
    return content


def _reencode_image(kind: str, content: bytes) -> bytes:
    """Only the pixels: Pillow writes a new file without EXIF, XMP, ICC text or comments."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            # The photo as it was shown (EXIF orientation applied), before EXIF goes.
            image = ImageOps.exif_transpose(image)
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
            if image.mode == "P":
                clean.putpalette(image.getpalette())
            output = io.BytesIO()
            if kind == "jpeg":
                if clean.mode not in ("RGB", "L", "CMYK"):
                    clean = clean.convert("RGB")
                clean.save(output, "JPEG", quality=90)
            else:
                clean.save(output, "PNG")
            return output.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError):
        # Not decodable (truncated, exotic): drop the metadata segments byte by byte.
        return _strip_jpeg(content) if kind == "jpeg" else _strip_png(content)


def _strip_pdf(content: bytes) -> bytes:
    """The pages only: no document information, no XMP, no comment authors."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(content))
        if not reader.pages:
            raise ValueError("no pages")
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        for page in writer.pages:
            for key in ("/Metadata", "/PieceInfo"):
                page.pop(NameObject(key), None)
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                for key in ("/T", "/M", "/CreationDate", "/RC"):
                    annotation.pop(NameObject(key), None)
        # pypdf writes its own name as producer unless the information is emptied.
        writer.metadata = None
        output = io.BytesIO()
        writer.write(output)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
        raise ValidationError(
            _(
                "This PDF could not be read, so its author details cannot be removed. Save it "
                "as a PDF again, or attach it to a question with your name."
            ),
            code="content",
        ) from None
    return output.getvalue()


def _strip_jpeg(content: bytes) -> bytes:
    """Drop the APP1–APP15 segments (EXIF, XMP: camera, author, place) and comments."""
    out = bytearray(content[:2])
    position = 2
    while position + 4 <= len(content) and content[position] == 0xFF:
        marker = content[position + 1]
        if marker == 0xDA:  # start of scan: the image data follows, copy the rest
            break
        length = int.from_bytes(content[position + 2 : position + 4], "big")
        segment = content[position : position + 2 + length]
        if not (0xE1 <= marker <= 0xEF or marker == 0xFE):
            out += segment
        position += 2 + length
    out += content[position:]
    return bytes(out)


PNG_TEXT_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def _strip_png(content: bytes) -> bytes:
    out = bytearray(content[:8])
    position = 8
    while position + 8 <= len(content):
        length = int.from_bytes(content[position : position + 4], "big")
        chunk_type = content[position + 4 : position + 8]
        end = position + 12 + length
        if chunk_type not in PNG_TEXT_CHUNKS:
            out += content[position:end]
        position = end
        if chunk_type == b"IEND":
            break
    return bytes(out)


EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
EMPTY_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
)
EMPTY_PEOPLE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>'
)
# Who: blanked (Word requires the attribute on a tracked change, not its value).
AUTHOR_ATTRIBUTES = re.compile(
    rb'\b(w:author|w:initials|w15:author|w15:userId|w15:providerId)="[^"]*"'
)
# When, and which editing session: removed (all optional).
TRACE_ATTRIBUTES = re.compile(rb'\s(?:w:date|w16cex:dateUtc|w:rsid\w*)="[^"]*"')
RSID_LIST = re.compile(rb"<w:rsids>.*?</w:rsids>|<w:rsids/>", re.DOTALL)
APP_PERSONAL = re.compile(rb"<(Company|Manager|HyperlinkBase)>[^<]*</\1>")
MEDIA_KINDS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}


def _strip_docx(content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    target = io.BytesIO()
    with source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            name = info.filename
            data = source.read(name)
            extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
            if name == "docProps/core.xml":
                data = EMPTY_CORE
            elif name == "docProps/custom.xml":
                data = EMPTY_CUSTOM
            elif name == "docProps/app.xml":
                data = APP_PERSONAL.sub(b"", data)
            elif name == "word/people.xml":
                data = EMPTY_PEOPLE
            elif name.startswith("word/media/") and extension in MEDIA_KINDS:
                data = _reencode_image(MEDIA_KINDS[extension], data)
            elif name.endswith((".xml", ".rels")):
                data = AUTHOR_ATTRIBUTES.sub(rb'\1=""', data)
                data = TRACE_ATTRIBUTES.sub(b"", data)
                data = RSID_LIST.sub(b"", data)
            archive.writestr(info, data)
    return target.getvalue()
