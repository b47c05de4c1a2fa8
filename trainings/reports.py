"""HR's figures: completion and satisfaction per training and per department.

Everything is counted in the database, grouped, in a fixed number of queries however many
trainings and people there are. Satisfaction is only shown for a group with at least
MIN_RATINGS ratings, so nobody's rating can be traced back to them in a small department.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Avg, Count, Q
from django.utils import timezone

from people.models import Department
from trainings.models import Completion, Enrolment, Feedback, Training

MIN_RATINGS = 3

# How each source is grouped: by training, by department, or by both.
KEYS = {
    "enrolments": {"training": "session__training_id", "department": "person__department_id"},
    "completions": {"training": "training_id", "department": "person__department_id"},
    "feedback": {"training": "training_id", "department": "department_id"},
}


@dataclass
class Row:
    training: object = None
    department: object = None
    sessions: int = 0
    seats: int = 0
    present: int = 0
    no_show: int = 0
    completions: int = 0
    ratings: int = 0
    rating_sum: float = 0.0
    comments: list = field(default_factory=list)

    @property
    def completion_rate(self) -> int | None:
        """Present as a share of everyone whose attendance was registered."""
        registered = self.present + self.no_show
        return round(100 * self.present / registered) if registered else None

    @property
    def average_rating(self) -> float | None:
        if self.ratings < MIN_RATINGS:
            return None
        return round(self.rating_sum / self.ratings, 1)

    @property
    def too_few_ratings(self) -> bool:
        return 0 < self.ratings < MIN_RATINGS


def period_bounds(start_date, end_date):
    """Local dates to aware datetimes: from the start of `start_date` up to the end of
    `end_date`, in Dutch time."""
    return (
        timezone.make_aware(datetime.combine(start_date, time.min)),
        timezone.make_aware(datetime.combine(end_date + timedelta(days=1), time.min)),
    )


def report(start_date, end_date, by: tuple[str, ...] = ("training",)) -> list[Row]:
    start, end = period_bounds(start_date, end_date)
    end = min(end, timezone.now())
    rows: dict[tuple, Row] = {}

    def row_for(values: dict, source: str) -> Row:
        key = tuple(values[KEYS[source][name]] for name in by)
        if key not in rows:
            rows[key] = Row(**{name: values[KEYS[source][name]] for name in by})
        return rows[key]

    attendance = Enrolment.Attendance
    enrolments = (
        Enrolment.objects.booked()
        .filter(
            session__starts_at__gte=start,
            session__starts_at__lt=end,
            session__cancelled_at__isnull=True,
        )
        .values(*(KEYS["enrolments"][name] for name in by))
        .annotate(
            sessions=Count("session", distinct=True),
            seats=Count("pk"),
            present=Count("pk", filter=Q(attendance=attendance.PRESENT)),
            no_show=Count("pk", filter=Q(attendance=attendance.NO_SHOW)),
        )
        .order_by()
    )
    for values in enrolments:
        row = row_for(values, "enrolments")
        row.sessions, row.seats = values["sessions"], values["seats"]
        row.present, row.no_show = values["present"], values["no_show"]
    completions = (
        Completion.objects.filter(completed_at__gte=start, completed_at__lt=end)
        .values(*(KEYS["completions"][name] for name in by))
        .annotate(n=Count("pk"))
        .order_by()
    )
    for values in completions:
        row_for(values, "completions").completions = values["n"]
    feedback = (
        Feedback.objects.filter(created_at__gte=start, created_at__lt=end)
        .values(*(KEYS["feedback"][name] for name in by))
        .annotate(n=Count("pk"), average=Avg("rating"))
        .order_by()
    )
    for values in feedback:
        row = row_for(values, "feedback")
        row.ratings = values["n"]
        row.rating_sum = float(values["average"]) * values["n"]
    return _named(list(rows.values()), by)


def _named(rows: list[Row], by) -> list[Row]:
    """Replace ids by trainings and departments: two queries, not one per row."""
    if "training" in by:
        trainings = Training.objects.in_bulk({r.training for r in rows if r.training})
        for row in rows:
            row.training = trainings.get(row.training)
    if "department" in by:
        departments = Department.objects.in_bulk({r.department for r in rows if r.department})
        for row in rows:
            row.department = departments.get(row.department)
    return sorted(
        rows,
        key=lambda r: (
            str(r.training) if r.training else "",
            str(r.department) if r.department else "~",
        ),
    )


def totals(rows: list[Row]) -> Row:
    total = Row()
    for row in rows:
        for name in ("sessions", "seats", "present", "no_show", "completions", "ratings"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.rating_sum += row.rating_sum
    return total
