"""HR's figures: completion and satisfaction per training and per department.

Everything is counted in the database, grouped, in a fixed number of queries however many
trainings and people there are. Satisfaction is only shown for a group with at least
MIN_RATINGS ratings, so nobody's rating can be traced back to them in a small department.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Avg, Count, Q
from django.utils import timezone

from trainings.models import Completion, Enrolment, Feedback

MIN_RATINGS = 3

# How each source is grouped: by training, by department, or by both (id and name, so the
# names come with the counts instead of from a second query).
KEYS = {
    "enrolments": {
        "training": ("session__training_id", "session__training__title"),
        "department": ("person__department_id", "person__department__name"),
    },
    "completions": {
        "training": ("training_id", "training__title"),
        "department": ("person__department_id", "person__department__name"),
    },
    "feedback": {
        "training": ("training_id", "training__title"),
        "department": ("department_id", "department__name"),
    },
}


@dataclass
class Row:
    training_id: int | None = None
    training_name: str = ""
    department_id: int | None = None
    department_name: str = ""
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
        key = tuple(values[KEYS[source][name][0]] for name in by)
        if key not in rows:
            fields = {}
            for name in by:
                id_field, name_field = KEYS[source][name]
                fields[f"{name}_id"] = values[id_field]
                fields[f"{name}_name"] = values[name_field] or ""
            rows[key] = Row(**fields)
        return rows[key]

    def columns(source):
        return [column for name in by for column in KEYS[source][name]]

    attendance = Enrolment.Attendance
    enrolments = (
        Enrolment.objects.booked()
        .filter(
            session__starts_at__gte=start,
            session__starts_at__lt=end,
            session__cancelled_at__isnull=True,
        )
        .values(*columns("enrolments"))
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
        .values(*columns("completions"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    for values in completions:
        row_for(values, "completions").completions = values["n"]
    feedback = (
        Feedback.objects.filter(created_at__gte=start, created_at__lt=end)
        .values(*columns("feedback"))
        .annotate(n=Count("pk"), average=Avg("rating"))
        .order_by()
    )
    for values in feedback:
        row = row_for(values, "feedback")
        row.ratings = values["n"]
        row.rating_sum = float(values["average"]) * values["n"]
    # Alphabetical; people without a department last.
    return sorted(
        rows.values(),
        key=lambda r: (r.training_name.lower(), r.department_id is None, r.department_name),
    )


def totals(rows: list[Row]) -> Row:
    total = Row()
    for row in rows:
        for name in ("sessions", "seats", "present", "no_show", "completions", "ratings"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.rating_sum += row.rating_sum
    return total


def feedback_for_hr(training, *, limit: int = 200) -> tuple[list[Feedback], bool, bool]:
    """The ratings on `training` without names, newest first, whether their comments may be
    shown, and whether there are comments at all. Free text can be recognised by its style,
    so comments show only once at least MINIMUM_FREE_TEXT different people wrote one (the
    portal's rule, hrsocial.privacy); a comment whose writer has left counts for nobody."""
    from hrsocial.privacy import MINIMUM_FREE_TEXT

    given = Feedback.objects.filter(training=training)
    written = given.exclude(comment="").aggregate(
        n=Count("pk"), people=Count("person", distinct=True)
    )
    feedback = list(
        given.select_related("session").only(
            "rating", "comment", "created_at", "session__starts_at"
        )[:limit]
    )
    return feedback, written["people"] >= MINIMUM_FREE_TEXT, bool(written["n"])
