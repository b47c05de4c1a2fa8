"""HR's daily helpdesk work: a reply sets the status in the same action, whoever replies or
presses "assign to me" handles the question, saved replies bring their status, and the asker's
page marks replies read by a POST, not by a GET."""

import uuid

import pytest
from django.test import TestCase
from django.urls import reverse

from helpdesk import services
from helpdesk.models import Question
from helpdesk.models.questions import Status
from hrsocial.models import AuditEntry
from notifications.models import Notification
from tests.helpdesk.factories import SavedReplyFactory, ask, hr_colleague

pytestmark = pytest.mark.django_db


def unassigned(question):
    """The question as the queue shows it before triage (routing may have assigned it)."""
    Question.objects.filter(pk=question.pk).update(assignee=None, status=Status.NEW)
    question.refresh_from_db()
    return question


def reply(client, question, status, body="Dank je, we kijken ernaar."):
    return client.post(
        reverse("helpdesk:question-reply", args=[question.reference]),
        {"body": body, "status": status, "submission_key": str(uuid.uuid4())},
        follow=True,
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [(Status.NEW, Status.OPEN), (Status.WAITING, Status.WAITING), (Status.OPEN, Status.OPEN)],
)
def test_a_reply_can_keep_the_status(client, emma, hanna, before, after):
    question = unassigned(ask(emma)[0])
    Question.objects.filter(pk=question.pk).update(status=before)
    client.force_login(hanna)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = reply(client, question, "keep")
    assert "Je antwoord is naar de vraagsteller gestuurd." in response.content.decode()
    question.refresh_from_db()
    assert question.status == after and question.first_responded_at is not None
    assert "HR heeft gereageerd" in Notification.objects.get(recipient=emma).title


def test_a_reply_with_an_unknown_status_is_refused_and_nothing_is_sent(client, emma, hanna):
    question, _token = ask(emma)
    client.force_login(hanna)
    response = reply(client, question, "closed")
    assert response.status_code == 400
    assert "Kies wat het antwoord met de status doet." in response.content.decode()
    assert not question.messages.exists()


def test_replying_to_an_unassigned_question_assigns_it_to_the_replier_audited(client, emma, hanna):
    question = unassigned(ask(emma)[0])
    client.force_login(hanna)
    reply(client, question, "answered")
    question.refresh_from_db()
    assert question.assignee == hanna
    entry = AuditEntry.objects.get(action="helpdesk.assign")
    assert entry.actor == hanna and entry.detail["assignee"] == hanna.pk


def test_replying_to_an_assigned_question_leaves_the_assignee(client, emma, hanna):
    fleur = hr_colleague(full_name="Fleur Dekker")
    question, _token = ask(emma)
    services.question_assign(question=question, assignee=fleur, assigned_by=hanna)
    client.force_login(hanna)
    reply(client, question, "waiting")
    question.refresh_from_db()
    assert question.assignee == fleur and question.status == Status.WAITING


def test_assign_to_me_on_the_question_page(client, emma, fleur):
    question = unassigned(ask(emma)[0])
    client.force_login(fleur)
    page = client.get(question.get_manage_url()).content.decode()
    assert "Aan mij toewijzen" in page
    client.post(
        reverse("helpdesk:question-assign", args=[question.reference]), {"assignee": fleur.pk}
    )
    question.refresh_from_db()
    assert question.assignee == fleur and question.status == Status.OPEN
    assert "Aan mij toewijzen" not in client.get(question.get_manage_url()).content.decode()


def test_assign_to_me_from_the_queue(client, emma, fleur):
    question = unassigned(ask(emma)[0])
    client.force_login(fleur)
    queue = client.get(reverse("helpdesk:queue")).content.decode()
    assert f'name="mine" value="{question.reference}"' in queue
    response = client.post(
        reverse("helpdesk:queue-assign"),
        {"mine": question.reference, "assignee": "none", "next": "status=new"},
    )
    assert response["Location"] == reverse("helpdesk:queue") + "?status=new"
    question.refresh_from_db()
    assert question.assignee == fleur
    assert AuditEntry.objects.filter(action="helpdesk.assign", actor=fleur).exists()
    # Taken questions show their handler instead of the button.
    queue = client.get(reverse("helpdesk:queue")).content.decode()
    assert f'value="{question.reference}"' in queue and 'name="mine"' not in queue


