"""HR answers: the queue, replies, notes, saved replies, assignment, status, export."""

import datetime
import uuid

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from helpdesk import services
from helpdesk.models import Message, Question
from helpdesk.models.questions import Status
from hrsocial.models import AuditEntry
from notifications.models import Notification
from tests.helpdesk.factories import (
    CategoryFactory,
    QuestionFactory,
    SavedReplyFactory,
    ask,
    hr_colleague,
)

pytestmark = pytest.mark.django_db


def reply(client, question, body="Dat mag, zonder klantnamen.", **extra):
    return client.post(
        reverse("helpdesk:question-reply", args=[question.reference]),
        {"body": body, "status": "answered", "submission_key": str(uuid.uuid4()), **extra},
    )


def test_a_reply_answers_the_question_and_emails_the_asker(client, emma, hanna, category):
    question, _token = ask(emma, category=category)
    client.force_login(hanna)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = reply(client, question)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.first_responded_at is not None and question.assignee == hanna
    notification = Notification.objects.get(recipient=emma, category="helpdesk.answer")
    assert notification.url == question.get_absolute_url()
    assert any("emma@example.com" in m.to and "beantwoord" in m.subject for m in mail.outbox)


def test_the_asker_sees_an_unread_reply_until_they_open_it(client, emma, hanna):
    question, _token = ask(emma)
    services.question_reply(question=question, author=hanna, body="Dat mag.")
    client.force_login(emma)
    assert "nieuw antwoord" in client.get(reverse("home")).content.decode()
    client.get(question.get_absolute_url())
    client.post(reverse("helpdesk:question-seen", args=[question.reference]))  # the page does
    question.refresh_from_db()
    assert not question.has_unread_reply


def test_a_reply_to_a_closed_question_is_refused_and_nothing_is_saved(client, emma, hanna):
    question, _token = ask(emma)
    services.question_set_status(question=question, status=Status.CLOSED, changed_by=hanna)
    client.force_login(hanna)
    response = reply(client, question)
    assert response.status_code == 400
    assert "Deze vraag is gesloten" in response.content.decode()
    assert not Message.objects.exists()
    question.refresh_from_db()
    assert question.status == Status.CLOSED and question.first_responded_at is None


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Het antwoord mag niet leeg zijn."), ("x" * 50_000, "hooguit 10.000 tekens")],
)
def test_an_empty_or_overlong_reply_is_refused(client, emma, hanna, body, message):
    question, _token = ask(emma)
    client.force_login(hanna)
    response = reply(client, question, body=body)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Message.objects.exists()


def test_a_double_submitted_reply_is_sent_once(client, emma, hanna):
    question, _token = ask(emma)
    client.force_login(hanna)
    key = str(uuid.uuid4())
    reply(client, question, submission_key=key)
    reply(client, question, submission_key=key)
    assert question.messages.count() == 1
    assert Notification.objects.filter(recipient=emma).count() == 1


def test_waiting_for_the_asker_starts_the_waiting_clock(client, emma, hanna):
    question, _token = ask(emma)
    client.force_login(hanna)
    reply(client, question, status="waiting", body="Om welk kanaal gaat het?")
    question.refresh_from_db()
    assert question.status == Status.WAITING and question.waiting_since is not None
    assert "meer informatie" in Notification.objects.get(recipient=emma).title


def test_a_saved_reply_is_inserted_with_the_askers_first_name(client, emma, hanna):
    question, _token = ask(emma)
    saved = SavedReplyFactory(body="Hoi {first_name},\n\nDank je!")
    client.force_login(hanna)
    response = client.get(
        reverse("helpdesk:saved-reply", args=[question.reference]),
        {"reply": saved.pk},
        headers={"HX-Request": "true"},
    )
    assert "Hoi Emma," in response.content.decode()
    assert "<html" not in response.content.decode()
    # Without JavaScript, the question page itself starts with the saved reply.
    page = client.get(question.get_manage_url(), {"reply": saved.pk}).content.decode()
    assert "Hoi Emma," in page


def test_a_note_is_kept_for_hr_and_does_not_notify_the_asker(client, emma, hanna):
    question, _token = ask(emma)
    client.force_login(hanna)
    client.post(
        reverse("helpdesk:question-note", args=[question.reference]),
        {"body": "Even navragen bij Communicatie.", "submission_key": str(uuid.uuid4())},
    )
    assert question.messages.get().kind == Message.Kind.NOTE
    assert not Notification.objects.filter(recipient=emma).exists()


def test_assigning_is_audited_and_tells_the_new_assignee(client, emma, hanna):
    fleur = hr_colleague(full_name="Fleur Dekker")
    question, _token = ask(emma)
    client.force_login(hanna)
    client.post(
        reverse("helpdesk:question-assign", args=[question.reference]), {"assignee": fleur.pk}
    )
    question.refresh_from_db()
    assert question.assignee == fleur
    entry = AuditEntry.objects.get(action="helpdesk.assign")
    assert entry.actor == hanna and entry.detail["assignee"] == fleur.pk
    assert Notification.objects.filter(recipient=fleur, category="helpdesk.assigned").exists()


