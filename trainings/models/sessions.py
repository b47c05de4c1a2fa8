"""Sessions, seats and waitlists, completions and feedback, and the calendar feed's token."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial import formatting
from trainings.models.catalogue import Training

# Within this time before the start a freed seat is offered to the whole waitlist at once
# (first to accept gets it) instead of going to the first in line, who may not see the
# message in time.
OFFER_WINDOW = timedelta(hours=24)


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Sessions that have not started and are not cancelled: the ones you can enrol in."""
        return self.filter(starts_at__gt=now or timezone.now(), cancelled_at__isnull=True)

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now(), cancelled_at__isnull=True)

    def with_free_seats(self):
        return self.filter(seats_taken__lt=F("capacity"))

    def with_waitlist(self):
        """Annotate `waitlist_count`, without a query per session."""
        waiting = (
            Enrolment.objects.filter(session=OuterRef("pk"), status=Enrolment.Status.WAITLISTED)
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(waitlist_count=Coalesce(Subquery(waiting[:1]), 0))


class Session(models.Model):
    """One occurrence of a training: when, where, who gives it, and how many seats.

    `seats_taken` counts the enrolments with a seat. It is only changed by the services in
    `trainings.services.enrolments`, inside a transaction that holds this row's lock, and the
    database refuses it above `capacity`: overbooking cannot happen, not even in a race.
    """

    training = models.ForeignKey(
        Training, verbose_name=_("training"), on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    trainer = models.CharField(_("trainer"), max_length=150, blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    # Bumped when the time or place changes, so calendars replace the event (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="trainings_session_ends_after_start",
                violation_error_message=_("The end must be after the start."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="trainings_session_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")),
                name="trainings_session_not_overbooked",
                violation_error_message=_("More seats are taken than the session has."),
            ),
        ]
        indexes = [
            models.Index(fields=["training", "starts_at"]),
            models.Index(fields=["starts_at"]),
        ]

    def __str__(self):
        return f"{self.training} – {formatting.event(self.starts_at)}"

    def get_absolute_url(self):
        return reverse("trainings:training-detail", kwargs={"pk": self.training_id}) + (
            f"#session-{self.pk}"
        )

    @property
    def free_seats(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_taken >= self.capacity

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def has_started(self, now=None) -> bool:
        return self.starts_at <= (now or timezone.now())

    def has_ended(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def in_offer_window(self, now=None) -> bool:
        """Whether a freed seat goes to the whole waitlist (see OFFER_WINDOW) rather than
        to the first in line."""
        return self.starts_at - (now or timezone.now()) <= OFFER_WINDOW

    @property
    def fill_rate(self) -> int:
        """Percentage of seats taken, for HR's overview."""
        return round(100 * self.seats_taken / self.capacity) if self.capacity else 0


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Enrolment.ACTIVE)

    def booked(self):
        return self.filter(status=Enrolment.Status.BOOKED)

    def waitlisted(self):
        """The waitlist in its order: first come, first served."""
        return self.filter(status=Enrolment.Status.WAITLISTED).order_by("created_at", "pk")

    def confirmed(self):
        return self.booked().exclude(
            approval__in=[Enrolment.Approval.PENDING, Enrolment.Approval.DECLINED]
        )

    def for_person(self, person):
        return self.filter(person=person)

    def upcoming(self, now=None):
        return self.filter(
            session__starts_at__gt=now or timezone.now(), session__cancelled_at__isnull=True
        )

    def awaiting_decision_of(self, approver):
        """Requests for paid trainings this person decides on: their direct reports', and
        for HR those of people without a manager."""
        waiting = self.active().filter(approval=Enrolment.Approval.PENDING)
        mine = Q(person__manager=approver)
        if approver.is_hr:
            mine |= Q(person__manager__isnull=True)
        return waiting.filter(mine, session__starts_at__gt=timezone.now())

    def with_position(self):
        """Annotate `position` on the waitlist (1 = next in line; None with a seat)."""
        ahead = (
            Enrolment.objects.filter(
                Q(created_at__lt=OuterRef("created_at"))
                | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk")),
                session=OuterRef("session"),
                status=Enrolment.Status.WAITLISTED,
            )
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(position=Subquery(ahead[:1]))


class Enrolment(models.Model):
    """One person on one session: a seat, or a place on its waitlist ("inschrijving").

    Two separate questions: does the person have a seat (`status`), and, for a paid external
    training, has the manager agreed (`approval`)? A seat is held while the manager decides
    and confirmed once they agree.
    """

    class Status(models.TextChoices):
        BOOKED = "booked", _("Seat")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    class Approval(models.TextChoices):
        NOT_NEEDED = "not_needed", _("Not needed")
        PENDING = "pending", _("Waiting for the manager")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("Not registered")
        PRESENT = "present", _("Present")
        NO_SHOW = "no_show", _("No-show")

    ACTIVE = (Status.BOOKED, Status.WAITLISTED)

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="enrolments"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="training_enrolments",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status)
    approval = models.CharField(
        _("manager approval"), max_length=20, choices=Approval, default=Approval.NOT_NEEDED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_note = models.CharField(_("reason"), max_length=500, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance, default=Attendance.UNKNOWN
    )
    created_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    booked_at = models.DateTimeField(_("got a seat"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # When HR (not the person) ends an enrolment: who did, and the reason the person reads
    # on the enrolment's page and in the notification.
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancel_reason = models.CharField(_("reason for the cancellation"), max_length=500, blank=True)
    # HR moved the person to another session of the training: the enrolment there.
    moved_to = models.ForeignKey(
        "self",
        verbose_name=_("moved to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the reminder and the feedback request went out, so each goes out once.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status__in=["booked", "waitlisted"]),
                name="trainings_enrolment_once_per_session",
                violation_error_message=_("You are already enrolled in this session."),
            ),
            models.CheckConstraint(
                condition=~Q(status="booked") | Q(booked_at__isnull=False),
                name="trainings_enrolment_booked_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status", "created_at"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self):
        return f"{self.person} – {self.session}"

    def get_absolute_url(self):
        return reverse("trainings:enrolment-detail", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_booked(self) -> bool:
        return self.status == self.Status.BOOKED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == self.Status.WAITLISTED

    @property
    def is_confirmed(self) -> bool:
        """A seat that is really yours: no manager decision outstanding."""
        return self.is_booked and self.approval in (
            self.Approval.NOT_NEEDED,
            self.Approval.APPROVED,
        )

    @property
    def awaits_approval(self) -> bool:
        return self.is_active and self.approval == self.Approval.PENDING

    @property
    def approved_by_hr(self) -> bool:
        """Whether HR, not a manager, decides on this paid training: the person has no
        manager (see permissions.can_decide). Reads `person`: select it with the rows."""
        return self.person.manager_id is None

    @property
    def cancelled_by_hr(self) -> bool:
        """HR, not the person, ended this enrolment (a seat cancelled or a move)."""
        return (
            self.status == self.Status.CANCELLED
            and self.cancelled_by_id is not None
            and self.cancelled_by_id != self.person_id
        )

    @property
    def status_label(self) -> str:
        """What the person sees: one phrase that combines seat and approval."""
        if self.is_booked and self.awaits_approval:
            if self.approved_by_hr:
                return _("Seat held, waiting for HR's approval")
            return _("Seat held, waiting for your manager")
        if self.is_booked:
            return _("Confirmed")
        if self.is_waitlisted:
            return _("On the waitlist")
        if self.approval == self.Approval.DECLINED:
            if self.decided_by_id and self.decided_by_id != self.person.manager_id:
                return _("Declined by HR")
            return _("Declined by your manager")
        if self.cancelled_by_hr:
            return _("Cancelled by HR")
        return _("Cancelled")


class Completion(models.Model):
    """A person completed a training: attended a session, or finished the e-learning.

    At most one per person and training (the database guarantees it), which is what makes
    `training_completed` go out exactly once.
    """

    class Source(models.TextChoices):
        ATTENDANCE = "attendance", _("Attended a session")
        ELEARNING = "elearning", _("Finished the e-learning")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_completions"
    )
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="completions")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="completions"
    )
    source = models.CharField(_("how"), max_length=20, choices=Source)
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("completed training")
        verbose_name_plural = _("completed trainings")
        ordering = ["-completed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "training"], name="trainings_completion_once")
        ]

    def __str__(self):
        return f"{self.person} – {self.training}"


class Feedback(models.Model):
    """A participant's rating (1–5) and comment after a session or an e-learning.

    HR sees ratings and comments per training and per department, never with names: people
    write more honestly that way. The person is kept only so nobody rates twice; when they
    leave, the feedback stays, without them.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="training_feedback",
    )
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="feedback")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback"
    )
    # The department at the time, for satisfaction per department after people move on.
    department = models.ForeignKey(
        "people.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="trainings_feedback_rating_1_to_5",
                violation_error_message=_("Give a rating from 1 to 5."),
            ),
            models.UniqueConstraint(
                fields=["person", "session"],
                condition=Q(session__isnull=False),
                name="trainings_feedback_once_per_session",
            ),
            models.UniqueConstraint(
                fields=["person", "training"],
                condition=Q(session__isnull=True),
                name="trainings_feedback_once_per_elearning",
            ),
        ]

    def __str__(self):
        return f"{self.training}: {self.rating}"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a person's calendar feed address. Whoever knows the address sees the
    person's training sessions, so it can be replaced (the old address stops working) or
    removed at any time."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("trainings:calendar-feed", kwargs={"token": self.token})