def test_assign_to_me_from_the_queue_refuses_a_question_outside_my_queue(
    client, emma, fleur, hanna
):
    question, _token = ask(emma, confidential=True)
    Question.objects.filter(pk=question.pk).update(assignee=hanna)  # fleur may not see it
    client.force_login(fleur)
    response = client.post(
        reverse("helpdesk:queue-assign"), {"mine": question.reference}, follow=True
    )
    assert "Deze vraag staat niet in jouw wachtrij." in response.content.decode()
    question.refresh_from_db()
    assert question.assignee == hanna


def test_a_saved_reply_preselects_its_status(client, emma, hanna):
    question = unassigned(ask(emma)[0])
    saved = SavedReplyFactory(body="Hoi {first_name}, om welk kanaal gaat het?", status="waiting")
    client.force_login(hanna)
    partial = client.get(
        reverse("helpdesk:saved-reply", args=[question.reference]),
        {"reply": saved.pk},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "Hoi Emma, om welk kanaal" in partial
    assert 'data-hx-swap-oob="true"' in partial
    assert 'value="waiting" id="reply-status-waiting" checked' in partial
    # Without JavaScript the page itself starts with both.
    page = client.get(question.get_manage_url(), {"reply": saved.pk}).content.decode()
    assert 'value="waiting" id="reply-status-waiting" checked' in page
    assert 'value="answered" id="reply-status-answered" checked' not in page


def test_the_reply_form_offers_answered_waiting_and_keep(client, emma, hanna):
    question = unassigned(ask(emma)[0])
    client.force_login(hanna)
    page = client.get(question.get_manage_url()).content.decode()
    assert "Beantwoord" in page and "Wacht op vraagsteller" in page
    assert "Status houden (nieuw)" in page


def test_opening_the_askers_page_marks_nothing_read(client, emma, hanna):
    """A GET has no side effect: a link or prefetch cannot mark a reply read."""
    question, _token = ask(emma)
    services.question_reply(question=question, author=hanna, body="Dat mag.")
    client.force_login(emma)
    page = client.get(question.get_absolute_url()).content.decode()
    question.refresh_from_db()
    assert question.has_unread_reply
    seen_url = reverse("helpdesk:question-seen", args=[question.reference])
    assert f'data-hx-post="{seen_url}"' in page
    assert client.get(seen_url).status_code == 405


def test_the_page_posts_that_the_reply_was_seen(client, emma, hanna):
    question, _token = ask(emma)
    services.question_reply(question=question, author=hanna, body="Dat mag.")
    client.force_login(emma)
    seen_url = reverse("helpdesk:question-seen", args=[question.reference])
    response = client.post(seen_url, headers={"HX-Request": "true"})
    assert response.status_code == 204
    question.refresh_from_db()
    assert not question.has_unread_reply
    assert "data-hx-trigger" not in client.get(question.get_absolute_url()).content.decode()


def test_only_the_asker_can_mark_their_replies_seen(client, emma, cas, hanna):
    question, _token = ask(emma)
    services.question_reply(question=question, author=hanna, body="Dat mag.")
    client.force_login(cas)
    response = client.post(reverse("helpdesk:question-seen", args=[question.reference]))
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.has_unread_reply


def test_an_anonymous_asker_marks_seen_through_the_private_link_without_a_new_time(
    client, emma, hanna, category
):
    question, token = ask(emma, anonymous=True, category=category)
    services.question_reply(question=question, author=hanna, body="Dat mag.")
    question.refresh_from_db()
    client.force_login(emma)
    page = client.get(reverse("helpdesk:question-private", args=[token])).content.decode()
    assert f'name="token" value="{token}"' in page
    response = client.post(
        reverse("helpdesk:question-seen", args=[question.reference]), {"token": token}
    )
    assert response["Location"] == reverse("helpdesk:question-private", args=[token])
    seen = Question.objects.get(pk=question.pk).asker_seen_at
    assert seen == question.last_reply_at  # the reply seen, not the moment (anonymity)