def test_only_hr_staff_can_be_assigned(client, emma, hanna, cas):
    question, _token = ask(emma)
    client.force_login(hanna)
    response = client.post(
        reverse("helpdesk:question-assign", args=[question.reference]),
        {"assignee": cas.pk},
        follow=True,
    )
    assert "Kies een HR-collega uit de lijst." in response.content.decode()
    question.refresh_from_db()
    assert question.assignee != cas


def test_bulk_assignment_from_the_queue(client, emma, hanna):
    fleur = hr_colleague(full_name="Fleur Dekker")
    first, second, third = (QuestionFactory(asker=emma) for _ in range(3))
    client.force_login(hanna)
    response = client.post(
        reverse("helpdesk:queue-assign"),
        {
            "questions": [first.reference, second.reference],
            "assignee": fleur.pk,
            "next": "status=new",
        },
    )
    assert response["Location"] == reverse("helpdesk:queue") + "?status=new"
    assert set(Question.objects.filter(assignee=fleur)) == {first, second}
    assert AuditEntry.objects.filter(action="helpdesk.assign").count() == 2
    response = client.post(reverse("helpdesk:queue-assign"), {"assignee": fleur.pk}, follow=True)
    assert "Selecteer ten minste één vraag." in response.content.decode()


def details(client, question, **changes):
    data = {"status": question.status, "category": question.category_id, **changes}
    if question.is_confidential and "confidential" not in changes:
        data["confidential"] = "on"
    return client.post(
        reverse("helpdesk:question-details", args=[question.reference]), data, follow=True
    )


def test_a_status_change_tells_the_asker(client, emma, hanna):
    question, _token = ask(emma)
    client.force_login(hanna)
    details(client, question, status="closed")
    question.refresh_from_db()
    assert question.status == Status.CLOSED and question.closed_at is not None
    assert "gesloten" in Notification.objects.get(recipient=emma).title
    response = details(client, question, status="lost")
    assert "Onbekende status." in response.content.decode()


def test_changing_the_category_recomputes_an_open_target(client, emma, hanna):
    question, _token = ask(emma, category=CategoryFactory(response_hours=16))
    fast = CategoryFactory(response_hours=2)
    client.force_login(hanna)
    details(client, question, category=fast.pk)
    before = question.response_due_at
    question.refresh_from_db()
    assert question.category == fast and question.response_due_at < before


def test_the_details_are_saved_together_with_one_button(client, emma, hanna):
    question, _token = ask(emma)
    other = CategoryFactory(name="Klanten en vertrouwelijkheid")
    client.force_login(hanna)
    page = client.get(question.get_manage_url()).content.decode()
    assert page.count("Gegevens opslaan") == 1
    response = details(client, question, status="waiting", category=other.pk, confidential="on")
    assert "De gegevens zijn opgeslagen." in response.content.decode()
    question.refresh_from_db()
    assert (question.status, question.category, question.is_confidential) == (
        Status.WAITING, other, True,
    )  # fmt: skip
    assert AuditEntry.objects.filter(action="helpdesk.confidential").exists()
    assert "Er is niets gewijzigd." in details(client, question).content.decode()


def test_details_that_may_not_be_saved_change_nothing(client, emma, fleur):
    """Only an HR lead may lift confidentiality; then the status does not change either."""
    question, _token = ask(emma, confidential=True)
    services.question_assign(question=question, assignee=fleur, assigned_by=fleur)
    question.refresh_from_db()
    client.force_login(fleur)
    response = details(client, question, status="waiting", confidential="")
    assert "Alleen een HR-leidinggevende" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Status.OPEN and question.is_confidential
    response = details(client, question, category="x")
    assert "Kies een categorie uit de lijst." in response.content.decode()


def test_related_tips_are_linked(client, emma, hanna):
    from tests.guidelines.factories import published_tip

    tip = published_tip(title="Noem klanten alleen met toestemming")
    question, _token = ask(emma)
    client.force_login(hanna)
    client.post(
        reverse("helpdesk:question-guidelines", args=[question.reference]), {"guidelines": [tip.pk]}
    )
    assert list(question.related_guidelines.all()) == [tip]
    assert (
        "Noem klanten alleen met toestemming"
        in client.get(question.get_manage_url()).content.decode()
    )


