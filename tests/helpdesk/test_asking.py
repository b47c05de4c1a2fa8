"""Asking HR a question: the form, its bad input, suggestions, the draft from the checker."""

import uuid

import pytest
from django.urls import reverse

from helpdesk.models import Question, SelfServiceResolution
from helpdesk.models.questions import Status
from notifications.models import Notification
from tests.helpdesk.factories import (
    CategoryFactory,
    FaqEntryFactory,
    ask,
    hr_colleague,
    send_held_notices,
)

pytestmark = pytest.mark.django_db


def form_data(category, **overrides):
    return {
        "subject": "Mag ik tweeten over het nieuwe zonnepark?",
        "body": "Ik werk aan het ontwerp en wil er graag over vertellen.",
        "category": category.pk,
        "submission_key": str(uuid.uuid4()),
        **overrides,
    }


def test_it_asks_a_question_and_tells_the_category_team(client, emma, hanna, category):
    category.team.set([hanna])
    client.force_login(emma)
    response = client.post(reverse("helpdesk:question-create"), form_data(category))
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("helpdesk:question-asked", args=[question.reference])
    assert question.asker == emma and question.status == Status.NEW
    assert question.response_due_at > question.created_at
    notification = Notification.objects.get(recipient=hanna, category="helpdesk.new_question")
    assert "zonnepark" in notification.title
    assert notification.url == question.get_manage_url()


def test_it_assigns_round_robin_when_the_category_has_no_team(emma, hanna, fleur, category):
    first, _token = ask(emma, category=category)
    second, _token = ask(emma, category=category)
    third, _token = ask(emma, category=category)
    assignees = [first.assignee, second.assignee, third.assignee]
    assert sorted({a.pk for a in assignees}) == sorted([hanna.pk, fleur.pk])
    assert assignees[0] != assignees[1] and assignees[0] == assignees[2]
    assert first.status == Status.OPEN
    assert Notification.objects.filter(recipient=first.assignee, category="helpdesk.new_question")


def test_it_never_routes_a_question_to_the_hr_colleague_who_asked_it(hanna, fleur, category):
    question, _token = ask(fleur, category=category)
    assert question.assignee == hanna


def test_a_confidential_question_is_only_announced_to_the_hr_leads(emma, hanna, fleur, category):
    category.team.set([hanna, fleur])
    ask(emma, category=category, confidential=True)
    told = set(
        Notification.objects.filter(category="helpdesk.new_question").values_list(
            "recipient__email", flat=True
        )
    )
    assert told == {"hanna@example.com"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Je vraag mag niet leeg zijn."),
        ("   ", "Je vraag mag niet leeg zijn."),
        ("x" * 50_000, "Je vraag mag hooguit 10.000 tekens lang zijn (nu 50.000)."),
    ],
)
def test_it_refuses_an_empty_or_overlong_question_and_saves_nothing(
    client, emma, category, body, message
):
    client.force_login(emma)
    response = client.post(reverse("helpdesk:question-create"), form_data(category, body=body))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()
    assert not Notification.objects.exists()


def test_a_double_submitted_form_makes_one_question(client, emma, category):
    client.force_login(emma)
    data = form_data(category)
    first = client.post(reverse("helpdesk:question-create"), data)
    second = client.post(reverse("helpdesk:question-create"), data, follow=True)
    assert Question.objects.count() == 1
    assert first["Location"] == second.redirect_chain[0][0]
    assert "al verstuurd" in second.content.decode()


def test_an_inactive_category_cannot_be_chosen(client, emma):
    old = CategoryFactory(is_active=False)
    client.force_login(emma)
    response = client.post(reverse("helpdesk:question-create"), form_data(old))
    assert response.status_code == 200
    assert not Question.objects.exists()


def test_alumni_and_freelancers_cannot_ask(client, anouk, femke):
    for person in (anouk, femke):
        client.force_login(person)
        assert client.get(reverse("helpdesk:question-create")).status_code == 403


def test_it_suggests_faq_entries_and_tips_while_typing(client, emma, hanna):
    from tests.guidelines.factories import published_tip

    FaqEntryFactory(title="Mag ik twitteren over een klant?", answer="Alleen met toestemming.")
    published_tip(title="Noem klanten alleen met toestemming", tip="Vraag het eerst aan de klant.")
    client.force_login(emma)
    response = client.get(
        reverse("helpdesk:suggestions"), {"subject": "Mag ik iets over een klant zeggen?"}
    )
    page = response.content.decode()
    assert "Mag ik twitteren over een klant?" in page
    assert "Noem klanten alleen met toestemming" in page
    assert "Dit beantwoordt mijn vraag" in page


