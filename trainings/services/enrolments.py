"""Seats and waitlists: enrolling, cancelling, claiming a freed seat, the manager's decision.

Every function that touches seats first locks the session row (`select_for_update`), so
enrolments for one session happen one after the other even when fifty people press the
button at once; `Session.seats_taken` can therefore be kept exactly, and the database
refuses it above capacity as a last line of defence. On SQLite (the embedded default) the
lock is a no-op, but SQLite lets only one transaction write at a time anyway.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial.formatting import event_lazy, money_lazy
from hrsocial.i18n import localized_lazy
from notifications.services import notify
from trainings import permissions
from trainings.models import Completion, Enrolment, Proposal, Session

Status = Enrolment.Status
Approval = Enrolment.Approval


def _locked(session) -> Session:
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("training")
        .get(pk=session.pk)
    )


def _locked_enrolment(enrolment) -> Enrolment:
    """The enrolment as it is now, with its session locked (always in this order: session
    first, then enrolment, so two services never wait for each other)."""
    session = _locked(enrolment.session)
    fresh = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("person")
        .get(pk=enrolment.pk)
    )
    fresh.session = session
    return fresh


def enrolment_create(
    *, session, person, proposal=None, repeat_confirmed=False, now=None
) -> Enrolment:
    """Enrol `person`: a seat when one is free, otherwise a place at the end of the waitlist.

    A paid external training holds the seat until the manager agrees (unless the manager
    proposed it). Refused with a ValidationError, and nothing saved: a cancelled or started
    session, a second enrolment of the same person, or a training the person has already
    completed unless they confirmed they want to follow it again (`repeat_confirmed`; the
    seat would otherwise go to someone who needs it).
    """
    now = now or timezone.now()
    if not person.is_employee:
        raise PermissionDenied
    with transaction.atomic():
        session = _locked(session)
        if session.training.is_elearning or not session.training.is_published:
            raise ValidationError(_("You cannot enrol in this session."), code="unavailable")
        if session.is_cancelled:
            raise ValidationError(_("This session has been cancelled."), code="cancelled")
        if session.has_started(now):
            raise ValidationError(
                _("This session has already started, so you can no longer enrol."), code="past"
            )
        if session.enrolments.active().filter(person=person).exists():
            raise ValidationError(_("You are already enrolled in this session."), code="twice")
        if not repeat_confirmed:
            completion = Completion.objects.filter(person=person, training=session.training).first()
            if completion is not None:
                raise ValidationError(
                    format_lazy(
                        _(
                            "You already completed this training on {date}. Tick the box to "
                            "confirm that you want to follow it again."
                        ),
                        date=date_format(timezone.localtime(completion.completed_at), "j F Y"),
                    ),
                    code="completed",
                )
        if proposal is None:
            proposal = (
                Proposal.objects.open()
                .filter(training=session.training, employee=person)
                .select_related("proposed_by")
                .first()
            )
        enrolment = Enrolment(session=session, person=person, created_at=now)
        if session.training.needs_approval:
            proposed_by_manager = (
                proposal is not None
                and proposal.proposed_by_id is not None
                and proposal.proposed_by_id == person.manager_id
            )
            if proposed_by_manager:
                enrolment.approval = Approval.APPROVED
                enrolment.decided_by_id = proposal.proposed_by_id
            else:
                enrolment.approval = Approval.PENDING
        if session.free_seats > 0:
            _take_seat(enrolment, session, now)
        else:
            enrolment.status = Status.WAITLISTED
        try:
            with transaction.atomic():
                enrolment.save()
        except IntegrityError:  # the same person, twice at the very same moment
            raise ValidationError(
                _("You are already enrolled in this session."), code="twice"
            ) from None
        session.save(update_fields=["seats_taken"])
        if enrolment.is_confirmed:
            _notify_confirmed(enrolment)
        if enrolment.approval == Approval.PENDING:
            _notify_approvers(enrolment)
        if proposal is not None:
            _proposal_accepted(proposal, enrolment, now)
    return enrolment


def _take_seat(enrolment, session, now) -> None:
    enrolment.status = Status.BOOKED
    enrolment.booked_at = now
    if session.in_offer_window(now):
        enrolment.reminded_at = now  # the confirmation is the reminder: it starts within a day
    session.seats_taken += 1


def enrolment_cancel(*, enrolment, cancelled_by, now=None) -> Enrolment:
    """Give up a seat or a waitlist place. A freed seat goes to the waitlist at once."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _locked_enrolment(enrolment)
        session = enrolment.session
        if not enrolment.is_active:
            raise ValidationError(_("This enrolment was already cancelled."), code="cancelled")
        if session.has_started(now):
            raise ValidationError(
                _("This session has already started; it can no longer be cancelled."),
                code="past",
            )
        was_booked = enrolment.is_booked
        enrolment.status = Status.CANCELLED
        enrolment.cancelled_at = now
        enrolment.save(update_fields=["status", "cancelled_at"])
        if was_booked:
            session.seats_taken -= 1
            session.save(update_fields=["seats_taken"])
            seats_fill(session=session, now=now)
        if cancelled_by != enrolment.person:
            title = localized_lazy(enrolment.session.training, "title")
            notify(
                [enrolment.person],
                "trainings.enrolment",
                format_lazy(_("Your enrolment for {title} was cancelled"), title=title),
                _(
                    "HR cancelled your enrolment. "
                    "Ask HR through the helpdesk if this surprises you."
                ),
                url=session.training.get_absolute_url(),
            )
    return enrolment


