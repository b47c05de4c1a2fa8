"""`seed_demo` works at any hour of any day: a newcomer's first `make run` at 23:30, CI in the
evening, New Year's Eve, the nights the clocks change. And when one app's demo fails anyway,
the command says so in one line and the apps before it stay usable."""

import datetime
import sys
import zoneinfo
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.utils import timezone

from competencies.models import Competency
from helpdesk.models import Category, PublicHoliday, Question
from helpdesk.models.questions import SlaState, Status
from hrsocial.demo import demo_day, demo_moment
from hrsocial.workdays import dutch_public_holidays, is_working_day, working_day_from
from people.models import User
from trainings.models import Feedback, Session, Training

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _local(*args, fold=0) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMSTERDAM, fold=fold)


# Every hour the brief names, on the days that have tripped demo data before. 2027-03-28 is
# both the last Sunday of March (clocks go forward) and Easter Sunday, so the Tuesday after it
# follows a long week-end; 2026-10-25 is the last Sunday of October (clocks go back).
MOMENTS = {
    "monday-00:30": _local(2026, 11, 30, 0, 30),
    "monday-08:59": _local(2026, 11, 30, 8, 59),
    "monday-16:30": _local(2026, 11, 30, 16, 30),
    "sunday-12:00": _local(2026, 12, 6, 12, 0),
    "sunday-23:30": _local(2026, 12, 6, 23, 30),
    "new-years-eve-16:30": _local(2026, 12, 31, 16, 30),
    "new-years-eve-23:30": _local(2026, 12, 31, 23, 30),
    "march-dst-sunday-00:30": _local(2027, 3, 28, 0, 30),
    "march-dst-sunday-23:30": _local(2027, 3, 28, 23, 30),
    "after-easter-08:59": _local(2027, 3, 30, 8, 59),
    "october-dst-sunday-02:30": _local(2026, 10, 25, 2, 30, fold=1),
    "october-dst-sunday-23:30": _local(2026, 10, 25, 23, 30),
}
# A second run at these moments must change nothing (seeding takes seconds: not at all of them).
TWICE = {"monday-16:30", "new-years-eve-23:30", "march-dst-sunday-23:30"}


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
@pytest.mark.parametrize("moment", MOMENTS.values(), ids=MOMENTS.keys())
def test_it_seeds_the_demo_at_any_moment(moment):
    with time_machine.travel(moment, tick=False):
        call_command("seed_demo", stdout=StringIO())
        first = _row_counts()
        label = next(key for key, value in MOMENTS.items() if value is moment)
        if label in TWICE:
            call_command("seed_demo", stdout=StringIO())
            assert _row_counts() == first
    # The past sessions have their feedback, the future ones are still to come.
    assert Feedback.objects.filter(session__isnull=False).count() >= 10
    assert first["trainings.Session"] == 18
    assert not Session.objects.filter(starts_at__date=moment.date()).exists()
    # Some questions are past their response target; a waiting one waits since HR's reply.
    with time_machine.travel(moment, tick=False):
        assert Question.objects.in_sla_state(SlaState.OVERDUE, timezone.now()).exists()
    for question in Question.objects.filter(status=Status.WAITING):
        assert question.last_reply_at <= question.waiting_since <= moment


@pytest.mark.django_db
def test_it_seeds_the_demo_as_the_clock_ticks_late_on_a_daylight_saving_sunday():
    # What the before-stop check does: a real, ticking clock at 23:30 on 2027-03-28.
    with time_machine.travel(_local(2027, 3, 28, 23, 30), tick=True):
        call_command("seed_demo", stdout=StringIO())
    assert Training.objects.count() == 13


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [_local(2026, 12, 20, 12, 0), _local(2027, 3, 28, 12, 0), _local(2027, 4, 30, 12, 0)],
    ids=["before-christmas", "easter-sunday", "after-kings-day"],
)
def test_it_puts_demo_sessions_on_working_days_only(moment):
    with time_machine.travel(moment, tick=False):
        call_command("seed_demo", stdout=StringIO())
        today = timezone.localdate()
    holidays = set(PublicHoliday.objects.values_list("date", flat=True))
    days = [timezone.localtime(start).date() for start in Session.objects.values_list(
        "starts_at", flat=True)]  # fmt: skip
    assert days
    assert all(day.weekday() < 5 for day in days)
    assert not holidays & set(days)
    assert today not in days


def test_it_knows_the_same_dutch_holidays_as_the_helpdesk(db):
    listed = set(PublicHoliday.objects.values_list("date", "name"))
    computed = {
        (day, name)
        for year in range(2025, 2036)
        for day, name in dutch_public_holidays(year).items()
    }
    assert computed == listed


def test_it_moves_a_demo_day_away_from_today():
    assert not is_working_day(datetime.date(2026, 12, 25))
    assert working_day_from(datetime.date(2026, 12, 25)) == datetime.date(2026, 12, 28)
    assert working_day_from(datetime.date(2026, 12, 27), step=-1) == datetime.date(2026, 12, 24)
    with time_machine.travel(_local(2026, 12, 20, 23, 30), tick=False):  # a Sunday
        assert demo_day(5) == datetime.date(2026, 12, 28)  # Friday 25th: Christmas
        assert demo_day(-1) == datetime.date(2026, 12, 18)  # the Friday before
        assert demo_day(0) == datetime.date(2026, 12, 21)  # today is a Sunday: Monday
        assert demo_moment(1, 9) == _local(2026, 12, 21, 9, 0)


def _fail_in_trainings(monkeypatch):
    """The trainings' demo breaks after it has saved its catalogue."""

    def broken(people):
        raise ValidationError("Je kunt op deze training geen feedback geven.")

    monkeypatch.setattr("trainings.demo._demo_accounts", broken)


@pytest.mark.django_db
def test_it_stops_at_a_failing_app_and_keeps_the_apps_before_it(monkeypatch):
    _fail_in_trainings(monkeypatch)
    with pytest.raises(CommandError) as failure:
        call_command("seed_demo", stdout=StringIO())
    message = str(failure.value)
    assert "'trainings'" in message
    assert "Je kunt op deze training geen feedback geven." in message
    assert failure.value.returncode == 1
    # Before it: seeded and usable; the failing app: nothing half-saved; after it: not tried.
    assert User.objects.get(email="employee@example.com").check_password("demo-pass-2026")
    assert Competency.objects.count() == 6
    assert not Training.objects.exists()
    assert not Category.objects.exists()
    # Once the cause is gone, running it again seeds the rest.
    monkeypatch.undo()
    call_command("seed_demo", stdout=StringIO())
    assert Training.objects.count() == 13
    assert Category.objects.exists()


@pytest.mark.django_db
def test_it_reports_a_failing_app_in_one_line_and_exits_non_zero(monkeypatch, capsys):
    _fail_in_trainings(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["manage.py", "seed_demo"])
    with pytest.raises(SystemExit) as stopped:
        ManagementUtility(["manage.py", "seed_demo"]).execute()
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "'trainings'" in lines[0] and "ValidationError" in lines[0]
