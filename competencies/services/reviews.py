"""A review's three steps: the employee assesses themselves, the manager reviews (agrees or
sets another level with a comment), the employee reacts. Each step notifies the other side
through the outbox, in the same transaction."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from competencies import permissions
from competencies.models import (
    LEVEL_VALUES,
    AssessedLevel,
    AssessmentLine,
    Competency,
    CompetencyLevel,
    Review,
    ReviewCycle,
    RoleRequirement,
)
from competencies.services.cycles import ASSESSMENT, REVIEW
from hrsocial import audit
from hrsocial.formatting import long_date
from notifications.services import notify
from people.models import User

MAX_TEXT = 2000


@dataclass
class SelfAssessment:
    competency_id: int
    level: int
    evidence: str


@dataclass
class Decision:
    competency_id: int
    level: int
    comment: str = ""


def _check_open(cycle, today) -> None:
    if not cycle.is_open_on(today):
        raise ValidationError(
            _(
                "The review cycle “%(name)s” is not open: assessing and reviewing is possible "
                "from %(start)s to %(end)s, until HR closes it."
            )
            % {
                "name": cycle.name,
                "start": long_date(cycle.starts_on),
                "end": long_date(cycle.ends_on),
            },
            code="cycle_closed",
        )


def _check_level(level, competency_name) -> None:
    if level not in LEVEL_VALUES:
        raise ValidationError(
            _("Choose a level from 1 to 4 for %(competency)s.") % {"competency": competency_name},
            code="level",
        )


def framework_for_review():
    """The competencies a review covers: all in use, with their levels for the snapshot."""
    return list(
        Competency.objects.active()
        .select_related("category")
        .prefetch_related(Prefetch("levels", queryset=CompetencyLevel.objects.order_by("level")))
        .ordered()
    )


def self_assessment_submit(*, review, person, entries, now=None) -> Review:
    """Save the employee's own level and evidence per competency; all or nothing.

    Can be changed until the manager has reviewed. The first submission tells the reviewer.
    """
    now = now or timezone.now()
    if review.employee_id != person.pk:
        raise PermissionDenied
    _check_open(review.cycle, timezone.localdate(now))
    competencies = framework_for_review()
    by_id = {entry.competency_id: entry for entry in entries}
    missing = [c for c in competencies if c.pk not in by_id]
    if missing:
        raise ValidationError(
            _("Assess every competency; missing: %(names)s.")
            % {"names": ", ".join(str(c) for c in missing)},
            code="incomplete",
        )
    for competency in competencies:
        entry = by_id[competency.pk]
        _check_level(entry.level, competency)
        if not entry.evidence.strip():
            raise ValidationError(
                _("Give an example that shows your level of %(competency)s.")
                % {"competency": competency},
                code="evidence",
            )
    required = {}
    if person.job_role_id:
        required = dict(
            RoleRequirement.objects.filter(job_role_id=person.job_role_id).values_list(
                "competency_id", "level"
            )
        )
    with transaction.atomic():
        review = Review.objects.select_for_update().select_related("cycle").get(pk=review.pk)
        if review.status == Review.Status.REVIEWED:
            raise ValidationError(
                _("Your manager has already reviewed this; it can no longer be changed."),
                code="reviewed",
            )
        first = review.status == Review.Status.SELF_ASSESSMENT
        review.lines.all().delete()
        AssessmentLine.objects.bulk_create(
            [
                AssessmentLine(
                    review=review,
                    competency=competency,
                    self_level=by_id[competency.pk].level,
                    evidence=by_id[competency.pk].evidence.strip()[:MAX_TEXT],
                    required_level=required.get(competency.pk),
                    framework=competency.snapshot(),
                )
                for competency in competencies
            ]
        )
        review.status = Review.Status.AWAITING_REVIEW
        review.self_assessed_at = now
        review.save(update_fields=["status", "self_assessed_at"])
        if first:
            _notify_reviewers(review, person)
    return review


def reviewers_of(person) -> list:
    """Who reviews this person: their manager, or HR when they have none."""
    if person.manager_id:
        manager = person.manager
        return [manager] if manager.is_active else list(User.objects.hr_staff())
    return list(User.objects.hr_staff().exclude(pk=person.pk))


def _notify_reviewers(review, person) -> None:
    notify(
        reviewers_of(person),
        REVIEW,
        lambda: (
            _("%(name)s has assessed their competencies: your review, please")
            % {"name": person.full_name}
        ),
        lambda: (
            _("Agree with each level or choose another with a comment, before %(date)s.")
            % {"date": long_date(review.cycle.ends_on)}
        ),
        url=review.get_absolute_url(),
    )


def review_submit(*, review, reviewer, decisions, now=None) -> Review:
    """The manager's review: per competency the employee's level (agreed) or another level
    with a comment. Sets the person's assessed levels and tells them; all or nothing."""
    now = now or timezone.now()
    employee = review.employee
    if not permissions.can_review(reviewer, employee):
        raise ValidationError(
            _("You can only review the assessments of your own team members."),
            code="not_your_report",
        )
    _check_open(review.cycle, timezone.localdate(now))
    if review.status == Review.Status.SELF_ASSESSMENT:
        raise ValidationError(
            _("%(name)s has not assessed themselves yet.") % {"name": employee.full_name},
            code="not_assessed",
        )
    if review.status == Review.Status.REVIEWED:
        raise ValidationError(_("This review has already been completed."), code="reviewed")
    lines = list(review.lines.select_related("competency"))
    by_id = {decision.competency_id: decision for decision in decisions}
    errors = []
    for line in lines:
        decision = by_id.get(line.competency_id)
        if decision is None:
            errors.append(_("Review every competency; missing: %(name)s.") % {"name": line.name})
            continue
        try:
            _check_level(decision.level, line.name)
        except ValidationError as error:
            errors += error.messages
            continue
        if decision.level != line.self_level and not decision.comment.strip():
            errors.append(
                _("Explain in a comment why you choose another level for %(name)s.")
                % {"name": line.name}
            )
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        locked = Review.objects.select_for_update().get(pk=review.pk)
        if locked.status != Review.Status.AWAITING_REVIEW:
            raise ValidationError(_("This review has already been completed."), code="reviewed")
        for line in lines:
            decision = by_id[line.competency_id]
            line.manager_level = decision.level
            line.manager_comment = decision.comment.strip()[:MAX_TEXT]
        AssessmentLine.objects.bulk_update(lines, ["manager_level", "manager_comment"])
        review.status = Review.Status.REVIEWED
        review.reviewed_at = now
        review.reviewed_by = reviewer
        review.save(update_fields=["status", "reviewed_at", "reviewed_by"])
        _set_assessed_levels(review, lines, timezone.localdate(now))
        changed = sum(1 for line in lines if line.changed_by_manager)
        notify(
            [employee],
            ASSESSMENT,
            lambda: _("%(name)s has reviewed your competencies") % {"name": reviewer.full_name},
            lambda: (
                _("See the outcome and your gaps, and add your reaction if you like.")
                if not changed
                else _(
                    "Some levels differ from yours, with an explanation. See the outcome and react."
                )
            ),
            url=review.get_absolute_url(),
        )
    return review


