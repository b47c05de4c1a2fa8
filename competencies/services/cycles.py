"""HR opens and closes review cycles; a daily task adds newcomers and sends reminders."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from competencies.models import Review, ReviewCycle
from hrsocial import audit
from hrsocial.formatting import long_date
from notifications.services import notify
from people.models import User

ASSESSMENT = "competencies.assessment"  # notifications to the person assessed
REVIEW = "competencies.review"  # notifications to the reviewer


def cycle_validate(*, starts_on, self_assessment_due, ends_on, departments, today=None) -> None:
    """The rules for a cycle's period, with a message per field; raises ValidationError."""
    today = today or timezone.localdate()
    errors = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("A cycle cannot end before it starts.")
    elif ends_on and ends_on < today:
        errors["ends_on"] = _("A cycle cannot end in the past.")
    if (
        "ends_on" not in errors
        and self_assessment_due
        and starts_on
        and ends_on
        and not (starts_on <= self_assessment_due <= ends_on)
    ):
        errors["self_assessment_due"] = _(
            "The self-assessments must be due within the cycle's period."
        )
    if not departments:
        errors["departments"] = _("Choose at least one department.")
    if errors:
        raise ValidationError(errors)


def cycle_open(
    *, name, starts_on, self_assessment_due, ends_on, departments, opened_by, today=None
) -> ReviewCycle:
    """Open a cycle for these departments: everyone working there gets a review to fill in
    and a notification. All or nothing."""
    departments = list(departments)
    cycle_validate(
        starts_on=starts_on,
        self_assessment_due=self_assessment_due,
        ends_on=ends_on,
        departments=departments,
        today=today,
    )
    with transaction.atomic():
        cycle = ReviewCycle(
            name=name.strip(),
            starts_on=starts_on,
            self_assessment_due=self_assessment_due,
            ends_on=ends_on,
            created_by=opened_by,
        )
        cycle.full_clean()
        cycle.save()
        cycle.departments.set(departments)
        added = cycle_add_newcomers(cycle=cycle)
        audit.record(actor=opened_by, action="competencies.cycle_open", target=cycle, reviews=added)
    return cycle


def cycle_add_newcomers(*, cycle) -> int:
    """Give everyone in the cycle's departments who has no review in it yet a review, and
    tell them. Opening a cycle uses it; the daily task catches people who joined since."""
    people = list(
        User.objects.employees()
        .filter(department__in=cycle.departments.all())
        .exclude(competency_reviews__cycle=cycle)
    )
    if not people:
        return 0
    Review.objects.bulk_create(
        [Review(cycle=cycle, employee=person) for person in people],
        batch_size=1000,
        ignore_conflicts=True,
    )
    notify(
        people,
        ASSESSMENT,
        lambda: (
            _("Competency review: assess yourself before %(date)s")
            % {"date": long_date(cycle.self_assessment_due)}
        ),
        lambda: (
            _(
                "The review cycle “%(name)s” has started. Choose your level per competency and "
                "give an example of each; then your manager reviews it."
            )
            % {"name": cycle.name}
        ),
        url=reverse("competencies:index"),
    )
    return len(people)


def cycle_close(*, cycle, closed_by, now=None) -> None:
    """Close a cycle early or after its end: nothing can be assessed or reviewed in it any
    more; what was done stays."""
    if cycle.status == ReviewCycle.Status.CLOSED:
        raise ValidationError(_("This cycle is already closed."))
    cycle.status = ReviewCycle.Status.CLOSED
    cycle.closed_at = now or timezone.now()
    cycle.save(update_fields=["status", "closed_at"])
    audit.record(actor=closed_by, action="competencies.cycle_close", target=cycle)


def _due_soon(day, today) -> bool:
    return 0 <= (day - today).days <= settings.COMPETENCIES_REMINDER_DAYS


def reminders_send(*, now=None) -> dict:
    """Once per review and kind: remind employees whose self-assessment is due within
    COMPETENCIES_REMINDER_DAYS days, and reviewers of the reviews due within as many days.
    Safe to run more often than daily, and by two workers at once."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = {"self": 0, "review": 0, "newcomers": 0}
    for cycle in ReviewCycle.objects.open_on(today):
        sent["newcomers"] += cycle_add_newcomers(cycle=cycle)
        if _due_soon(cycle.self_assessment_due, today):
            sent["self"] += _remind_employees(cycle, now)
        if _due_soon(cycle.ends_on, today):
            sent["review"] += _remind_reviewers(cycle, now)
    return sent


def _claim(queryset, field: str, now) -> list[Review]:
    """Reviews due a reminder, marked as reminded in the same transaction; rows another
    worker is handling are skipped."""
    reviews = list(
        queryset.filter(**{f"{field}__isnull": True})
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("employee")
    )
    Review.objects.filter(pk__in=[r.pk for r in reviews]).update(**{field: now})
    return reviews


def _remind_employees(cycle, now) -> int:
    with transaction.atomic():
        reviews = _claim(
            cycle.reviews.filter(status=Review.Status.SELF_ASSESSMENT), "self_reminder_sent_at", now
        )
        notify(
            [review.employee for review in reviews],
            ASSESSMENT,
            lambda: (
                _("Reminder: assess your competencies before %(date)s")
                % {"date": long_date(cycle.self_assessment_due)}
            ),
            lambda: _("Your self-assessment in “%(name)s” is still open.") % {"name": cycle.name},
            url=reverse("competencies:index"),
        )
    return len(reviews)


def _remind_reviewers(cycle, now) -> int:
    with transaction.atomic():
        reviews = _claim(
            cycle.reviews.filter(status=Review.Status.AWAITING_REVIEW),
            "review_reminder_sent_at",
            now,
        )
        waiting = {}  # reviewer id -> number of reviews
        without_manager = 0
        for review in reviews:
            if review.employee.manager_id:
                waiting[review.employee.manager_id] = waiting.get(review.employee.manager_id, 0) + 1
            else:
                without_manager += 1
        reviewers = {u.pk: u for u in User.objects.filter(pk__in=waiting)}
        for reviewer_id, count in waiting.items():
            _remind_reviewer([reviewers[reviewer_id]], cycle, count)
        if without_manager:
            _remind_reviewer(list(User.objects.hr_staff()), cycle, without_manager)
    return len(reviews)


def _remind_reviewer(recipients, cycle, count) -> None:
    notify(
        recipients,
        REVIEW,
        lambda: (
            ngettext(
                "Reminder: %(count)s competency review waiting, due %(date)s",
                "Reminder: %(count)s competency reviews waiting, due %(date)s",
                count,
            )
            % {"count": count, "date": long_date(cycle.ends_on)}
        ),
        lambda: _("Review them in “%(name)s” before the cycle ends.") % {"name": cycle.name},
        url=reverse("competencies:team"),
    )
