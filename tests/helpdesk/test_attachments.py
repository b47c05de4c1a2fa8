"""Attachments: checked by content, kept private, served only to who may see the question."""

import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from helpdesk.models import Attachment, Question
from tests.helpdesk.factories import JPEG, PDF, PNG, ask, checked, docx_bytes, upload

pytestmark = pytest.mark.django_db


def ask_with(client, category, file):
    return client.post(
        reverse("helpdesk:question-create"),
        {"subject": "Mag ik deze foto delen?", "body": "Zie bijlage.", "category": category.pk,
         "submission_key": str(uuid.uuid4()), "attachment": file},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("a.pdf", PDF, "pdf"), ("b.PNG", PNG, "png"), ("c.jpeg", JPEG, "jpeg"),
     ("d.jpg", JPEG, "jpeg"), ("e.docx", docx_bytes(), "docx")],
)  # fmt: skip
def test_it_accepts_real_pdf_png_jpeg_and_docx_files(client, emma, category, name, content, kind):
    client.force_login(emma)
    assert ask_with(client, category, upload(name, content)).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.kind == kind and attachment.size == len(content)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", b"MZ\x90\x00 a program", "is niet wat de naam zegt"),
        ("foto.jpg", PNG, "is niet wat de naam zegt"),
        ("brief.docx", b"PK\x03\x04 not really a zip", "is niet wat de naam zegt"),
        ("tabel.xlsx", b"PK\x03\x04", "alleen"),
        ("script.exe", b"MZ", "alleen"),
        ("geen-extensie", PDF, "alleen"),
        ("leeg.pdf", b"", "is leeg"),
    ],
)
def test_it_refuses_a_file_that_is_not_what_its_name_claims(
    client, emma, category, name, content, message
):
    client.force_login(emma)
    response = ask_with(client, category, upload(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists() and not Attachment.objects.exists()


def test_a_zip_without_word_content_is_not_a_docx(client, emma, category):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    client.force_login(emma)
    response = ask_with(client, category, upload("sheet.docx", buffer.getvalue()))
    assert "is niet wat de naam zegt" in response.content.decode()


@override_settings(HELPDESK_ATTACHMENT_MAX_BYTES=100)
def test_it_refuses_a_file_over_the_limit(client, emma, category):
    client.force_login(emma)
    response = ask_with(client, category, upload("groot.pdf", PDF + b"x" * 200))
    assert "een bijlage mag hooguit 100" in response.content.decode()
    assert not Question.objects.exists()


def test_the_default_limit_is_ten_megabytes():
    assert settings.HELPDESK_ATTACHMENT_MAX_BYTES == 10 * 1024 * 1024


def test_files_are_stored_outside_the_public_media_folder(emma, private_attachments):
    question, _token = ask(emma, upload=checked("concept.pdf", PDF))
    path = Path(question.attachments.get().file.path)
    assert path.is_relative_to(private_attachments)
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "concept" not in path.name  # stored under a random name
    with pytest.raises(ValueError):
        question.attachments.get().file.url  # noqa: B018


def test_the_download_is_checked_and_never_rendered_inline(client, emma, cas, hanna):
    question, _token = ask(emma, upload=checked("concept.pdf", PDF))
    url = question.attachments.get().get_absolute_url()
    client.force_login(emma)
    response = client.get(url)
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="concept.pdf"')
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(cas)
    assert client.get(url).status_code == 404


def test_deleting_a_question_deletes_its_files(emma, django_capture_on_commit_callbacks):
    question, _token = ask(emma, upload=checked("concept.pdf", PDF))
    path = Path(question.attachments.get().file.path)
    with django_capture_on_commit_callbacks(execute=True):
        question.delete()
    assert not path.exists()


def test_a_reply_can_carry_a_file(client, emma, hanna):
    question, _token = ask(emma)
    client.force_login(hanna)
    client.post(
        reverse("helpdesk:question-reply", args=[question.reference]),
        {"body": "Zie de richtlijn.", "status": "answered", "submission_key": str(uuid.uuid4()),
         "attachment": upload("richtlijn.pdf", PDF)},
    )  # fmt: skip
    attachment = Attachment.objects.get()
    assert attachment.message.question == question
    client.force_login(emma)
    assert "richtlijn.pdf" in client.get(question.get_absolute_url()).content.decode()
    assert client.get(attachment.get_absolute_url()).status_code == 200
