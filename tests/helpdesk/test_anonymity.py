"""An anonymous question stays anonymous to HR, and still reaches its asker."""

import io
import uuid
import zipfile

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from helpdesk import services
from helpdesk.anonymity import hash_token, mailboxes_of
from helpdesk.models import Question
from hrsocial.models import AuditEntry
from notifications.models import Notification
from tests.helpdesk.factories import (
    JPEG,
    PNG,
    SavedReplyFactory,
    ask,
    checked,
    docx_bytes,
    send_held_notices,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous(emma, hanna, category):
    """Emma's anonymous question, with its private-link token."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        question, token = ask(
            emma,
            category=category,
            anonymous=True,
            subject="Collega deelt klantfoto op Instagram",
            upload=checked("verslag_emma_jansen.docx", docx_bytes()),
        )
        send_held_notices()
    return question, token


def test_it_stores_no_reference_to_the_asker(anonymous, emma):
    question, token = anonymous
    question.refresh_from_db()
    assert question.asker is None and question.is_anonymous
    assert mailboxes_of(emma) == [question.asker_mailbox]
    assert question.access_token_hash == hash_token(token)
    assert token not in str(Question.objects.filter(pk=question.pk).values().get())


def test_hr_pages_emails_admin_and_audit_never_name_the_asker(client, anonymous, emma, hanna):
    question, _token = anonymous
    services.question_assign(question=question, assignee=hanna, assigned_by=hanna)
    services.question_reply(question=question, author=hanna, body="Goed dat je het meldt.")
    client.force_login(hanna)
    pages = [
        client.get(reverse("helpdesk:queue")),
        client.get(reverse("helpdesk:queue"), {"anonymous": "yes", "status": ""}),
        client.get(question.get_manage_url()),
        client.get(reverse("admin:helpdesk_question_changelist")),
        client.get(reverse("admin:helpdesk_question_change", args=[question.pk])),
        client.post(reverse("helpdesk:queue-export"), {"status": ""}),
    ]
    for response in pages:
        assert response.status_code == 200
        text = b"".join(response.streaming_content) if response.streaming else response.content
        text = text.decode()
        assert "Emma" not in text and "emma@example.com" not in text
    assert "Anoniem" in pages[0].content.decode()
    hr_mail = [m for m in mail.outbox if "hanna@example.com" in m.to]
    assert hr_mail and all("Emma" not in m.body for m in hr_mail)
    for entry in AuditEntry.objects.all():
        assert entry.actor != emma
        assert "Emma" not in entry.target_repr + str(entry.detail)


def test_the_asker_follows_it_through_the_private_link(client, emma, category):
    client.force_login(emma)
    response = client.post(
        reverse("helpdesk:question-create"),
        {"subject": "Een anonieme vraag", "body": "Wie mag ons X-account beheren?",
         "category": category.pk, "anonymous": "on", "submission_key": str(uuid.uuid4())},
        follow=True,
    )  # fmt: skip
    question = Question.objects.get()
    asked_page = response.redirect_chain[-1][0]
    token = asked_page.split("/")[-3]
    link = reverse("helpdesk:question-private", args=[token])
    assert link in response.content.decode()
    assert question.access_token_hash == hash_token(token)
    page = client.get(link)
    assert page.status_code == 200 and "Een anonieme vraag" in page.content.decode()
    assert client.get(reverse("helpdesk:question-private", args=["raden" * 9])).status_code == 404


def test_the_asker_finds_it_under_my_questions(client, anonymous, emma, cas):
    question, _token = anonymous
    client.force_login(emma)
    assert question.subject in client.get(reverse("helpdesk:index")).content.decode()
    assert client.get(question.get_absolute_url()).status_code == 200
    client.force_login(cas)
    assert question.subject not in client.get(reverse("helpdesk:index")).content.decode()
    assert client.get(question.get_absolute_url()).status_code == 404


def test_news_reaches_the_asker_in_a_batch_that_does_not_identify_the_question(
    anonymous, emma, hanna
):
    question, _token = anonymous
    services.question_reply(question=question, author=hanna, body="Dank je, we pakken het op.")
    assert not Notification.objects.filter(recipient=emma).exists()
    question.refresh_from_db()
    assert question.anonymous_news_pending

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.anonymous_askers_notify() == 1
    notification = Notification.objects.get(recipient=emma)
    assert notification.category == "helpdesk.anonymous"
    assert notification.url == reverse("helpdesk:index")
    assert question.subject not in notification.title + notification.body
    assert str(question.pk) not in notification.url
    question.refresh_from_db()
    assert not question.anonymous_news_pending
    assert services.anonymous_askers_notify() == 0


def test_the_asker_can_reply_and_rate_anonymously_with_the_link(client, anonymous, emma, hanna):
    question, token = anonymous
    services.question_reply(question=question, author=hanna, body="Wat zag je precies?")
    client.force_login(emma)
    client.post(
        reverse("helpdesk:question-follow-up", args=[question.reference]),
        {"body": "Foto's met huisnummers.", "token": token, "submission_key": str(uuid.uuid4())},
    )
    follow_up = question.messages.get(kind="asker")
    assert follow_up.author is None
    services.question_set_status(question=question, status="answered", changed_by=hanna)
    response = client.post(
        reverse("helpdesk:question-rate", args=[question.reference]), {"score": "4", "token": token}
    )
    assert response["Location"] == reverse("helpdesk:question-private", args=[token])
    assert question.rating.score == 4


def test_saved_replies_greet_an_anonymous_asker_as_colleague(anonymous, hanna):
    question, _token = anonymous
    saved = SavedReplyFactory(body="Hoi {first_name}, dank je!")
    text = services.reply_text_fill(text=saved.body, question=question)
    assert text == "Hoi collega, dank je!"


def test_files_lose_their_name_and_author_details(anonymous):
    question, _token = anonymous
    attachment = question.attachments.get()
    assert attachment.name == "bijlage-1.docx"
    with attachment.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as docx:
        assert b"Emma" not in docx.read("docProps/core.xml")
        assert b"Emma" not in docx.read("word/document.xml")


@pytest.mark.parametrize(("name", "content"), [("foto.jpg", JPEG), ("scherm.png", PNG)])
def test_photos_lose_their_metadata(emma, category, name, content):
    question, _token = ask(emma, category=category, anonymous=True, upload=checked(name, content))
    with question.attachments.get().file.open("rb") as handle:
        stored = handle.read()
    assert b"Emma" not in stored and stored[:3] == content[:3]


def test_named_files_keep_their_name(emma, category):
    question, _token = ask(emma, category=category, upload=checked("verslag.docx", docx_bytes()))
    assert question.attachments.get().name == "verslag.docx"


def test_hr_staff_never_see_their_own_anonymous_question(client, hanna, fleur, category):
    question, _token = ask(fleur, category=category, anonymous=True, subject="Mijn eigen zorg")
    client.force_login(fleur)
    assert "Mijn eigen zorg" not in client.get(reverse("helpdesk:queue")).content.decode()
    assert client.get(question.get_manage_url()).status_code == 404
    client.force_login(hanna)
    assert "Mijn eigen zorg" in client.get(reverse("helpdesk:queue")).content.decode()


def test_the_outbox_in_the_admin_does_not_show_who_has_anonymous_news(client, anonymous, hanna):
    question, _token = anonymous
    services.question_reply(question=question, author=hanna, body="Dank je, we pakken het op.")
    services.anonymous_askers_notify()
    assert Notification.objects.filter(category="helpdesk.anonymous").exists()
    client.force_login(hanna)
    page = client.get(reverse("admin:notifications_notification_changelist")).content.decode()
    assert "Emma" not in page and "nieuws voor je in de vraagbaak" not in page
