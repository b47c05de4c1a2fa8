"""HR's figures: completion and satisfaction per training and per department.

Everything is counted in the database, grouped, in a fixed number of queries however many
trainings and people there are. Satisfaction follows the portal's rule (hrsocial.privacy): it
is shown for a group of at least five different people who rated, and a group that could be
worked out from a shown total minus the other shown groups is hidden too, so nobody's rating
can be traced back to them in a small department.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Avg, Count, Q
from django.utils import timezone

from hrsocial.privacy import MINIMUM_GROUP, Group, suppress
from trainings.models import Completion, Enrolment, Feedback

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
    raters: int = 0  # the different people behind the ratings (who left: nobody)
    rating_sum: float = 0.0
    satisfaction_hidden: bool = False  # complementary suppression (hrsocial.privacy.suppress)
    comments: list = field(default_factory=list)

    @property
    def completion_rate(self) -> int | None:
        """Present as a share of everyone whose attendance was registered."""
        registered = self.present + self.no_show
        return round(100 * self.present / registered) if registered else None

    @property
    def average_rating(self) -> float | None:
        if self.satisfaction_hidden or self.raters < MINIMUM_GROUP:
            return None
        return round(self.rating_sum / self.ratings, 1)

    @property
    def too_few_ratings(self) -> bool:
        return self.ratings > 0 and self.average_rating is None


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
        .annotate(n=Count("pk"), average=Avg("rating"), raters=Count("person", distinct=True))
        .order_by()
    )
    for values in feedback:
        row = row_for(values, "feedback")
        row.ratings, row.raters = values["n"], values["raters"]
        row.rating_sum = float(values["average"]) * values["n"]
    # Alphabetical; people without a department last.
    found = sorted(
        rows.values(),
        key=lambda r: (r.training_name.lower(), r.department_id is None, r.department_name),
    )
    satisfaction_suppress(found, by=by)
    return found


def satisfaction_suppress(rows: list[Row], *, by: tuple[str, ...]) -> None:
    """Hide the satisfaction of groups under five people, and of those a shown total would
    give away by subtraction. Each table has a total beside its rows. The table per training
    and department (the export) adds up both ways: to the training's row of the table per
    training and to the department's row of the table per department, so a cell hidden in
    one direction may force another one hidden in the other; this repeats until nothing
    changes."""
    directions = [(lambda r, name=name: getattr(r, f"{name}_id")) for name in by]
    if len(by) == 1:
        directions = [lambda r: None]  # one table, one total
    changed = True
    while changed:
        changed = False
        for key_of in directions:
            for key in dict.fromkeys(key_of(r) for r in rows):
                changed |= _suppress_satisfaction([r for r in rows if key_of(r) == key])


def _suppress_satisfaction(rows: list[Row]) -> bool:
    """One group of rows beside their total; whether a row was hidden that was shown. A row
    hidden already counts as nobody, so its neighbours cannot give it away."""
    rated = [r for r in rows if r.ratings]
    groups = suppress(
        Group(key=i, label="", people=0 if r.satisfaction_hidden else r.raters, value=None)
        for i, r in enumerate(rated)
    )
    changed = False
    for row, group in zip(rated, groups, strict=True):
        if group.hidden and not row.satisfaction_hidden:
            row.satisfaction_hidden = changed = True
    return changed


def raters(start_date, end_date) -> int:
    """The different people who rated a training in the period: the total row's group."""
    start, end = period_bounds(start_date, end_date)
    found = Feedback.objects.filter(created_at__gte=start, created_at__lt=min(end, timezone.now()))
    return found.aggregate(n=Count("person", distinct=True))["n"]


def totals(rows: list[Row], *, raters: int) -> Row:
    total = Row(raters=raters)
    for row in rows:
        for name in ("sessions", "seats", "present", "no_show", "completions", "ratings"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.rating_sum += row.rating_sum
    return total


@dataclass(frozen=True)
class FeedbackForHR:
    items: list  # the ratings (with their comments), empty unless `ratings_shown`
    ratings_shown: bool
    comments_shown: bool
    rated: bool  # anyone rated at all
    commented: bool  # anyone wrote a comment at all


def feedback_for_hr(training, *, limit: int = 200) -> FeedbackForHR:
    """The ratings on `training` without names. Ratings show once at least MINIMUM_GROUP
    different people rated; comments, which can be recognised by their style, once at least
    MINIMUM_FREE_TEXT different people wrote one (the portal's rule, hrsocial.privacy;
    someone who has left counts for nobody). Neither comes with its session or in the order
    given: HR knows who sat in which session and when."""
    from hrsocial.privacy import MINIMUM_FREE_TEXT

    given = Feedback.objects.filter(training=training)
    found = given.aggregate(
        ratings=Count("pk"),
        rated=Count("person", distinct=True),
        comments=Count("pk", filter=~Q(comment="")),
        wrote=Count("person", distinct=True, filter=~Q(comment="")),
    )
    ratings_shown = found["rated"] >= MINIMUM_GROUP
    items = given.only("rating", "comment").order_by("-rating", "comment")[:limit]
    return FeedbackForHR(
        items=list(items) if ratings_shown else [],
        ratings_shown=ratings_shown,
        comments_shown=ratings_shown and found["wrote"] >= MINIMUM_FREE_TEXT,
        rated=bool(found["ratings"]),
        commented=bool(found["comments"]),
    )
