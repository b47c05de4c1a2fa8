"""HR's changes to one participant: cancel a seat (with a reason the person reads), or move
the person to another session of the same training.

Both free the seat through the same path as a person's own cancellation, so the waitlist is
promoted (or, within the last day, offered the seat) exactly as `seats_fill` does; the locks
and the seat-taking step are the seat services' own, so seats change in one way only. Both are
written to the audit log. An action on a session that has already started (HR correcting
the records afterwards) needs `past_confirmed`: the form asks for it, and the service
refuses without it, so a stale page or a replayed request cannot do it by accident.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial import audit
from notifications.services import notify
from trainings import permissions
from trainings.models import Enrolment

# The locks and the seat-taking step are the seat services' own: one way to touch seats.
from trainings.services.enrolments import _locked, _locked_enrolment, _take_seat, seats_fill

Status = Enrolment.Status
REASON_MAX = 500


def _checked(enrolment, *, by, past_confirmed, now) -> None:
    if not permissions.can_manage(by):
        raise PermissionDenied
    if not enrolment.is_active:
        raise ValidationError(_("This enrolment was already cancelled."), code="cancelled")
    if enrolment.attendance == Enrolment.Attendance.PRESENT:
        raise ValidationError(
            _(
                "This person was registered as present, so the training counts as completed. "
                "Change the attendance first if that was a mistake."
            ),
            code="present",
        )
    if enrolment.session.has_started(now) and not past_confirmed:
        raise ValidationError(
            _(
                "This session has already started. Tick the box to confirm that you are "
                "changing a session in the past."
            ),
            code="confirm_past",
        )


def _end(enrolment, *, by, reason: str, now) -> bool:
    """Cancel a locked enrolment on HR's behalf; returns whether it had a seat."""
    was_booked = enrolment.is_booked
    enrolment.status = Status.CANCELLED
    enrolment.cancelled_at = now
    enrolment.cancelled_by = by
    enrolment.cancel_reason = reason
    enrolment.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
    if was_booked:
        session = enrolment.session
        session.seats_taken -= 1
        session.save(update_fields=["seats_taken"])
        seats_fill(session=session, now=now)
    return was_booked


def seat_cancel(*, enrolment, cancelled_by, reason: str, past_confirmed=False, now=None):
    """HR cancels one participant's seat (or waitlist place) with a reason.

    The person reads the reason on the enrolment's page and in the notification; a freed
    seat goes to the waitlist. Refused with a ValidationError, and nothing saved: no reason,
    an enrolment already ended or registered as present, or a started session without
    `past_confirmed`.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()[:REASON_MAX]
    if not reason:
        raise ValidationError(_("Give the reason: the participant reads it."), code="reason")
    with transaction.atomic():
        enrolment = _locked_enrolment(enrolment)
        _checked(enrolment, by=cancelled_by, past_confirmed=past_confirmed, now=now)
        was_booked = _end(enrolment, by=cancelled_by, reason=reason, now=now)
        training = enrolment.session.training
        notify(
            [enrolment.person],
            "trainings.enrolment",
            format_lazy(_("HR cancelled your enrolment for {title}"), title=training.display_title),
            format_lazy(_("Reason: {reason}"), reason=reason),
            url=enrolment.get_absolute_url(),
        )
        audit.record(
            actor=cancelled_by,
            action="trainings.seat_cancel",
            target=enrolment,
            session=enrolment.session_id,
            had_seat=was_booked,
            past=enrolment.session.has_started(now),
        )
    return enrolment


def enrolment_move(*, enrolment, to_session, moved_by, reason: str = "", past_confirmed=False,
                   now=None) -> Enrolment:  # fmt: skip
    """HR moves a person to another session of the same training; returns the new enrolment.

    They get a seat there when one is free and nobody is waiting for it (within the last day
    a freed seat is offered to the waitlist, which HR does not jump), otherwise a place at
    the end of its waitlist; the manager's approval of a paid training moves along. The old
    seat goes to the old session's waitlist. The person hears where they are now. Refused,
    with nothing saved: another training, the same session, a target that started or was
    cancelled, a person already enrolled there, and the cases `seat_cancel` refuses.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()[:REASON_MAX]
    if to_session.training_id != enrolment.session.training_id:
        raise ValidationError(_("Choose a session of the same training."), code="training")
    if to_session.pk == enrolment.session_id:
        raise ValidationError(_("Choose another session than the current one."), code="same")
    with transaction.atomic():
        # Both sessions in the order of their ids, so two opposite moves cannot wait for
        # each other; then the enrolment.
        first, second = sorted([enrolment.session, to_session], key=lambda s: s.pk)
        locked = {first.pk: _locked(first), second.pk: _locked(second)}
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("person")
            .get(pk=enrolment.pk)
        )
        enrolment.session = locked[enrolment.session_id]
        target = locked[to_session.pk]
        _checked(enrolment, by=moved_by, past_confirmed=past_confirmed, now=now)
        if target.is_cancelled:
            raise ValidationError(_("That session has been cancelled."), code="cancelled")
        if target.has_started(now):
            raise ValidationError(
                _("That session has already started; choose one that is still to come."),
                code="past",
            )
        if target.enrolments.active().filter(person=enrolment.person_id).exists():
            raise ValidationError(
                _("This person is already enrolled in that session."), code="twice"
            )
        moved = Enrolment(
            session=target,
            person=enrolment.person,
            approval=enrolment.approval,
            decided_by_id=enrolment.decided_by_id,
            decision_note=enrolment.decision_note,
            created_at=now,
        )
        if target.free_seats > 0 and not target.enrolments.waitlisted().exists():
            _take_seat(moved, target, now)
        else:
            moved.status = Status.WAITLISTED
        moved.save()
        target.save(update_fields=["seats_taken"])
        was_booked = _end(enrolment, by=moved_by, reason=reason, now=now)
        enrolment.moved_to = moved
        enrolment.save(update_fields=["moved_to"])
        _notify_moved(moved, reason)
        audit.record(
            actor=moved_by,
            action="trainings.enrolment_move",
            target=moved,
            from_session=enrolment.session_id,
            to_session=target.pk,
            had_seat=was_booked,
            seat=moved.is_booked,
            past=enrolment.session.has_started(now),
        )
    return moved


def _notify_moved(moved, reason: str) -> None:
    start = timezone.localtime(moved.session.starts_at)
    when = format_lazy(
        _("Your new session: {date} at {time}."),
        date=start.strftime("%d-%m-%Y"),
        time=start.strftime("%H:%M"),
    )
    if moved.is_booked:
        where = _("You have a seat there.")
    else:
        where = _("That session is full, so you are on its waitlist.")
    body = format_lazy("{when} {where}", when=when, where=where)
    if reason:
        body = format_lazy(
            "{body} {reason}", body=body, reason=format_lazy(_("Reason: {reason}"), reason=reason)
        )
    notify(
        [moved.person],
        "trainings.enrolment",
        format_lazy(
            _("HR moved you to another session of {title}"),
            title=moved.session.training.display_title,
        ),
        body,
        url=moved.get_absolute_url(),
    )
