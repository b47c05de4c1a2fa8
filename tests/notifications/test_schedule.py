"""The periodic runner of the embedded mode, the recorded runs, and HR's view of them."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from notifications import services
from notifications.management.commands.run_periodic_tasks import Command, due_entries
from notifications.models import Notification, PeriodicTaskRun

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SWEEP = "notifications.tasks.sweep_undelivered"
DIGEST = "notifications.tasks.send_daily_digests"


@time_machine.travel(datetime(2026, 3, 4, 10, 0, tzinfo=AMSTERDAM), tick=False)
def test_it_runs_a_frequent_task_at_once_and_a_daily_one_at_its_time():
    started = timezone.now()
    due = due_entries(last_started={}, started_at=started)
    assert "notifications-sweep" in due
    assert "notifications-daily-digest" not in due  # 07:00, and the runner started at 10:00


@time_machine.travel(datetime(2026, 3, 4, 10, 0, tzinfo=AMSTERDAM), tick=False)
def test_it_runs_a_missed_daily_task_once_late_and_skips_one_that_just_ran():
    now = timezone.now()
    yesterday_7 = datetime(2026, 3, 3, 7, 0, tzinfo=AMSTERDAM)
    due = due_entries(
        last_started={SWEEP: now - timedelta(seconds=20), DIGEST: yesterday_7}, started_at=now
    )
    assert "notifications-daily-digest" in due  # today's 07:00 was missed
    assert "notifications-sweep" not in due  # ran 20 s ago, runs every minute


def test_the_loop_records_each_run_and_runs_only_what_is_due(db):
    command = Command()
    first = command.run_due(started_at=timezone.now())
    assert "notifications-sweep" in first
    assert PeriodicTaskRun.objects.filter(task=SWEEP, outcome="ok").exists()
    assert "notifications-sweep" not in command.run_due(started_at=timezone.now())


def test_hr_sees_that_scheduled_work_does_not_run(client, hanna):
    client.force_login(hanna)
    response = client.get(reverse("home"))
    assert "Geplande taken lopen niet" in response.content.decode()


def test_hr_sees_no_warning_while_the_schedule_runs(client, hanna):
    services.periodic_task_started(task=SWEEP)
    services.periodic_task_finished(task=SWEEP)
    client.force_login(hanna)
    response = client.get(reverse("home"))
    assert "Geplande taken lopen niet" not in response.content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        services.SCHEDULE_STATE.forget()
        response = client.get(reverse("home"))
    assert "Geplande taken lopen niet" in response.content.decode()


def test_employees_see_no_warning(client, emma):
    client.force_login(emma)
    assert "Geplande taken" not in client.get(reverse("home")).content.decode()


def test_the_page_lists_each_task_and_the_failed_emails(client, hanna, emma):
    services.periodic_task_started(task=SWEEP)
    services.periodic_task_finished(task=SWEEP, error="RuntimeError: database gone")
    Notification.objects.create(
        recipient=emma,
        category="general",
        title="Hallo",
        email_status=Notification.EmailStatus.FAILED,
        last_error="550 no such user",
    )
    client.force_login(hanna)
    page = client.get(reverse("notifications:scheduled-tasks")).content.decode()
    assert "notifications-sweep" in page and "RuntimeError: database gone" in page
    assert "helpdesk-sla" in page and "nooit" in page
    assert "550 no such user" in page and "emma@example.com" in page


@pytest.mark.parametrize("persona", ["emma", "milan"])
def test_only_hr_opens_the_page(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("notifications:scheduled-tasks")).status_code == 403
