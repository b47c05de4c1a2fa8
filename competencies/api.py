"""What other apps may use of competencies (practices 4 and 8); nothing else is public."""

import datetime

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from competencies.gaps import gap_rows, profile_rows
from competencies.models import Competency
from competencies.receivers import record_completed_training
from hrsocial.daily import (
    Figures,
    day_bounds,
    distinct_people,
    per_department,
    period_end,
    period_starts,
)

__all__ = [
    "Competency",
    "daily_figures",
    "people_behind",
    "gap_rows",
    "profile_rows",
    "record_completed_training",
]


def daily_figures(day: datetime.date) -> dict[str, Figures]:
    """For insights: per department, the reviews done on `day`, at its end the share of the
    reviews of open cycles that are done, and of the competencies reviewed that day the
    average gap to the required level, the share at that level and the gaps found
    (hrsocial.daily). Five queries."""
    from competencies.models import AssessmentLine, Review, ReviewCycle

    start, end = day_bounds(day)
    reviewed = Review.objects.filter(reviewed_at__gte=start, reviewed_at__lt=end)
    lines = AssessmentLine.objects.filter(
        review__reviewed_at__gte=start, review__reviewed_at__lt=end,
        required_level__isnull=False, manager_level__isnull=False,
    )  # fmt: skip
    gap = Greatest(F("required_level") - F("manager_level"), Value(0))
    department = "review__employee__department"
    return {
        "reviews_done": per_department(reviewed, "employee__department"),
        "cycle_progress": per_department(
            Review.objects.filter(cycle__in=ReviewCycle.objects.open_on(day)),
            "employee__department",
            hit=Q(status=Review.Status.REVIEWED),
        ),  # fmt: skip
        "average_gap": per_department(lines, department, amount=gap),
        "at_target": per_department(
            lines, department, hit=Q(manager_level__gte=F("required_level"))
        ),
        "gaps_found": per_department(
            lines.filter(manager_level__lt=F("required_level")), department
        ),
    }


def people_behind(start: datetime.date, end: datetime.date, granularity: str) -> dict:
    """For insights: the distinct people reviewed behind the average gap and the share at
    the required level, which average over competencies (several per person), per period and
    department (hrsocial.daily.distinct_people: one query, counts only), and the people
    behind cycle progress (`cycle_people`: one query)."""
    from competencies.models import AssessmentLine

    lines = AssessmentLine.objects.filter(required_level__isnull=False, manager_level__isnull=False)
    found = distinct_people(
        lines, when="review__reviewed_at", person="review__employee",
        department="review__employee__department", start=start, end=end,
        granularity=granularity, figures={"average_gap": None, "at_target": None},
    )  # fmt: skip
    return found | {"cycle_progress": cycle_people(start, end, granularity)}


def cycle_people(start: datetime.date, end: datetime.date, granularity: str) -> dict:
    """The people behind cycle progress, in the shape of hrsocial.daily.distinct_people.

    Its daily rows count every day's reviews of the open cycles, so their base summed over a
    period counts person-days: two people over twenty days would make forty. Here: the people
    with a review in a cycle open in the period, per department and for the organisation. A
    person is in one cycle once and in one department, so per cycle the distinct people are
    one grouped count; where cycles overlap a period a department counts its largest cycle,
    never their sum (the same person may be in both), and the organisation the sum of its
    departments: a lower bound, which can only hide more."""
    from competencies.models import Review

    per_cycle = {}
    rows = (
        Review.objects.filter(cycle__starts_on__lte=end, cycle__ends_on__gte=start)
        .values("cycle", "cycle__starts_on", "cycle__ends_on", "cycle__closed_at",
                "employee__department")
        .annotate(n=Count("employee", distinct=True))
        .order_by()
    )  # fmt: skip
    for row in rows:
        # A cycle closed early is in the daily rows only until it closed.
        closed = row["cycle__closed_at"]
        last = min(row["cycle__ends_on"], timezone.localdate(closed)) if closed else None
        cycle = per_cycle.setdefault(
            row["cycle"],
            {"from": row["cycle__starts_on"], "to": last or row["cycle__ends_on"], "n": {}},
        )
        cycle["n"][row["employee__department"]] = row["n"]

    def largest(first: datetime.date, last: datetime.date) -> dict:
        found = {}
        for cycle in per_cycle.values():
            if cycle["from"] <= last and cycle["to"] >= first:
                for group, n in cycle["n"].items():
                    found[group] = max(found.get(group, 0), n)
        # Departments do not share people: the organisation has at least their sum.
        return found | {"organisation": sum(found.values())}

    found = {"period": largest(start, end)}
    for first in period_starts(start, end, granularity):
        found[first] = largest(max(first, start), min(period_end(first, granularity), end))
    return found
