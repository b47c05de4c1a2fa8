"""What other apps may use of competencies (practices 4 and 8); nothing else is public."""

import datetime

from django.db.models import F, Q, Value
from django.db.models.functions import Greatest

from competencies.gaps import gap_rows, profile_rows
from competencies.models import Competency
from competencies.receivers import record_completed_training
from hrsocial.daily import Figures, day_bounds, distinct_people, per_department

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
    department (hrsocial.daily.distinct_people: one query, counts only)."""
    from competencies.models import AssessmentLine

    lines = AssessmentLine.objects.filter(required_level__isnull=False, manager_level__isnull=False)
    return distinct_people(
        lines, when="review__reviewed_at", person="review__employee",
        department="review__employee__department", start=start, end=end,
        granularity=granularity, figures={"average_gap": None, "at_target": None},
    )  # fmt: skip
