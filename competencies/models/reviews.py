"""Review cycles: self-assessment, the manager's review and the employee's reaction."""

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competencies.models.framework import LEVELS, Competency, level_in_range, level_validators
from hrsocial.i18n import localized


class ReviewCycleQuerySet(models.QuerySet):
    def open_on(self, day):
        """Cycles in which people can assess and review on `day`."""
        return self.filter(status=ReviewCycle.Status.OPEN, starts_on__lte=day, ends_on__gte=day)


class ReviewCycle(models.Model):
    """A round of competency reviews ("beoordelingsronde") for a set of departments.

    HR opens it for a period; within it, employees assess themselves before
    `self_assessment_due` and managers review before `ends_on`.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=150)
    starts_on = models.DateField(_("starts on"))
    self_assessment_due = models.DateField(
        _("self-assessments due"),
        help_text=_("Employees get a reminder a few days before."),
    )
    ends_on = models.DateField(
        _("ends on"), help_text=_("Managers' reviews are due; managers get a reminder too.")
    )
    departments = models.ManyToManyField(
        "people.Department", verbose_name=_("departments"), related_name="competency_cycles"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = ReviewCycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="competencies_cycle_ends_after_start",
                violation_error_message=_("A cycle cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(self_assessment_due__gte=F("starts_on"))
                & Q(self_assessment_due__lte=F("ends_on")),
                name="competencies_cycle_due_within_period",
                violation_error_message=_(
                    "The self-assessments must be due within the cycle's period."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("competencies:cycle-detail", kwargs={"pk": self.pk})

    def is_open_on(self, day) -> bool:
        """Open for assessing and reviewing: not closed by HR and within its period."""
        return self.status == self.Status.OPEN and self.starts_on <= day <= self.ends_on

    def phase(self, day) -> str:
        """What the cycle list says about it: upcoming, open, ended or closed."""
        if self.status == self.Status.CLOSED:
            return "closed"
        if day < self.starts_on:
            return "upcoming"
        if day > self.ends_on:
            return "ended"
        return "open"


class ReviewQuerySet(models.QuerySet):
    def for_person(self, person):
        return self.filter(employee=person)

    def awaiting_review_by(self, reviewer):
        """Reviews waiting for this person: their direct reports', and for HR those of people
        without a manager (HR reviews them, as it approves their trainings)."""
        waiting = self.filter(
            status=Review.Status.AWAITING_REVIEW, cycle__status=ReviewCycle.Status.OPEN
        )
        mine = Q(employee__manager=reviewer)
        if reviewer.is_hr:
            mine |= Q(employee__manager__isnull=True) & ~Q(employee=reviewer)
        return waiting.filter(mine)

    def progress_by_department(self):
        """Per department: how many reviews there are and how far they got, in one query."""
        Status = Review.Status
        return (
            self.values("employee__department__name")
            .annotate(
                total=Count("pk"),
                to_do=Count("pk", filter=Q(status=Status.SELF_ASSESSMENT)),
                awaiting_review=Count("pk", filter=Q(status=Status.AWAITING_REVIEW)),
                reviewed=Count("pk", filter=Q(status=Status.REVIEWED)),
                reacted=Count("pk", filter=Q(reacted_at__isnull=False)),
            )
            .order_by("employee__department__name")
        )


class Review(models.Model):
    """One person's review in one cycle: self-assessment, manager's review, reaction."""

    class Status(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment to do")
        AWAITING_REVIEW = "awaiting_review", _("Waiting for the manager's review")
        REVIEWED = "reviewed", _("Reviewed")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="reviews"
    )
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("employee"), on_delete=models.CASCADE,
        related_name="competency_reviews",
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.SELF_ASSESSMENT
    )
    self_assessed_at = models.DateTimeField(_("self-assessed at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    # The employee's answer to the outcome, for the conversation that follows it.
    reaction = models.TextField(_("reaction"), max_length=2000, blank=True)
    reacted_at = models.DateTimeField(_("reacted at"), null=True, blank=True)
    # One reminder of each kind at most, so a task that runs twice never nags twice.
    self_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-cycle__starts_on", "employee__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "employee"], name="competencies_review_once_per_cycle"
            ),
            models.CheckConstraint(
                condition=~Q(status="reviewed") | Q(reviewed_at__isnull=False),
                name="competencies_review_reviewed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "cycle"], name="competencies_review_status")]

    def __str__(self):
        return f"{self.cycle}: {self.employee}"

    def get_absolute_url(self):
        return reverse("competencies:review-detail", kwargs={"pk": self.pk})

    @property
    def is_self_assessed(self) -> bool:
        return self.status != self.Status.SELF_ASSESSMENT

    @property
    def is_reviewed(self) -> bool:
        return self.status == self.Status.REVIEWED


class AssessmentLine(models.Model):
    """One competency in a review: the self-assessed level with evidence, then the
    manager's level (the same when they agree) with a comment when it differs."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="lines")
    competency = models.ForeignKey(
        Competency, verbose_name=_("competency"), on_delete=models.PROTECT,
        related_name="assessment_lines",
    )  # fmt: skip
    self_level = models.PositiveSmallIntegerField(
        _("own level"), choices=LEVELS, validators=level_validators
    )
    evidence = models.TextField(_("evidence"), max_length=2000)
    manager_level = models.PositiveSmallIntegerField(
        _("manager's level"), choices=LEVELS, validators=level_validators, null=True, blank=True
    )
    manager_comment = models.TextField(_("manager's comment"), max_length=2000, blank=True)
    # The level the person's job role required when they assessed themselves.
    required_level = models.PositiveSmallIntegerField(
        _("required level"), choices=LEVELS, null=True, blank=True
    )
    # The competency's name and level texts when assessed (Competency.snapshot()).
    framework = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("assessment line")
        verbose_name_plural = _("assessment lines")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "competency"], name="competencies_line_once_per_review"
            ),
            models.CheckConstraint(
                condition=level_in_range("self_level"), name="competencies_line_self_1_to_4"
            ),
            models.CheckConstraint(
                condition=Q(manager_level__isnull=True) | level_in_range("manager_level"),
                name="competencies_line_manager_1_to_4",
            ),
            models.CheckConstraint(
                condition=Q(manager_level__isnull=True)
                | Q(manager_level=F("self_level"))
                | ~Q(manager_comment=""),
                name="competencies_line_other_level_has_comment",
                violation_error_message=_("Explain in a comment why you choose another level."),
            ),
        ]

    def __str__(self):
        return f"{self.review}: {self.name}"

    @property
    def name(self) -> str:
        """The competency's name as it was when assessed (in the reader's language)."""
        if not self.framework:
            return str(self.competency)
        return localized(_Snapshot(self.framework), "name") or str(self.competency)

    def behaviour(self, level) -> str:
        """The behaviour text of `level` as the person read it when assessing."""
        nl, en = (self.framework.get("levels", {}).get(str(level)) or ["", ""])[:2]
        return localized(_Snapshot({"behaviour": nl, "behaviour_en": en}), "behaviour")

    @property
    def self_behaviour(self) -> str:
        return self.behaviour(self.self_level)

    @property
    def manager_behaviour(self) -> str:
        return self.behaviour(self.manager_level) if self.manager_level else ""

    @property
    def final_level(self):
        """The outcome: the manager's level once reviewed, else nothing yet."""
        return self.manager_level

    @property
    def changed_by_manager(self) -> bool:
        return self.manager_level is not None and self.manager_level != self.self_level


class _Snapshot:
    """Lets `localized()` read a snapshot dict like a model instance."""

    def __init__(self, data):
        self.__dict__.update(data)