def test_the_queue_filters_searches_and_counts(client, emma, hanna):
    fleur = hr_colleague(full_name="Fleur Dekker")
    QuestionFactory(asker=emma, subject="Mag ik over klant De Linde tweeten?")
    QuestionFactory(asker=emma, subject="Instagram en werktijd", assignee=fleur, status="open")
    QuestionFactory(asker=emma, subject="Oude vraag", status="closed", closed_at=timezone.now())
    old = QuestionFactory(asker=emma, subject="Te laat beantwoord")
    Question.objects.filter(pk=old.pk).update(
        response_warn_at=timezone.now() - datetime.timedelta(days=2),
        response_due_at=timezone.now() - datetime.timedelta(days=1),
    )
    client.force_login(hanna)

    def subjects(**params):
        response = client.get(reverse("helpdesk:queue"), params)
        return {row["question"].subject for row in response.context["rows"]}, response

    found, response = subjects()
    assert found == {"Mag ik over klant De Linde tweeten?", "Instagram en werktijd",
                     "Te laat beantwoord"}  # fmt: skip
    assert response.context["counts"] == {"new": 2, "open": 1, "waiting": 0, "answered": 0,
                                          "closed": 1}  # fmt: skip
    assert subjects(q="linde", status="")[0] == {"Mag ik over klant De Linde tweeten?"}
    assert subjects(assignee=fleur.pk, status="")[0] == {"Instagram en werktijd"}
    assert subjects(sla="overdue", status="")[0] == {"Te laat beantwoord"}
    assert subjects(status="closed")[0] == {"Oude vraag"}
    assert subjects(q=f"#{old.reference}", status="")[0] == {"Te laat beantwoord"}
    assert subjects(status="", sort="oldest")[1].context["page"].paginator.count == 4


def test_the_cached_counts_follow_changes(client, emma, hanna):
    question = QuestionFactory(asker=emma)
    client.force_login(hanna)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.get(reverse("helpdesk:queue")).context["counts"]["new"] == 1
        services.question_set_status(question=question, status="closed", changed_by=hanna)
    counts = client.get(reverse("helpdesk:queue")).context["counts"]
    assert counts["new"] == 0 and counts["closed"] == 1


def test_the_export_is_audited_and_safe_to_open_in_a_spreadsheet(client, emma, hanna):
    QuestionFactory(asker=emma, subject='=HYPERLINK("http://evil.example")')
    client.force_login(hanna)
    response = client.post(reverse("helpdesk:queue-export"), {"status": ""})
    text = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in text and "Emma Jansen" in text
    entry = AuditEntry.objects.get(action="helpdesk.export")
    assert entry.actor == hanna and entry.detail["rows"] == 1


def test_the_export_is_post_only(client, hanna):
    client.force_login(hanna)
    assert client.get(reverse("helpdesk:queue-export")).status_code == 405


def test_a_search_is_paged_without_counting_every_match(client, emma, hanna):
    for number in range(26):
        QuestionFactory(asker=emma, subject=f"Vraag over LinkedIn {number}")
    client.force_login(hanna)
    first = client.get(reverse("helpdesk:queue"), {"q": "linkedin", "status": ""})
    assert len(first.context["rows"]) == 25 and "Volgende" in first.content.decode()
    assert first.context["page"].paginator is None  # no total
    second = client.get(reverse("helpdesk:queue"), {"q": "linkedin", "status": "", "page": 2})
    assert len(second.context["rows"]) == 1 and "Vorige" in second.content.decode()
    assert "Pagina 2" in second.content.decode()


def test_the_export_follows_the_search_and_filters(client, emma, hanna):
    QuestionFactory(asker=emma, subject="Over LinkedIn")
    QuestionFactory(asker=emma, subject="Over Instagram")
    client.force_login(hanna)
    response = client.post(reverse("helpdesk:queue-export"), {"status": "", "q": "linkedin"})
    text = b"".join(response.streaming_content).decode()
    assert "Over LinkedIn" in text and "Over Instagram" not in text


def test_a_best_match_search_lists_the_matches(client, emma, hanna):
    QuestionFactory(asker=emma, subject="Over LinkedIn", body="LinkedIn en nog eens LinkedIn")
    QuestionFactory(asker=emma, subject="Instagram", body="Ook iets over LinkedIn")
    QuestionFactory(asker=emma, subject="Werktijd", body="Niets")
    client.force_login(hanna)
    response = client.get(
        reverse("helpdesk:queue"), {"q": "linkedin", "status": "", "sort": "relevance"}
    )
    assert {row["question"].subject for row in response.context["rows"]} == {
        "Over LinkedIn",
        "Instagram",
    }


def test_the_question_page_shows_files_faq_entries_and_linked_tips(client, emma, hanna):
    """The page loads these only for questions that have them (Question.with_page_flags)."""
    from tests.guidelines.factories import published_tip

    from .factories import PDF, FaqEntryFactory, checked

    tip = published_tip(title="Noem klanten alleen met toestemming")
    bare, _token = ask(emma, subject="Zonder bijlagen")
    full, _token = ask(emma, subject="Met alles", upload=checked("plan.pdf", PDF))
    full.related_guidelines.add(tip)
    FaqEntryFactory(source_question=full, title="Mag ik De Linde taggen?")
    client.force_login(hanna)
    page = client.get(full.get_manage_url()).content.decode()
    assert "plan.pdf" in page and "Mag ik De Linde taggen?" in page
    assert f'<li><a href="{tip.get_absolute_url()}">' in page
    page = client.get(bare.get_manage_url()).content.decode()
    assert "plan.pdf" not in page and "Mag ik De Linde taggen?" not in page
    assert f'<li><a href="{tip.get_absolute_url()}">' not in page
