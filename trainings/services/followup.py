"""After enrolling: the reminder, attendance, completion, e-learning and feedback."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial import audit
from hrsocial.formatting import event_lazy
from hrsocial.i18n import localized_lazy
from notifications.services import notify
from trainings.models import Completion, Enrolment, Feedback, Proposal, Session, Training
from trainings.signals import training_completed

# A feedback request goes out only for sessions that ended this recently: nobody wants to
# be asked about a course from last year when the task was down for a while.
FEEDBACK_REQUEST_WINDOW = timedelta(days=14)
# How long a person may still give feedback after the session.
FEEDBACK_OPEN_FOR = timedelta(days=60)


def completion_record(*, person, training, source, session=None, now=None) -> Completion | None:
    """Record that `person` completed `training`, and tell the other apps, exactly once.

    The unique constraint on (person, training) makes a second call (or a concurrent one)
    find the existing row instead; only the call that created it sends `training_completed`.
    The signal is sent inside the transaction, so what receivers write (competency evidence)
    is saved together with the completion or not at all. Returns the new completion, or None
    when it was already recorded.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                completion = Completion.objects.create(
                    person=person,
                    training=training,
                    session=session,
                    source=source,
                    completed_at=now or timezone.now(),
                )
        except IntegrityError:
            return None
        competencies = [
            (link.competency, link.level)
            for link in training.competency_links.select_related("competency")
        ]
        training_completed.send(
            sender=Training, person=person, training=training, competencies=competencies
        )
    return completion


def attendance_register(*, session, registered_by, attendance: dict, now=None) -> int:
    """HR registers who came: `attendance` maps enrolment ids (int) to PRESENT or NO_SHOW.

    Present means completed. Correcting "present" to "no-show" removes the completion it
    gave, so profiles stay true. Returns how many rows changed.
    """
    now = now or timezone.now()
    if not session.has_started(now):
        raise ValidationError(
            _("Attendance can be registered once the session has started."), code="early"
        )
    allowed = {Enrolment.Attendance.PRESENT, Enrolment.Attendance.NO_SHOW}
    if any(value not in allowed for value in attendance.values()):
        raise ValidationError(_("Choose present or no-show."), code="value")
    changed = 0
    with transaction.atomic():
        Session.objects.select_for_update().filter(pk=session.pk).first()  # one HR at a time
        enrolments = (
            session.enrolments.booked().filter(pk__in=list(attendance)).select_related("person")
        )
        for enrolment in enrolments:
            value = attendance[enrolment.pk]
            if value == enrolment.attendance:
                continue
            enrolment.attendance = value
            enrolment.save(update_fields=["attendance"])
            changed += 1
            if value == Enrolment.Attendance.PRESENT:
                completion_record(
                    person=enrolment.person,
                    training=session.training,
                    source=Completion.Source.ATTENDANCE,
                    session=session,
                    now=session.ends_at,
                )
            else:
                Completion.objects.filter(
                    person=enrolment.person, training=session.training, session=session
                ).delete()
        if changed:
            audit.record(
                actor=registered_by, action="trainings.attendance", target=session, changed=changed
            )
    return changed


def elearning_complete(*, training, person, now=None) -> Completion | None:
    """The employee marks an e-learning as done. Marking it twice changes nothing."""
    if not person.is_employee:
        raise PermissionDenied
    if not training.is_elearning or not training.is_published:
        raise ValidationError(_("Only an e-learning can be marked as done."), code="format")
    now = now or timezone.now()
    with transaction.atomic():
        completion = completion_record(
            person=person, training=training, source=Completion.Source.ELEARNING, now=now
        )
        for proposal in Proposal.objects.open().filter(training=training, employee=person):
            proposal.status = Proposal.Status.ACCEPTED
            proposal.decided_at = now
            proposal.save(update_fields=["status", "decided_at"])
    return completion