def seats_fill(*, session, now=None) -> list[Enrolment]:
    """Hand free seats of a locked `session` to its waitlist; returns who got one.

    Up to a day before the start the first in line gets the seat and is told so. Within the
    last day (OFFER_WINDOW) that person may not read the message in time, so everyone on
    the waitlist hears that a seat is free and the first to claim it gets it.
    """
    now = now or timezone.now()
    if session.free_seats <= 0 or session.has_started(now) or session.is_cancelled:
        return []
    waiting = list(session.enrolments.waitlisted().select_related("person"))
    if not waiting:
        return []
    title = localized_lazy(session.training, "title")
    if session.in_offer_window(now):
        for enrolment in waiting:
            notify(
                [enrolment.person],
                "trainings.enrolment",
                format_lazy(_("A seat is free in {title}: first come, first served"), title=title),
                _(
                    "The session starts within a day and a seat has become free. Everyone on "
                    "the waitlist hears this now; the first to take the seat gets it."
                ),
                url=enrolment.get_absolute_url(),
            )
        return []
    promoted = []
    for enrolment in waiting[: session.free_seats]:
        _take_seat(enrolment, session, now)
        enrolment.save(update_fields=["status", "booked_at", "reminded_at"])
        promoted.append(enrolment)
        if enrolment.is_confirmed:
            _notify_confirmed(enrolment, from_waitlist=True)
        else:
            notify(
                [enrolment.person],
                "trainings.enrolment",
                format_lazy(_("You have a seat in {title}"), title=title),
                # Without a manager in the portal, HR decides (Enrolment.approved_by_hr).
                _("A seat became free and it is yours; it is confirmed once HR agrees.")
                if enrolment.approved_by_hr
                else _(
                    "A seat became free and it is yours; it is confirmed once your manager agrees."
                ),
                url=enrolment.get_absolute_url(),
            )
    session.save(update_fields=["seats_taken"])
    return promoted


