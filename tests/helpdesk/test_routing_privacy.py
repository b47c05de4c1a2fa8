"""Routing never gives the asker away, and managers never read their reports' questions
(issue 11, items 4 and 7)."""

import pytest
from django.test import TestCase
from django.urls import reverse

from helpdesk import services
from notifications.models import Notification
from tests.factories import UserFactory, make_hr
from tests.helpdesk.factories import CategoryFactory, ask, send_held_notices

pytestmark = pytest.mark.django_db


@pytest.fixture
def joost(db):
    return make_hr(UserFactory(email="joost@example.com", full_name="Joost Mulder"))


def test_an_anonymous_question_leaves_the_turn_alone_whoever_asks(hanna, fleur, joost, cas):
    category = CategoryFactory(name="Zonder team")
    category.last_routed_to = hanna  # next in turn: Fleur
    category.save()
    for asker in (fleur, cas):
        question, _token = ask(asker, category=category, anonymous=True)
        category.refresh_from_db()
        assert category.last_routed_to == hanna
        assert question.assignee not in (None, asker)


def test_an_hr_askers_anonymous_question_is_never_theirs(hanna, fleur):
    category = CategoryFactory(name="Zonder team")
    for _ in range(8):
        question, _token = ask(fleur, category=category, anonymous=True)
        assert question.assignee == hanna


def test_a_team_with_the_anonymous_asker_in_it_is_still_the_team(hanna, fleur):
    category = CategoryFactory(name="Met team")
    category.team.set([fleur])
    with TestCase.captureOnCommitCallbacks(execute=True):
        question, _token = ask(fleur, category=category, anonymous=True)
        send_held_notices()
    # As for anyone's question: the team hears about it, nobody is picked.
    assert question.assignee is None
    assert Notification.objects.filter(recipient=fleur, category="helpdesk.new_question").exists()


def test_assigning_an_anonymous_question_to_its_asker_silently_goes_elsewhere(
    client, hanna, fleur, joost, cas
):
    category = CategoryFactory(name="Met team")
    category.team.set([hanna])
    question, _token = ask(fleur, category=category, anonymous=True)
    client.force_login(hanna)
    response = client.post(
        reverse("helpdesk:question-assign", args=[question.reference]), {"assignee": fleur.pk},
        follow=True,
    )  # fmt: skip
    question.refresh_from_db()
    assert question.assignee in (hanna, joost)
    assert "De toewijzing is opgeslagen" in response.content.decode()
    assert not Notification.objects.filter(recipient=fleur, category="helpdesk.assigned").exists()


def test_a_manager_in_hr_never_sees_a_reports_question(client, hanna, fleur, milan, emma):
    fleur.manager = hanna
    fleur.save()
    milan.manager = hanna
    milan.save()
    category = CategoryFactory(name="Zonder team")
    own, _token = ask(fleur, category=category, subject="Fleurs eigen vraag", confidential=True)
    indirect, _token = ask(emma, category=category, subject="Emmas vraag")
    other, _token = ask(milan, category=CategoryFactory(), subject="Milans vraag")
    for question in (own, indirect, other):
        assert question.assignee != hanna
    client.force_login(hanna)
    queue = client.get(reverse("helpdesk:queue"), {"status": ""}).content.decode()
    assert "Fleurs eigen vraag" not in queue and "Emmas vraag" not in queue
    assert client.get(own.get_manage_url()).status_code == 404
    assert client.get(indirect.get_manage_url()).status_code == 404
    assert client.get(reverse("admin:helpdesk_question_change", args=[own.pk])).status_code != 200


def test_hr_cannot_give_a_question_to_the_askers_manager(hanna, fleur, joost, cas):
    joost.manager = hanna
    joost.save()
    question, _token = ask(joost, category=CategoryFactory(name="Zonder team"))
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.question_assign(question=question, assignee=hanna, assigned_by=fleur)
