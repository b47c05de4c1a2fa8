"""The shared context of `manage.py seed_demo`: each app's `<app>/demo.py` has a
`seed(ctx: DemoContext)` function, called after the apps its config names in `seed_after`.
Seeding must be idempotent: running the command twice changes nothing the second time."""

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from hrsocial.workdays import working_day_from

DEMO_PASSWORD = "demo-pass-2026"

DEMO_ACCOUNTS = [
    ("employee@example.com", "employee, reports to the manager"),
    ("manager@example.com", "manager of the Communication team"),
    ("hr@example.com", "HR staff (and HR lead, admin access)"),
    ("alumni@example.com", "alumnus (former employee)"),
    ("freelancer@example.com", "freelancer"),
]


@dataclass
class DemoContext:
    stdout: object
    scale: int = 1
    rng: random.Random = field(default_factory=lambda: random.Random(2026))

    def log(self, message: str) -> None:
        self.stdout.write(f"  {message}")

    def person(self, email: str):
        return get_user_model().objects.get(email=email)


def demo_day(days: int) -> datetime.date:
    """The working day about `days` days from today (local time), for a dated demo row.

    A day on a week-end or public holiday moves away from today: a past day earlier, a future
    day (or today, `days=0`) later. So a past row stays in the past and a future row in the
    future whatever the hour, at the cost of up to four days further out.
    """
    day = timezone.localdate() + datetime.timedelta(days=days)
    return working_day_from(day, step=-1 if days < 0 else 1)


def demo_moment(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """`hour:minute` local time on `demo_day(days)` (working hours never meet a clock change)."""
    return timezone.make_aware(
        datetime.datetime.combine(demo_day(days), datetime.time(hour, minute))
    )
