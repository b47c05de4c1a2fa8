"""Response targets in working hours, the warnings around them, and waiting questions."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from helpdesk import services
from helpdesk.models import Message, PublicHoliday, Question
from helpdesk.models.questions import SlaState, Status
from helpdesk.sla import WorkingCalendar, working_calendar
from hrsocial.plugins import beat_schedule
from notifications.models import Notification
from tests.helpdesk.factories import CategoryFactory, ask, hr_colleague

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def calendar(*holidays):
    return WorkingCalendar(start_hour=9, end_hour=17, holidays=frozenset(holidays), tz=AMSTERDAM)


def test_two_working_days_skip_the_weekend():
    # Thursday 10 December 2026, 14:00 + 16 working hours = Monday 14:00.
    assert calendar().add(at(2026, 12, 10, 14), 16) == at(2026, 12, 14, 14)


def test_a_question_asked_in_the_evening_starts_counting_the_next_morning():
    assert calendar().add(at(2026, 12, 8, 21, 30), 2) == at(2026, 12, 9, 11)
    assert calendar().add(at(2026, 12, 12, 10), 1) == at(2026, 12, 14, 10)  # a Saturday


def test_public_holidays_are_not_working_days():
    christmas = calendar(datetime.date(2026, 12, 25), datetime.date(2026, 12, 28))
    # Thursday 24 December 16:00 + 2 hours: Friday 25th and Monday 28th are off.
    assert christmas.add(at(2026, 12, 24, 16), 2) == at(2026, 12, 29, 10)


def test_working_hours_between_two_moments():
    assert calendar().hours_between(at(2026, 12, 11, 16), at(2026, 12, 14, 10)) == 2
    assert calendar().hours_between(at(2026, 12, 14, 10), at(2026, 12, 11, 16)) == -2


def test_the_dutch_public_holidays_come_with_the_migration():
    names = dict(PublicHoliday.objects.filter(date__year=2027).values_list("date", "name"))
    assert names[datetime.date(2027, 4, 27)] == "Koningsdag"
    assert names[datetime.date(2027, 3, 29)] == "Tweede Paasdag"
    assert names[datetime.date(2027, 5, 6)] == "Hemelvaartsdag"
    assert datetime.date(2027, 12, 26) in working_calendar().holidays


def test_a_holiday_hr_adds_counts_at_once():
    PublicHoliday.objects.create(date=datetime.date(2026, 12, 31), name="Oudejaarsdag")
    assert datetime.date(2026, 12, 31) in working_calendar().holidays


@time_machine.travel(at(2026, 12, 10, 14), tick=False)
def test_the_default_target_is_two_working_days(emma, hanna):
    question, _token = ask(emma, category=CategoryFactory())
    assert question.response_due_at == at(2026, 12, 14, 14)
    assert question.response_warn_at == at(2026, 12, 14, 10)
    assert question.sla_state() == SlaState.ON_TRACK


def test_the_queue_shows_time_left_or_overdue(client, emma, hanna):
    with time_machine.travel(at(2026, 12, 7, 9), tick=False):
        late, _token = ask(emma, subject="Te laat", category=CategoryFactory(response_hours=4))
        ask(emma, subject="Op tijd", category=CategoryFactory(response_hours=40))
    with time_machine.travel(at(2026, 12, 7, 15), tick=False):
        client.force_login(hanna)
        page = client.get(reverse("helpdesk:queue")).content.decode()
    assert "2 werkuren te laat" in page
    assert "nog 4 werkdagen en 2 uur" in page
    assert late.sla_state(at(2026, 12, 7, 15)) == SlaState.OVERDUE


def test_the_assignee_is_warned_before_and_the_leads_after_a_breach(emma, hanna):
    fleur = hr_colleague(full_name="Fleur Dekker")
    with time_machine.travel(at(2026, 12, 7, 9), tick=False):
        question, _token = ask(emma, category=CategoryFactory(response_hours=16))
        services.question_assign(question=question, assignee=fleur, assigned_by=hanna)
    Notification.objects.all().delete()

    with time_machine.travel(at(2026, 12, 8, 14), tick=False):  # 4 working hours left
        assert services.response_targets_check() == {"warned": 1, "reported": 0}
        assert services.response_targets_check() == {"warned": 0, "reported": 0}
    warning = Notification.objects.get(category="helpdesk.response_target")
    assert warning.recipient == fleur and "snel" in warning.title

    with time_machine.travel(at(2026, 12, 9, 9, 30), tick=False):
        assert services.response_targets_check() == {"warned": 0, "reported": 1}
        assert services.response_targets_check() == {"warned": 0, "reported": 0}
    breach = Notification.objects.filter(category="helpdesk.response_target").latest("pk")
    assert breach.recipient == hanna and "Fleur Dekker" in breach.body


def test_an_answered_question_raises_no_warnings(emma, hanna):
    with time_machine.travel(at(2026, 12, 7, 9), tick=False):
        question, _token = ask(emma, category=CategoryFactory(response_hours=2))
        services.question_reply(question=question, author=hanna, body="Dat mag.")
    with time_machine.travel(at(2026, 12, 9, 9), tick=False):
        assert services.response_targets_check() == {"warned": 0, "reported": 0}
    question.refresh_from_db()
    assert question.sla_state() == SlaState.MET


@override_settings(HELPDESK_WAITING_REMINDER_DAYS=3, HELPDESK_WAITING_CLOSE_DAYS=7)
def test_a_waiting_question_is_reminded_and_then_closed(emma, hanna):
    with time_machine.travel(at(2026, 12, 1, 10), tick=False):
        question, _token = ask(emma)
        services.question_reply(
            question=question, author=hanna, body="Welk kanaal?", status=Status.WAITING
        )
    Notification.objects.all().delete()
    with time_machine.travel(at(2026, 12, 3, 10), tick=False):
        assert services.waiting_questions_follow_up() == {"reminded": 0, "closed": 0}
    with time_machine.travel(at(2026, 12, 4, 11), tick=False):
        assert services.waiting_questions_follow_up() == {"reminded": 1, "closed": 0}
        assert services.waiting_questions_follow_up() == {"reminded": 0, "closed": 0}
    assert "wacht op je reactie" in Notification.objects.get(recipient=emma).title
    with time_machine.travel(at(2026, 12, 8, 11), tick=False):
        assert services.waiting_questions_follow_up() == {"reminded": 0, "closed": 1}
    question.refresh_from_db()
    assert question.status == Status.CLOSED
    assert question.messages.filter(kind=Message.Kind.NOTE, body__contains="7 dagen").exists()


def test_a_reaction_stops_the_waiting_clock(client, emma, hanna):
    question, _token = ask(emma)
    services.question_reply(question=question, author=hanna, body="Welk kanaal?", status="waiting")
    services.question_follow_up(question=question, author=emma, body="LinkedIn.")
    question.refresh_from_db()
    assert question.status == Status.OPEN and question.waiting_since is None


def test_the_beat_schedule_runs_the_helpdesk_tasks():
    tasks = {entry["task"] for entry in beat_schedule().values()}
    assert {
        "helpdesk.tasks.check_response_targets",
        "helpdesk.tasks.notify_anonymous_askers",
        "helpdesk.tasks.follow_up_waiting_questions",
    } <= tasks
    from helpdesk import tasks as helpdesk_tasks

    assert helpdesk_tasks.check_response_targets.delay().get() == {"warned": 0, "reported": 0}
    assert Question.objects.count() == 0
