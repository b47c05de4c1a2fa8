"""Satisfaction: after an answer the asker rates it, 1 to 5 with a comment, once."""

import pytest
from django.urls import reverse

from helpdesk import services
from helpdesk.models import Rating
from notifications.models import Notification
from tests.helpdesk.factories import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(emma, hanna):
    question, _token = ask(emma)
    services.question_reply(question=question, author=hanna, body="Dat mag.")
    return question


def rate(client, question, **data):
    return client.post(reverse("helpdesk:question-rate", args=[question.reference]), data)


def test_the_asker_rates_the_answer_and_the_assignee_hears_it(client, emma, hanna, answered):
    client.force_login(emma)
    response = rate(client, answered, score="5", comment="Helder en snel!")
    assert response.status_code == 302
    rating = Rating.objects.get()
    assert (rating.score, rating.comment) == (5, "Helder en snel!")
    assert Notification.objects.filter(recipient=hanna, category="helpdesk.rating").exists()
    page = client.get(answered.get_absolute_url()).content.decode()
    assert "Je gaf dit antwoord een 5 van de 5" in page


@pytest.mark.parametrize("score", ["0", "6", "-1", "vijf", ""])
def test_a_rating_outside_1_to_5_is_refused(client, emma, answered, score):
    client.force_login(emma)
    response = rate(client, answered, score=score)
    assert response.status_code == 400
    assert "Kies een cijfer van 1 tot en met 5." in response.content.decode()
    assert not Rating.objects.exists()


def test_a_rating_is_given_once(client, emma, answered):
    client.force_login(emma)
    rate(client, answered, score="4")
    response = rate(client, answered, score="1", comment="Toch niet")
    assert response.status_code == 400
    assert "Je hebt dit antwoord al beoordeeld." in response.content.decode()
    assert Rating.objects.get().score == 4


def test_a_question_without_an_answer_cannot_be_rated(client, emma):
    question, _token = ask(emma)
    client.force_login(emma)
    response = rate(client, question, score="3")
    assert response.status_code == 400
    assert "zodra HR heeft geantwoord" in response.content.decode()
    assert not Rating.objects.exists()


def test_the_database_refuses_a_score_outside_the_range(answered):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Rating.objects.create(question=answered, score=9)