def enrolment_claim(*, enrolment, now=None) -> Enrolment:
    """A person on the waitlist takes a free seat (offered within the last day)."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _locked_enrolment(enrolment)
        session = enrolment.session
        if enrolment.is_booked:
            raise ValidationError(_("You already have a seat."), code="booked")
        if not enrolment.is_waitlisted:
            raise ValidationError(_("This enrolment was already cancelled."), code="cancelled")
        if session.has_started(now) or session.is_cancelled:
            raise ValidationError(_("This session has already started."), code="past")
        if session.free_seats <= 0:
            raise ValidationError(
                _("Someone else was quicker and took the seat. You stay on the waitlist."),
                code="taken",
            )
        _take_seat(enrolment, session, now)
        enrolment.save(update_fields=["status", "booked_at", "reminded_at"])
        session.save(update_fields=["seats_taken"])
        if enrolment.is_confirmed:
            _notify_confirmed(enrolment, from_waitlist=True)
    return enrolment


def enrolment_approve(*, enrolment, approver, now=None) -> Enrolment:
    """The manager agrees to a paid training: a held seat becomes a confirmed one."""
    with transaction.atomic():
        enrolment = _locked_enrolment(enrolment)
        _check_decision(enrolment, approver)
        enrolment.approval = Approval.APPROVED
        enrolment.decided_by = approver
        enrolment.save(update_fields=["approval", "decided_by"])
        title = localized_lazy(enrolment.session.training, "title")
        if enrolment.is_booked:
            _notify_confirmed(enrolment, approved=True)
        else:
            notify(
                [enrolment.person],
                "trainings.enrolment",
                format_lazy(_("Your manager approved {title}"), title=title),
                _("You are still on the waitlist; when a seat becomes free it is yours."),
                url=enrolment.get_absolute_url(),
            )
    return enrolment


def enrolment_decline(*, enrolment, approver, reason: str, now=None) -> Enrolment:
    """The manager says no to a paid training: the enrolment ends and a held seat is freed."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Tell your colleague why."), code="reason")
    with transaction.atomic():
        enrolment = _locked_enrolment(enrolment)
        _check_decision(enrolment, approver)
        was_booked = enrolment.is_booked
        enrolment.approval = Approval.DECLINED
        enrolment.decided_by = approver
        enrolment.decision_note = reason[:500]
        enrolment.status = Status.CANCELLED
        enrolment.cancelled_at = now
        enrolment.save(
            update_fields=["approval", "decided_by", "decision_note", "status", "cancelled_at"]
        )
        session = enrolment.session
        if was_booked:
            session.seats_taken -= 1
            session.save(update_fields=["seats_taken"])
            seats_fill(session=session, now=now)
        notify(
            [enrolment.person],
            "trainings.enrolment",
            format_lazy(
                _("Your manager declined {title}"), title=localized_lazy(session.training, "title")
            ),
            format_lazy(_("Reason: {reason}"), reason=enrolment.decision_note),
            url=enrolment.get_absolute_url(),
        )
    return enrolment


def _check_decision(enrolment, approver) -> None:
    if not permissions.can_decide(approver, enrolment):
        raise PermissionDenied
    if not enrolment.awaits_approval:
        raise ValidationError(_("This request has already been decided."), code="decided")


def _notify_confirmed(enrolment, *, from_waitlist=False, approved=False) -> None:
    """The confirmation, with the session as an iCalendar attachment (see apps.py)."""
    title = localized_lazy(enrolment.session.training, "title")
    if from_waitlist:
        subject = format_lazy(_("You have a seat in {title}"), title=title)
    elif approved:
        subject = format_lazy(_("Approved: you are enrolled in {title}"), title=title)
    else:
        subject = format_lazy(_("You are enrolled in {title}"), title=title)
    notify(
        [enrolment.person],
        "trainings.enrolment",
        subject,
        format_lazy(
            _(
                "{when}. The e-mail has the calendar invitation attached; you can also "
                "download it in the portal."
            ),
            when=event_lazy(enrolment.session.starts_at),
        ),
        url=enrolment.get_absolute_url(),
    )


def _notify_approvers(enrolment) -> None:
    person = enrolment.person
    approvers = [person.manager] if person.manager_id else list(permissions.hr_approvers())
    training = enrolment.session.training
    notify(
        approvers,
        "trainings.approval",
        format_lazy(
            _("{name} asks to follow {title}"),
            name=person.full_name,
            title=localized_lazy(training, "title"),
        ),
        format_lazy(
            _("A paid external training ({cost}). Approve or decline on your overview page.")
            if person.manager_id
            else _(
                "A paid external training ({cost}). {name} has no manager in the portal, so HR "
                "decides: approve or decline on your overview page."
            ),
            cost=money_lazy(training.cost),
            name=person.full_name,
        ),
        url="/",
    )


def _proposal_accepted(proposal, enrolment, now) -> None:
    proposal.status = Proposal.Status.ACCEPTED
    proposal.enrolment = enrolment
    proposal.decided_at = now
    proposal.save(update_fields=["status", "enrolment", "decided_at"])
    if proposal.proposed_by is None:
        return
    where = _("a seat") if enrolment.is_booked else _("a place on the waitlist")
    notify(
        [proposal.proposed_by],
        "trainings.proposal",
        format_lazy(
            _("{name} enrolled in {title}"),
            name=enrolment.person.full_name,
            title=localized_lazy(proposal.training, "title"),
        ),
        format_lazy(_("Your proposal was accepted: {where}."), where=where),
        url=proposal.get_absolute_url(),
    )
