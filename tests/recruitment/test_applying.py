from pathlib import Path

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from recruitment.models import Application, CandidateMessage, Vacancy
from recruitment.services.mail import message_send
from tests.recruitment.factories import EXE, VacancyFactory, apply_data, docx_bytes, upload

pytestmark = pytest.mark.django_db


def files_in(root) -> list:
    return [p for p in Path(root).rglob("*") if p.is_file()] if Path(root).exists() else []


def post(client, vacancy, **overrides):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("recruitment-public:apply", args=[vacancy.slug]), apply_data(**overrides)
        )


def test_a_visitor_applies_with_a_pdf_and_gets_a_confirmation_with_the_status_link(
    client, _cv_root
):
    vacancy = VacancyFactory()
    response = post(client, vacancy)
    assert response.status_code == 200
    application = Application.objects.get()
    assert application.name == "Sanne Visser" and application.language == "nl"
    assert application.channel == Application.Channel.DIRECT
    assert len(files_in(_cv_root)) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sanne@example.org"]
    assert application.get_status_url() in mail.outbox[0].body
    assert "sollicitatie" in mail.outbox[0].subject.lower()


def test_the_confirmation_is_in_the_language_the_candidate_applied_in(client, in_english):
    vacancy = VacancyFactory()
    client.cookies["django_language"] = "en"
    post(client, vacancy)
    assert Application.objects.get().language == "en"
    assert "Your application" in mail.outbox[0].subject


def test_a_word_file_is_accepted(client):
    vacancy = VacancyFactory()
    post(client, vacancy, cv=upload("cv.docx", docx_bytes()))
    assert Application.objects.get().cv_name == "cv.docx"


@pytest.mark.parametrize(
    "name,content",
    [("cv.pdf", EXE), ("cv.docx", b"PK\x03\x04notazip"), ("cv.exe", EXE), ("cv.docx", b"%PDF-1.4")],
)
def test_a_file_that_is_not_a_real_pdf_or_docx_is_refused_and_leaves_nothing(
    client, _cv_root, name, content
):
    vacancy = VacancyFactory()
    response = post(client, vacancy, cv=upload(name, content))
    assert response.status_code == 200
    assert "pdf" in response.context["form"].errors["cv"][0].lower()
    assert not Application.objects.exists()
    assert files_in(_cv_root) == []
    assert mail.outbox == []


def test_a_cv_over_5_mb_is_refused(client, _cv_root):
    vacancy = VacancyFactory()
    response = post(client, vacancy, cv=upload("cv.pdf", b"%PDF-1.4" + b"0" * (6 * 1024 * 1024)))
    assert "5,0" in response.content.decode() or "5.0" in response.content.decode()
    assert not Application.objects.exists()
    assert files_in(_cv_root) == []


def test_an_invalid_email_address_is_refused_with_a_message(client):
    vacancy = VacancyFactory()
    response = post(client, vacancy, email="niet-een-adres")
    assert "e-mailadres" in response.content.decode().lower()
    assert not Application.objects.exists()


def test_a_closed_vacancy_takes_no_applications(client):
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    response = post(client, vacancy)
    assert response.status_code == 302
    assert not Application.objects.exists()


def test_the_same_application_twice_within_a_minute_is_one(client):
    vacancy = VacancyFactory()
    post(client, vacancy)
    post(client, vacancy, email="SANNE@example.org")
    assert Application.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_honeypot_stores_nothing(client):
    vacancy = VacancyFactory()
    response = post(client, vacancy, website="http://spam.example")
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_too_many_applications_from_one_address_are_refused(client):
    vacancy = VacancyFactory()
    for n in range(10):
        post(client, vacancy, email=f"p{n}@example.org", cv=upload())
    response = post(client, vacancy, email="p11@example.org")
    assert Application.objects.count() == 10
    assert "Te veel" in response.content.decode() or "Too many" in response.content.decode()


def test_a_message_is_sent_only_once_even_when_the_task_runs_again(client):
    vacancy = VacancyFactory()
    post(client, vacancy)
    message = CandidateMessage.objects.get()
    assert message.sent_at is not None
    assert message_send(message_id=message.pk) is False
    assert len(mail.outbox) == 1


def test_the_status_page_opens_by_its_private_link_only(client):
    vacancy = VacancyFactory()
    post(client, vacancy)
    application = Application.objects.get()
    assert client.get(application.get_status_url()).status_code == 200
    assert client.get(reverse("recruitment-public:status", args=["raden"])).status_code == 404


def test_withdrawing_deletes_the_data_and_the_cv_at_once(
    client, _cv_root, django_capture_on_commit_callbacks
):
    vacancy = VacancyFactory()
    post(client, vacancy)
    application = Application.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("recruitment-public:withdraw", args=[application.token]))
    application.refresh_from_db()
    assert application.stage == Application.Stage.WITHDRAWN
    assert application.is_shredded
    assert application.name == application.email == application.motivation == ""
    assert not application.cv
    assert files_in(_cv_root) == []
    assert CandidateMessage.objects.get().to == ""
