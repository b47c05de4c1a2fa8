"""Scheduled work: one retry policy for every task of the beat schedule."""

import pytest
from celery.exceptions import Retry

from hrsocial.celery import PERIODIC_RETRY, app
from hrsocial.plugins import beat_schedule

SCHEDULED = sorted({entry["task"] for entry in beat_schedule().values()})
assert SCHEDULED, "the apps declare periodic tasks: an empty list would test nothing"
app.autodiscover_tasks(force=True)  # as a worker (and run_periodic_tasks) does


@pytest.mark.parametrize("name", SCHEDULED)
def test_every_scheduled_task_retries_the_one_way(name):
    task = app.tasks[name]
    assert {option: getattr(task, option) for option in PERIODIC_RETRY} == PERIODIC_RETRY


def test_a_scheduled_task_that_cannot_reach_a_server_asks_to_be_tried_again(db, monkeypatch):
    from trainings import services

    def smtp_down():
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(services, "reminders_send", smtp_down)
    with pytest.raises(Retry) as retry:  # a worker runs it again after the pause
        app.tasks["trainings.tasks.send_reminders"].apply(throw=True)
    assert isinstance(retry.value.exc, ConnectionRefusedError)


def test_a_scheduled_task_with_a_bug_fails_at_once(db, monkeypatch):
    from trainings import services

    calls = []

    def broken():
        calls.append(1)
        raise ValueError("a bug")

    monkeypatch.setattr(services, "reminders_send", broken)
    with pytest.raises(ValueError):
        app.tasks["trainings.tasks.send_reminders"].apply(throw=True)
    assert len(calls) == 1
