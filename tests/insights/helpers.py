"""Departments of known sizes and daily figures for insights' tests."""

import datetime

from django.utils import timezone

from insights.models import DailyFigure
from tests.factories import DepartmentFactory, UserFactory


def department(name: str, people: int, code: str | None = None):
    dept = DepartmentFactory(name=name, code=code or name.replace(" ", "").upper()[:20])
    for n in range(people):
        UserFactory(email=f"{code or name}-{n}@example.com".lower(), department=dept)
    return dept


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def figure(key: str, dept, amount: float, base: int = 0, *, day=None):
    return DailyFigure.objects.create(
        day=day or days_ago(10), figure=key, department=dept, amount=amount, base=base
    )
