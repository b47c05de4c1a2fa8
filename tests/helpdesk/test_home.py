"""The panels on "Mijn overzicht" and the navigation."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk import services
from helpdesk.models import Question
from tests.helpdesk.factories import QuestionFactory, ask

pytestmark = pytest.mark.django_db


def test_the_asker_sees_open_questions_and_unread_replies(client, emma, hanna):
    open_question, _token = ask(emma, subject="Mag ik over het zonnepark tweeten?")
    answered, _token = ask(emma, subject="Mag ik ons logo gebruiken?")
    services.question_reply(question=answered, author=hanna, body="Ja, de officiële versie.")
    client.force_login(emma)
    page = client.get(reverse("home")).content.decode()
    assert "Mijn vragen aan HR" in page
    assert "zonnepark" in page and "logo" in page
    assert "1 nieuw antwoord" in page


def test_nothing_is_shown_without_open_questions(client, cas):
    client.force_login(cas)
    assert "Mijn vragen aan HR" not in client.get(reverse("home")).content.decode()


def test_hr_sees_unassigned_overdue_and_own_questions(client, emma, hanna):
    QuestionFactory(asker=emma)
    late = QuestionFactory(asker=emma, assignee=hanna, status="open")
    Question.objects.filter(pk=late.pk).update(
        response_warn_at=timezone.now() - datetime.timedelta(days=2),
        response_due_at=timezone.now() - datetime.timedelta(days=1),
    )
    client.force_login(hanna)
    page = client.get(reverse("home")).content.decode()
    assert "1 vraag zonder behandelaar" in page
    assert "1 over de reactietermijn" in page
    assert "1 aan mij toegewezen" in page


def test_the_navigation_offers_the_helpdesk_and_hr_the_queue(client, emma, hanna, anouk):
    client.force_login(emma)
    page = client.get(reverse("home")).content.decode()
    assert reverse("helpdesk:index") in page and reverse("helpdesk:queue") not in page
    client.force_login(hanna)
    assert reverse("helpdesk:queue") in client.get(reverse("home")).content.decode()
    client.force_login(anouk)
    assert reverse("helpdesk:index") not in client.get(reverse("home")).content.decode()