def test_it_suggests_nothing_for_a_very_short_subject(client, emma):
    FaqEntryFactory(title="Mag ik twitteren over een klant?")
    client.force_login(emma)
    response = client.get(reverse("helpdesk:suggestions"), {"subject": "kl"})
    assert "Mag ik" not in response.content.decode()


def test_this_answers_my_question_is_counted_without_a_ticket(client, emma):
    entry = FaqEntryFactory(title="Mag ik twitteren over een klant?")
    client.force_login(emma)
    response = client.post(
        reverse("helpdesk:solved-without-ticket"),
        {"source": "faq", "object_id": entry.pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "je antwoord hebt gevonden" in response.content.decode()
    solved = SelfServiceResolution.objects.get()
    assert (solved.source, solved.object_id) == ("faq", entry.pk)
    assert not Question.objects.exists()


def test_a_tip_can_answer_the_question_too(client, emma):
    from tests.guidelines.factories import published_tip

    tip = published_tip(title="Deel wat je trots maakt")
    client.force_login(emma)
    client.post(
        reverse("helpdesk:solved-without-ticket"), {"source": "guidelines", "object_id": tip.pk}
    )
    assert SelfServiceResolution.objects.get().source == "guidelines"


def test_an_unknown_answer_is_not_counted(client, emma):
    client.force_login(emma)
    for data in ({"source": "faq", "object_id": 999}, {"source": "x", "object_id": "a"}):
        assert client.post(reverse("helpdesk:solved-without-ticket"), data).status_code == 404
    assert not SelfServiceResolution.objects.exists()


def test_a_draft_from_the_checker_prefills_the_ask_form(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("helpdesk:ask-about-draft"),
        {"draft": "Trots op ons zonnepark!\nBinnenkort open.", "network": "linkedin"},
    )
    assert response["Location"] == reverse("helpdesk:question-create")
    page = client.get(reverse("helpdesk:question-create")).content.decode()
    assert "Mag ik dit op LinkedIn posten?" in page
    assert "&gt; Trots op ons zonnepark!\n&gt; Binnenkort open." in page


@pytest.mark.parametrize(
    ("draft", "message"),
    [("", "Er is geen concept"), ("x" * 5001, "hooguit 5.000 tekens")],
)
def test_an_empty_or_overlong_draft_gets_a_message(client, emma, draft, message):
    client.force_login(emma)
    response = client.post(reverse("helpdesk:ask-about-draft"), {"draft": draft}, follow=True)
    assert message in response.content.decode()
    assert "helpdesk_draft" not in client.session


def test_the_draft_is_forgotten_once_the_question_is_asked(client, emma, category):
    client.force_login(emma)
    client.post(reverse("helpdesk:ask-about-draft"), {"draft": "Mijn post", "network": "x"})
    client.post(reverse("helpdesk:question-create"), form_data(category))
    assert "helpdesk_draft" not in client.session


def test_the_asker_follows_up_and_the_assignee_hears_it(client, emma, category):
    handler = hr_colleague(full_name="Fleur Dekker")
    question, _token = ask(emma, category=category)
    assert question.assignee == handler
    client.force_login(emma)
    client.post(
        reverse("helpdesk:question-follow-up", args=[question.reference]),
        {"body": "Het gaat om LinkedIn.", "submission_key": str(uuid.uuid4())},
    )
    assert question.messages.get().body == "Het gaat om LinkedIn."
    assert Notification.objects.filter(recipient=handler, category="helpdesk.follow_up").exists()


def test_a_closed_question_takes_no_more_messages(client, emma, category):
    question, _token = ask(emma, category=category)
    client.force_login(emma)
    client.post(reverse("helpdesk:question-close", args=[question.reference]))
    response = client.post(
        reverse("helpdesk:question-follow-up", args=[question.reference]),
        {"body": "Toch nog iets.", "submission_key": str(uuid.uuid4())},
    )
    assert response.status_code == 400
    assert "Deze vraag is gesloten" in response.content.decode()
    assert not question.messages.exists()


def test_an_hr_colleague_asking_anonymously_is_told_like_the_rest_of_the_team(
    hanna, fleur, category
):
    category.team.set([hanna, fleur])
    ask(fleur, category=category, anonymous=True)
    send_held_notices()
    told = set(
        Notification.objects.filter(category="helpdesk.new_question").values_list(
            "recipient__email", flat=True
        )
    )
    assert told == {"hanna@example.com", "fleur@example.com"}
