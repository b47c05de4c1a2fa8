"""HR's changes to the catalogue that have rules: sessions' seats and times, cancellations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial import audit
from hrsocial.formatting import event_day_lazy, event_lazy
from hrsocial.i18n import localized_lazy
from notifications.services import notify
from trainings.models import Enrolment, Session
from trainings.services.enrolments import seats_fill

# Changing these tells the participants and updates their calendars.
TIME_AND_PLACE = ("starts_at", "ends_at", "location", "online_url")
EDITABLE = (*TIME_AND_PLACE, "trainer", "capacity")


def session_create(*, training, created_by, **fields) -> Session:
    if training.is_elearning:
        raise ValidationError(_("An e-learning has no sessions."), code="elearning")
    session = Session(training=training, **{k: v for k, v in fields.items() if k in EDITABLE})
    session.full_clean()
    session.save()
    audit.record(actor=created_by, action="trainings.session_create", target=session)
    return session


def session_update(*, session, changed_by, past_confirmed=False, now=None, **fields) -> Session:
    """Change a session. The capacity cannot go below the seats already taken (the check
    runs under the session's lock, so a last-second enrolment cannot slip past it); more
    seats go straight to the waitlist; a new time or place is sent to every participant.
    A session that has started (HR correcting the records) changes only with
    `past_confirmed`: the form asks for it, and this refuses without it."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Session.objects.select_for_update(of=("self",))
            .select_related("training")
            .get(pk=session.pk)
        )
        changes = {k: v for k, v in fields.items() if k in EDITABLE and getattr(locked, k) != v}
        if not changes:
            return locked
        started = locked.has_started(now)
        if started and not past_confirmed:
            raise ValidationError(
                _(
                    "This session has already started. Tick the box to confirm that you are "
                    "changing a session in the past."
                ),
                code="confirm_past",
            )
        capacity = changes.get("capacity", locked.capacity)
        if capacity < locked.seats_taken:
            raise ValidationError(
                {
                    "capacity": format_lazy(
                        _(
                            "{taken} seats are already taken, so the session needs at least "
                            "{taken} seats. Cancel enrolments first if you must have fewer."
                        ),
                        taken=locked.seats_taken,
                    )
                },
                code="capacity",
            )
        for name, value in changes.items():
            setattr(locked, name, value)
        moved = any(name in TIME_AND_PLACE for name in changes)
        if moved:
            locked.sequence += 1
        locked.full_clean()
        locked.save()
        if "capacity" in changes:
            seats_fill(session=locked, now=now)
        if moved and not started:  # a correction afterwards is not news for the participants
            _tell_participants_of_change(locked)
        audit.record(
            actor=changed_by,
            action="trainings.session_update",
            target=locked,
            fields=sorted(changes),
            past=started,
        )
    return locked


def _tell_participants_of_change(session) -> None:
    for enrolment in session.enrolments.active().select_related("person"):
        notify(
            [enrolment.person],
            "trainings.enrolment",
            format_lazy(_("Changed: {title}"), title=localized_lazy(session.training, "title")),
            format_lazy(
                _("The session is now on {when}, {place}."),
                when=event_lazy(session.starts_at),
                place=session.location or _("online"),
            ),
            url=enrolment.get_absolute_url(),
        )


def session_cancel(*, session, cancelled_by, reason: str = "", now=None) -> Session:
    """HR cancels a session: everyone enrolled hears it, and the event leaves calendars."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Session.objects.select_for_update(of=("self",))
            .select_related("training")
            .get(pk=session.pk)
        )
        if locked.is_cancelled:
            raise ValidationError(_("This session was already cancelled."), code="cancelled")
        if locked.has_started(now):
            raise ValidationError(
                _("This session has already started; it can no longer be cancelled."),
                code="past",
            )
        active = list(locked.enrolments.active().select_related("person"))
        Enrolment.objects.filter(pk__in=[e.pk for e in active]).update(
            status=Enrolment.Status.CANCELLED, cancelled_at=now
        )
        locked.cancelled_at = now
        locked.seats_taken = 0
        locked.sequence += 1
        locked.save(update_fields=["cancelled_at", "seats_taken", "sequence", "updated_at"])
        for enrolment in active:
            # Each to their own enrolment: its e-mail carries the cancelled calendar event.
            notify(
                [enrolment.person],
                "trainings.enrolment",
                format_lazy(
                    _("Cancelled: {title} on {date}"),
                    title=localized_lazy(locked.training, "title"),
                    date=event_day_lazy(locked.starts_at),
                ),
                (reason or "").strip()[:500] or _("HR had to cancel this session. Sorry!"),
                url=enrolment.get_absolute_url(),
            )
        audit.record(actor=cancelled_by, action="trainings.session_cancel", target=locked)
    return locked


def training_save(*, form, competencies, saved_by):
    """Save HR's training form and its competency lines together, or neither."""
    with transaction.atomic():
        created = form.instance.pk is None
        training = form.save()
        competencies.instance = training
        competencies.save()
        audit.record(
            actor=saved_by,
            action="trainings.training_create" if created else "trainings.training_update",
            target=training,
        )
    return training
