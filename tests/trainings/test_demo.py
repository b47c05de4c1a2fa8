"""The trainings' demo data: sessions on working days, a page that says things once."""

import datetime
import zoneinfo
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from hrsocial.workdays import is_working_day
from trainings.models import Session, Training

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
# Good Friday 2027, with Easter Monday and King's Day within the sessions' reach.
@time_machine.travel(datetime.datetime(2027, 3, 26, 22, 30, tzinfo=AMSTERDAM), tick=False)
def test_the_demo_sessions_are_on_working_days_and_summaries_are_not_repeated():
    call_command("seed_demo", stdout=StringIO())
    starts = [timezone.localtime(s) for s in Session.objects.values_list("starts_at", flat=True)]
    assert starts
    assert [s.date() for s in starts if not is_working_day(s.date())] == []
    for training in Training.objects.all():
        assert training.summary not in training.description, training.title
