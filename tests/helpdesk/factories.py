"""Factories for the helpdesk. `ask()` asks through the service, as the ask form does."""

import datetime
import io
import struct
import zipfile
import zlib

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from helpdesk import services
from helpdesk.attachments import check_upload
from helpdesk.models import Category, FaqEntry, Message, Question, SavedReply
from tests.factories import UserFactory, make_hr


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Vraagsoort {n}")
    name_en = factory.Sequence(lambda n: f"Kind of question {n}")
    response_hours = 16


class QuestionFactory(factory.django.DjangoModelFactory):
    """A named question made directly (no routing, no notifications): for lists and access."""

    class Meta:
        model = Question

    subject = factory.Sequence(lambda n: f"Mag ik tweeten over project {n}?")
    body = "Ik werk aan een mooi project en wil er graag over vertellen."
    category = factory.SubFactory(CategoryFactory)
    asker = factory.SubFactory(UserFactory)
    created_at = factory.LazyFunction(timezone.now)
    response_warn_at = factory.LazyAttribute(lambda q: q.created_at + datetime.timedelta(days=1))
    response_due_at = factory.LazyAttribute(lambda q: q.created_at + datetime.timedelta(days=2))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    question = factory.SubFactory(QuestionFactory)
    kind = Message.Kind.REPLY
    body = "Dat mag, zolang je geen klantnamen noemt."


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Mag ik over klant {n} twitteren?")
    answer = "Alleen met toestemming van de klant."


class SavedReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedReply

    title = factory.Sequence(lambda n: f"Standaardantwoord {n}")
    body = "Hoi {first_name},\n\nDank voor je vraag! We komen erop terug.\n\nGroet,\nHR"


def hr_colleague(**fields):
    """Another HR staff member (not a lead)."""
    return make_hr(UserFactory(**fields))


def ask(asker, *, category=None, anonymous=False, confidential=False, upload=None, **fields):
    """Ask through the service; returns (question, token)."""
    question, token, _created = services.question_ask(
        asker=asker,
        subject=fields.pop("subject", "Mag ik over mijn nieuwe project tweeten?"),
        body=fields.pop("body", "Ik wil graag vertellen over het zonnepark waar ik aan werk."),
        category=category or CategoryFactory(),
        anonymous=anonymous,
        confidential=confidential,
        upload=upload,
        **fields,
    )
    return question, token


# Files that are what they say (the smallest of each kind), with author details to remove.
def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG = (
    b"\x89PNG\r\n\x1a\n"
    + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
    + _png_chunk(b"tEXt", b"Author\x00Emma Jansen")
    + _png_chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00"))
    + _png_chunk(b"IEND", b"")
)
JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xe1\x00\x16Exif\x00\x00Emma Jansen\x00\x00\x00"
    b"\xff\xda\x00\x08\x01\x01\x00\x00?\x00\xd2\xcf \xff\xd9"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes(author="Emma Jansen") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "docProps/core.xml",
            f"<cp:coreProperties><dc:creator>{author}</dc:creator></cp:coreProperties>",
        )
        archive.writestr(
            "word/document.xml",
            f'<w:document><w:ins w:author="{author}">Tekst</w:ins></w:document>',
        )
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def checked(name: str, content: bytes):
    return check_upload(upload(name, content))


def send_held_notices():
    """Send HR's held notices about anonymous askers as the next quarter hour's batch would."""
    import datetime

    return services.held_notices_send(now=timezone.now() + datetime.timedelta(minutes=16))