def feedback_give(*, person, training, rating, comment: str = "", session=None) -> Feedback:
    """A participant rates a session (or an e-learning) from 1 to 5, once.

    Only someone who had a seat in the session (and was not a no-show) after it has ended,
    or who completed the e-learning, may give feedback.
    """
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Give a rating from 1 to 5.")}, code="rating")
    if not feedback_allowed(person=person, training=training, session=session):
        raise ValidationError(_("You cannot give feedback on this training."), code="not_allowed")
    feedback = Feedback(
        person=person,
        training=training,
        session=session,
        department_id=person.department_id,
        rating=rating,
        comment=(comment or "").strip()[:2000],
    )
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:
        raise ValidationError(_("You already gave feedback. Thank you!"), code="twice") from None
    return feedback


def feedback_allowed(*, person, training, session=None, now=None) -> bool:
    now = now or timezone.now()
    already = Feedback.objects.filter(person=person, training=training, session=session)
    if already.exists():
        return False
    if session is None:
        return training.is_elearning and training.completions.filter(person=person).exists()
    if session.training_id != training.pk or not session.has_ended(now):
        return False
    if session.ends_at < now - FEEDBACK_OPEN_FOR:
        return False
    return (
        session.enrolments.booked()
        .filter(person=person)
        .exclude(attendance=Enrolment.Attendance.NO_SHOW)
        .exists()
    )


def reminders_send(*, now=None) -> int:
    """The reminder a day before: once per confirmed seat in a session starting within 24 h."""
    now = now or timezone.now()
    due = (
        Enrolment.objects.confirmed()
        .filter(
            reminded_at__isnull=True,
            session__cancelled_at__isnull=True,
            session__starts_at__gt=now,
            session__starts_at__lte=now + timedelta(hours=24),
        )
        .select_related("person", "session__training")
        .order_by("pk")
    )
    sent = 0
    for enrolment in due[:5000]:
        with transaction.atomic():
            claimed = Enrolment.objects.filter(pk=enrolment.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:  # another worker got there first
                continue
            session = enrolment.session
            notify(
                [enrolment.person],
                "trainings.reminder",
                format_lazy(
                    _("Tomorrow: {title}"), title=localized_lazy(session.training, "title")
                ),
                format_lazy(
                    _(
                        "{when}, {place}. Can't make it? Cancel, so a colleague on the "
                        "waitlist gets your seat."
                    ),  # fmt: skip
                    when=event_lazy(session.starts_at),
                    place=session.location or _("online"),
                ),
                url=enrolment.get_absolute_url(),
            )
            sent += 1
    return sent


def feedback_requests_send(*, now=None) -> int:
    """After a session: ask each participant for a rating and a comment, once."""
    now = now or timezone.now()
    due = (
        Enrolment.objects.booked()
        .filter(
            feedback_requested_at__isnull=True,
            session__cancelled_at__isnull=True,
            session__ends_at__lte=now,
            session__ends_at__gt=now - FEEDBACK_REQUEST_WINDOW,
        )
        .exclude(attendance=Enrolment.Attendance.NO_SHOW)
        .exclude(Q(approval=Enrolment.Approval.PENDING))
        .select_related("person", "session__training")
        .order_by("pk")
    )
    sent = 0
    for enrolment in due[:5000]:
        with transaction.atomic():
            claimed = Enrolment.objects.filter(
                pk=enrolment.pk, feedback_requested_at__isnull=True
            ).update(feedback_requested_at=now)
            if not claimed:
                continue
            notify(
                [enrolment.person],
                "trainings.feedback",
                format_lazy(
                    _("How was {title}?"), title=localized_lazy(enrolment.session.training, "title")
                ),
                _("Give a rating from 1 to 5 and, if you like, a comment. It takes a minute."),
                url=enrolment.get_absolute_url(),
            )
            sent += 1
    return sent


def sessions_needing_attendance(now=None):
    """Past sessions where HR has not registered everyone yet (for HR's overview)."""
    now = now or timezone.now()
    return (
        Session.objects.past(now)
        .filter(
            enrolments__status=Enrolment.Status.BOOKED,
            enrolments__attendance=Enrolment.Attendance.UNKNOWN,
        )
        .distinct()
    )
