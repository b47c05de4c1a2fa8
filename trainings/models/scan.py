"""The digital-skills self-scan ("digitale vaardigheden-scan").

HR writes short statements, each about one competency; an employee answers each on a
four-point scale that matches the competency levels. The answers give a level per
competency, and the lowest ones decide which trainings we recommend.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized
from trainings.models.catalogue import LEVELS

# The answer scale. Each answer is worth the competency level it describes.
ANSWERS = [
    (1, _("I can't do this yet")),
    (2, _("I can, with some help")),
    (3, _("I do this on my own")),
    (4, _("I could teach others")),
]


class ScanQuestionQuerySet(models.QuerySet):
    def in_use(self):
        """The questionnaire as people see it now: active questions about active competencies."""
        return (
            self.filter(is_active=True, competency__is_active=True)
            .select_related("competency")
            .order_by("competency__category__order", "competency__order", "order", "pk")
        )


class ScanQuestion(models.Model):
    """One statement of the self-scan, e.g. "I can set up a LinkedIn profile that fits my
    role", answered on the ANSWERS scale. It counts towards one competency."""

    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="scan_questions",
    )
    text = models.CharField(_("statement (Dutch)"), max_length=300)
    text_en = models.CharField(_("statement (English)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Retired questions stay, so earlier scans remain complete.
    is_active = models.BooleanField(_("in use"), default=True)

    objects = ScanQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-scan question")
        verbose_name_plural = _("self-scan questions")
        ordering = ["competency", "order", "pk"]

    def __str__(self):
        return self.display_text

    @property
    def display_text(self) -> str:
        return localized(self, "text")


class SelfScanQuerySet(models.QuerySet):
    def latest_for(self, person):
        """This person's most recent scan with its levels, or None."""
        return (
            self.filter(person=person)
            .prefetch_related("results__competency")
            .order_by("-created_at", "-pk")
            .first()
        )


class SelfScan(models.Model):
    """One time a person took the self-scan: their levels and how they like to learn.

    Scans are kept (not overwritten) so a person sees their progress; they are theirs:
    HR reads only totals, never a person's answers.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_scans"
    )
    # Formats the person prefers (Training.Format values); empty means no preference.
    preferred_formats = models.JSONField(_("preferred formats"), default=list, blank=True)
    created_at = models.DateTimeField(_("taken"), auto_now_add=True)

    objects = SelfScanQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-scan")
        verbose_name_plural = _("self-scans")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["person", "-created_at"])]

    def __str__(self):
        return f"{self.person} {self.created_at:%Y-%m-%d}"


class ScanAnswer(models.Model):
    scan = models.ForeignKey(SelfScan, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        ScanQuestion, null=True, on_delete=models.SET_NULL, related_name="answers"
    )
    competency = models.ForeignKey(
        "competencies.Competency", on_delete=models.CASCADE, related_name="+"
    )
    value = models.PositiveSmallIntegerField(
        _("answer"), choices=ANSWERS, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )

    class Meta:
        verbose_name = _("self-scan answer")
        verbose_name_plural = _("self-scan answers")
        constraints = [
            models.UniqueConstraint(fields=["scan", "question"], name="trainings_answer_once"),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=4), name="trainings_answer_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.value}"


class ScanResult(models.Model):
    """The level (1–4) a scan gives for one competency."""

    scan = models.ForeignKey(SelfScan, on_delete=models.CASCADE, related_name="results")
    competency = models.ForeignKey(
        "competencies.Competency", on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=LEVELS, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )

    class Meta:
        verbose_name = _("self-scan level")
        verbose_name_plural = _("self-scan levels")
        ordering = ["level", "competency__name"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "competency"], name="trainings_result_once"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="trainings_result_level_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.competency}: {self.level}"
