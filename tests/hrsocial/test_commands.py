from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from notifications.models import Notification
from people.models import User


def test_seed_demo_creates_the_demo_accounts_and_is_idempotent(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    for email in ("employee@example.com", "manager@example.com", "hr@example.com",
                  "alumni@example.com", "freelancer@example.com"):  # fmt: skip
        assert User.objects.get(email=email).check_password("demo-pass-2026")
    employee = User.objects.get(email="employee@example.com")
    assert employee.manager.email == "manager@example.com"
    assert User.objects.get(email="hr@example.com").is_hr
    assert User.objects.get(email="manager@example.com").is_manager
    counts = (User.objects.count(), Notification.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (User.objects.count(), Notification.objects.count()) == counts
    assert "employee@example.com" in out.getvalue()


def test_seed_demo_scales_up_for_benchmarks(db):
    call_command("seed_demo", "--scale", "3", stdout=StringIO())
    from alumni.demo import DEPARTURES, PENDING

    # The demo's people at scale 3, the alumni network's sign-ups waiting for HR and the
    # people who left (invited to the network on their end date, or not).
    assert User.objects.count() == 90 + len(PENDING) + len(DEPARTURES)
    assert User.objects.filter(email__startswith="bench.", manager__isnull=False).count() == 60


def test_seed_demo_refuses_a_silly_scale(db):
    with pytest.raises(CommandError):
        call_command("seed_demo", "--scale", "0")


def test_periodic_tasks_can_run_by_hand(db):
    out = StringIO()
    call_command("run_periodic_tasks", "notifications-sweep", stdout=out)
    assert "notifications-sweep: 0" in out.getvalue()
