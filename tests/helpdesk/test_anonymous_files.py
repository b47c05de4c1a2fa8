"""Files with an anonymous question reach HR without who made them or when (issue 11, item 2)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from pypdf import PdfReader, PdfWriter

from helpdesk.attachments import strip_metadata
from tests.helpdesk.factories import ask, checked

pytestmark = pytest.mark.django_db

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def photo_with_exif(kind="JPEG") -> bytes:
    image = Image.new("RGB", (8, 8), (200, 30, 30))
    exif = Image.Exif()
    exif[0x013B] = "Emma Jansen"  # Artist
    exif[0x010F] = "EmmasPhone"  # Make
    output = io.BytesIO()
    image.save(output, kind, exif=exif.tobytes())
    return output.getvalue()


def word_file() -> bytes:
    """A Word file as Word writes one for Emma: properties, people, comments, tracked changes,
    editing sessions and a photo with EXIF."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "docProps/core.xml",
            "<cp:coreProperties><dc:creator>Emma Jansen</dc:creator>"
            "<cp:lastModifiedBy>emma@example.com</cp:lastModifiedBy></cp:coreProperties>",
        )
        archive.writestr(
            "docProps/app.xml", "<Properties><Company>Emma Jansen BV</Company></Properties>"
        )
        archive.writestr(
            "docProps/custom.xml",
            '<Properties><property name="Eigenaar"><vt:lpwstr>Emma Jansen</vt:lpwstr>'
            "</property></Properties>",
        )
        archive.writestr(
            "word/people.xml",
            '<w15:people><w15:person w15:author="Emma Jansen"><w15:presenceInfo '
            'w15:providerId="AD" w15:userId="emma@example.com"/></w15:person></w15:people>',
        )
        archive.writestr(
            "word/document.xml",
            f'<w:document {W}><w:body><w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">'
            '<w:ins w:id="1" w:author="Emma Jansen" w:date="2026-12-01T21:09:00Z"><w:r>'
            '<w:t>Tekst</w:t></w:r></w:ins><w:del w:id="2" w:author="Emma Jansen" '
            'w:date="2026-12-01T21:10:00Z"><w:r><w:delText>weg</w:delText></w:r></w:del>'
            "</w:p></w:body></w:document>",
        )
        archive.writestr(
            "word/comments.xml",
            f'<w:comments {W}><w:comment w:id="0" w:author="Emma Jansen" w:initials="EJ" '
            'w:date="2026-12-01T21:09:00Z"><w:p><w:r><w:t>Klopt dit?</w:t></w:r></w:p>'
            "</w:comment></w:comments>",
        )
        archive.writestr(
            "word/settings.xml",
            f'<w:settings {W}><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/>'
            "</w:rsids></w:settings>",
        )
        archive.writestr("word/media/image1.jpeg", photo_with_exif())
    return buffer.getvalue()


def pdf_with_author() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Emma Jansen", "/Creator": "Word voor Emma Jansen",
                         "/Producer": "EmmasPC"})  # fmt: skip
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def stored(question) -> bytes:
    with question.attachments.get().file.open("rb") as handle:
        return handle.read()


def test_it_removes_every_trace_of_the_author_from_a_word_file(emma, category):
    question, _token = ask(
        emma, category=category, anonymous=True, upload=checked("notitie.docx", word_file())
    )
    with zipfile.ZipFile(io.BytesIO(stored(question))) as docx:
        for name in docx.namelist():
            data = docx.read(name)
            assert b"Emma" not in data and b"emma@example.com" not in data, name
            assert b"EJ" not in data and b"00A1B2C3" not in data, name
            assert b"2026-12-01" not in data, name
        photo = Image.open(io.BytesIO(docx.read("word/media/image1.jpeg")))
        assert not photo.getexif() and photo.size == (8, 8)
        assert b"Tekst" in docx.read("word/document.xml")


def test_it_removes_the_author_and_xmp_from_a_pdf(emma, category):
    question, _token = ask(
        emma, category=category, anonymous=True, upload=checked("brief.pdf", pdf_with_author())
    )
    content = stored(question)
    assert b"Emma" not in content and b"EmmasPC" not in content
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    assert not (reader.metadata or {}).get("/Author")
    assert "/Metadata" not in reader.trailer["/Root"]


@pytest.mark.parametrize(("name", "kind"), [("foto.jpg", "JPEG"), ("scherm.png", "PNG")])
def test_it_re_encodes_photos_without_exif(emma, category, name, kind):
    question, _token = ask(
        emma, category=category, anonymous=True, upload=checked(name, photo_with_exif(kind))
    )
    content = stored(question)
    assert b"Emma" not in content and b"EmmasPhone" not in content
    assert not Image.open(io.BytesIO(content)).getexif()


def test_a_pdf_that_cannot_be_cleaned_is_refused_with_a_message(in_english):
    with pytest.raises(ValidationError, match="author details cannot be removed"):
        strip_metadata("pdf", b"%PDF-1.4\nniet echt een pdf")


def test_named_questions_keep_their_files_as_they_are(emma, category):
    content = pdf_with_author()
    question, _token = ask(emma, category=category, upload=checked("brief.pdf", content))
    assert stored(question) == content
