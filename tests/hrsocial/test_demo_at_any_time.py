"""The demo organisation seeds at any moment of the year: `make run` must work for a newcomer
at 23:30 on New Year's Eve as well as at nine on a Monday morning (issue 10)."""

import datetime
import zoneinfo
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")

# Local moments that once broke the demo or could: the end of the afternoon, late evening,
# just after midnight, a Sunday, New Year's Eve and both daylight-saving Sundays.
MOMENTS = [
    datetime.datetime(2026, 12, 7, 0, 30, tzinfo=AMSTERDAM),  # a Monday just after midnight
    datetime.datetime(2026, 12, 7, 8, 59, tzinfo=AMSTERDAM),  # a Monday before working hours
    datetime.datetime(2026, 12, 9, 12, 0, tzinfo=AMSTERDAM),  # a Wednesday at noon
    datetime.datetime(
        2026, 12, 10, 16, 30, tzinfo=AMSTERDAM
    ),  # a Thursday at the end of the afternoon
    datetime.datetime(2026, 12, 13, 23, 30, tzinfo=AMSTERDAM),  # a Sunday late in the evening
    datetime.datetime(2026, 12, 31, 23, 30, tzinfo=AMSTERDAM),  # New Year's Eve
    datetime.datetime(
        2027, 3, 28, 2, 30, tzinfo=AMSTERDAM
    ),  # the last Sunday of March: 02:30 does not exist
    datetime.datetime(2027, 3, 28, 23, 30, tzinfo=AMSTERDAM),
    datetime.datetime(
        2027, 10, 31, 2, 30, tzinfo=AMSTERDAM
    ),  # the last Sunday of October: 02:30 twice
    datetime.datetime(2027, 10, 31, 16, 30, tzinfo=AMSTERDAM),
]


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin"}
    }


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.strftime("%a-%Y-%m-%d-%H%M"))
def test_it_seeds_the_demo_at_any_local_moment(db, moment):
    with time_machine.travel(moment, tick=False):
        call_command("seed_demo", stdout=StringIO())
        counts = _row_counts()
        call_command("seed_demo", stdout=StringIO())
        assert _row_counts() == counts, "a second seed_demo changed the data"


def test_its_training_sessions_fall_on_working_days(db):
    from hrsocial.workdays import is_working_day
    from trainings.models import Session

    # Christmas week: the 25th and 26th, then a week-end; offsets would land on them.
    with time_machine.travel(datetime.datetime(2026, 12, 21, 10, 0, tzinfo=AMSTERDAM)):
        call_command("seed_demo", stdout=StringIO())
        days = {timezone.localtime(s.starts_at).date() for s in Session.objects.all()}
    assert days
    assert all(is_working_day(day) for day in days), sorted(days)


def test_a_failing_app_is_reported_in_one_line_and_the_others_still_seed(db, monkeypatch):
    from guidelines import demo as guidelines_demo
    from people.models import User

    def broken(ctx):
        raise ValidationError("Deze demo is kapot.")

    monkeypatch.setattr(guidelines_demo, "seed", broken)
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("seed_demo", stdout=StringIO(), stderr=err)
    assert "guidelines could not be loaded" in str(failure.value)
    assert "Deze demo is kapot." in str(failure.value)
    assert err.getvalue().count("\n") == 1 and "Traceback" not in err.getvalue()
    assert User.objects.filter(email="employee@example.com").exists()  # people seeded
    from trainings.models import Training

    assert Training.objects.exists()  # apps after the broken one seeded too
