"""The demo helpdesk: realistic, in every status, and seeding twice changes nothing."""

import io

import pytest
from django.utils import timezone

from helpdesk import demo as helpdesk_demo
from helpdesk.models import Category, FaqEntry, Message, Question, Rating, SavedReply
from helpdesk.models.questions import SlaState, Status
from hrsocial.demo import DemoContext
from people import demo as people_demo

pytestmark = pytest.mark.django_db

MODELS = (Category, SavedReply, FaqEntry, Question, Message, Rating)


def seed():
    ctx = DemoContext(stdout=io.StringIO())
    people_demo.seed(ctx)
    helpdesk_demo.seed(ctx)


def test_seeding_twice_changes_nothing():
    seed()
    before = {model: list(model.objects.order_by("pk").values()) for model in MODELS}
    seed()
    after = {model: list(model.objects.order_by("pk").values()) for model in MODELS}
    assert before == after


def test_the_demo_has_questions_in_every_status_some_anonymous_and_overdue():
    seed()
    questions = Question.objects.all()
    assert {q.status for q in questions} == set(Status.values)
    assert questions.filter(is_anonymous=True, asker__isnull=True).count() >= 2
    assert questions.filter(is_confidential=True).exists()
    assert questions.in_sla_state(SlaState.OVERDUE, timezone.now()).exists()
    assert FaqEntry.objects.filter(title__contains="tweet").exists()
    assert FaqEntry.objects.filter(title__contains="klant").exists()


def test_the_demo_employee_finds_her_anonymous_question():
    seed()
    from people.models import User

    emma = User.objects.get(email="employee@example.com")
    mine = Question.objects.asked_by(emma)
    assert mine.filter(is_anonymous=True).exists() and mine.filter(is_anonymous=False).exists()


def test_the_demo_saved_replies_set_sensible_statuses():
    seed()
    statuses = dict(SavedReply.objects.values_list("title", "status"))
    assert statuses["Meer informatie nodig"] == "waiting"
    assert statuses["Ontvangen, we zoeken het uit"] == "keep"
    assert "answered" in statuses.values()