def _set_assessed_levels(review, lines, today) -> None:
    """The review's outcome becomes the person's current level, unless a review of a later
    cycle already set it (a late review of an old cycle does not overwrite the present)."""
    current = {
        level.competency_id: level
        for level in AssessedLevel.objects.filter(person_id=review.employee_id).select_related(
            "review__cycle"
        )
    }
    for line in lines:
        existing = current.get(line.competency_id)
        if (
            existing
            and existing.review
            and existing.review.cycle.starts_on > review.cycle.starts_on
        ):
            continue
        AssessedLevel.objects.update_or_create(
            person_id=review.employee_id,
            competency_id=line.competency_id,
            defaults={
                "level": line.manager_level,
                "self_level": line.self_level,
                "review": review,
                "assessed_on": today,
            },
        )


def reaction_add(*, review, person, text: str, now=None) -> Review:
    """The employee's reaction to the outcome, once; the reviewer is told."""
    if review.employee_id != person.pk:
        raise PermissionDenied
    if review.status != Review.Status.REVIEWED:
        raise ValidationError(
            _("You can react once your manager has reviewed your assessment."), code="early"
        )
    if review.cycle.status == ReviewCycle.Status.CLOSED:
        raise ValidationError(_("This cycle is closed."), code="cycle_closed")
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write your reaction first."), code="empty")
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("Keep your reaction under %(max)s characters.") % {"max": MAX_TEXT}, code="long"
        )
    with transaction.atomic():
        locked = Review.objects.select_for_update().get(pk=review.pk)
        if locked.reacted_at:
            raise ValidationError(_("You have already reacted to this review."), code="twice")
        review.reaction = text
        review.reacted_at = now or timezone.now()
        review.save(update_fields=["reaction", "reacted_at"])
        if review.reviewed_by_id:
            notify(
                [review.reviewed_by],
                REVIEW,
                lambda: _("%(name)s reacted to your review") % {"name": person.full_name},
                text[:300],
                url=review.get_absolute_url(),
            )
    return review


def reviews_of_leaver_withdraw(*, person, withdrawn_by=None) -> int:
    """Someone left: their reviews still open in a cycle that is not closed are removed, so
    cycle progress counts only people who are still here. Finished reviews stay."""
    open_reviews = Review.objects.filter(employee=person, cycle__closed_at__isnull=True).exclude(
        status=Review.Status.REVIEWED
    )
    removed, _details = open_reviews.delete()
    if removed:
        audit.record(
            actor=withdrawn_by, action="competencies.reviews_withdraw", target=person, count=removed
        )
    return removed
