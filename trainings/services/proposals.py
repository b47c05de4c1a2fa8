"""A manager proposes a training to a direct report; the report enrols or declines.

`training_propose` is the contract with `competencies`: the manager's one-click button on
the competency gap view posts to `trainings:propose`, which calls it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized_lazy
from notifications.services import notify
from trainings import permissions
from trainings.models import Completion, Enrolment, Proposal
from trainings.services.enrolments import enrolment_create


def training_propose(*, training, employee, proposed_by, note: str = "") -> Proposal:
    """Propose `training` to `employee`. Only their own manager may; the employee is told.

    Refused (PermissionDenied) for anyone but the manager; refused (ValidationError) for an
    unpublished training, one the employee is already enrolled in or completed, or a
    proposal that is still open.
    """
    if not permissions.can_propose(proposed_by, employee):
        raise PermissionDenied
    if not training.is_published:
        raise ValidationError(_("This training is not in the catalogue."), code="unpublished")
    if (
        Enrolment.objects.active()
        .upcoming()
        .filter(person=employee, session__training=training)
        .exists()
    ):
        raise ValidationError(
            format_lazy(_("{name} is already enrolled in this training."), name=employee.full_name),
            code="enrolled",
        )
    if Completion.objects.filter(person=employee, training=training).exists():
        raise ValidationError(
            format_lazy(_("{name} has already completed this training."), name=employee.full_name),
            code="completed",
        )
    note = (note or "").strip()[:500]
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                training=training, employee=employee, proposed_by=proposed_by, note=note
            )
            notify(
                [employee],
                "trainings.proposal",
                format_lazy(
                    _("{name} proposes a training: {title}"),
                    name=proposed_by.full_name,
                    title=localized_lazy(training, "title"),
                ),
                note or _("Choose a session to enrol, or tell your manager why not."),
                url=proposal.get_absolute_url(),
            )
    except IntegrityError:
        raise ValidationError(
            format_lazy(
                _("You already proposed this training to {name}."), name=employee.full_name
            ),
            code="open",
        ) from None
    return proposal


def proposal_accept(*, proposal, person, session=None, now=None):
    """The employee says yes: enrols in `session`, or, for an e-learning, starts it."""
    now = now or timezone.now()
    _check_open(proposal, person)
    training = proposal.training
    if not training.is_elearning:
        if session is None or session.training_id != training.pk:
            raise ValidationError(_("Choose one of the sessions."), code="session")
        # The manager proposed it, also when it was completed before: a deliberate repeat.
        return enrolment_create(
            session=session, person=person, proposal=proposal, repeat_confirmed=True, now=now
        )
    with transaction.atomic():
        proposal = _locked_open(proposal, person)
        proposal.status = Proposal.Status.ACCEPTED
        proposal.decided_at = now
        proposal.save(update_fields=["status", "decided_at"])
        if proposal.proposed_by:
            notify(
                [proposal.proposed_by],
                "trainings.proposal",
                format_lazy(
                    _("{name} starts {title}"),
                    name=person.full_name,
                    title=localized_lazy(training, "title"),
                ),
                _("Your proposal was accepted."),
                url=proposal.get_absolute_url(),
            )
    return None


def proposal_decline(*, proposal, person, reason: str, now=None) -> Proposal:
    """The employee says no, with a reason the manager reads."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Tell your manager why."), code="reason")
    _check_open(proposal, person)
    with transaction.atomic():
        proposal = _locked_open(proposal, person)
        proposal.status = Proposal.Status.DECLINED
        proposal.decline_reason = reason[:500]
        proposal.decided_at = now
        proposal.save(update_fields=["status", "decline_reason", "decided_at"])
        if proposal.proposed_by:
            notify(
                [proposal.proposed_by],
                "trainings.proposal",
                format_lazy(
                    _("{name} declined {title}"),
                    name=person.full_name,
                    title=localized_lazy(proposal.training, "title"),
                ),
                format_lazy(_("Reason: {reason}"), reason=proposal.decline_reason),
                url=proposal.get_absolute_url(),
            )
    return proposal


def _locked_open(proposal, person) -> Proposal:
    """The proposal as it is now, locked, so two answers at once cannot both count."""
    fresh = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("training", "proposed_by")
        .get(pk=proposal.pk)
    )
    _check_open(fresh, person)
    return fresh


def _check_open(proposal, person) -> None:
    if proposal.employee_id != person.pk:
        raise PermissionDenied
    if not proposal.is_open:
        raise ValidationError(_("You already answered this proposal."), code="answered")
