"""The competency framework (practice 4) and what each job role requires of it.

Competency, its category and its four levels are shared ground: `trainings` links trainings
to a competency and level. Keep their names and these fields stable; add what you need.

Changing the framework never rewrites the past: a competency that is no longer used is
retired (`is_active=False`), not deleted, and each assessment keeps a snapshot of the texts it
was made against (see `AssessmentLine.framework`).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized

LEVELS = [
    (1, _("1 – starter")),
    (2, _("2 – capable")),
    (3, _("3 – advanced")),
    (4, _("4 – expert")),
]
LEVEL_VALUES = tuple(value for value, _label in LEVELS)
level_validators = [MinValueValidator(1), MaxValueValidator(4)]


def level_label(level) -> str:
    """ "3 – gevorderd" for 3; an empty string for no level."""
    return str(dict(LEVELS).get(level, ""))


def level_in_range(field: str) -> models.Q:
    return models.Q(**{f"{field}__gte": 1, f"{field}__lte": 4})


class CompetencyCategory(models.Model):
    name = models.CharField(_("name (Dutch)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("competency category")
        verbose_name_plural = _("competency categories")
        ordering = ["order", "name"]

    def __str__(self):
        return localized(self, "name")


class CompetencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def framework(self):
        """The framework as the pages show it: category and levels loaded, in order."""
        return self.select_related("category").prefetch_related(
            Prefetch("levels", queryset=CompetencyLevel.objects.order_by("level"))
        )

    def ordered(self):
        return self.order_by("category__order", "category__name", "order", "name")


class Competency(models.Model):
    category = models.ForeignKey(
        CompetencyCategory, verbose_name=_("category"), on_delete=models.PROTECT,
        related_name="competencies",
    )  # fmt: skip
    name = models.CharField(_("name (Dutch)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    description = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Retired competencies stay, so earlier assessments remain readable.
    is_active = models.BooleanField(_("in use"), default=True)

    objects = CompetencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["category__order", "order", "name"]

    def __str__(self):
        return localized(self, "name")

    @property
    def display_description(self) -> str:
        return localized(self, "description")

    def snapshot(self) -> dict:
        """The texts an assessment is made against, kept with the assessment.

        HR may rename a competency or rewrite a level's behaviour later; an earlier review
        must still say what the person and their manager read when they chose a level.
        Uses the prefetched levels when they are loaded.
        """
        return {
            "name": self.name,
            "name_en": self.name_en,
            "levels": {
                str(level.level): [level.behaviour, level.behaviour_en]
                for level in self.levels.all()
            },
        }


class CompetencyLevel(models.Model):
    """What a level looks like in practice: observable behaviour."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(
        _("level"), choices=LEVELS, validators=level_validators
    )
    behaviour = models.TextField(_("observable behaviour (Dutch)"))
    behaviour_en = models.TextField(_("observable behaviour (English)"), blank=True)

    class Meta:
        verbose_name = _("competency level")
        verbose_name_plural = _("competency levels")
        ordering = ["competency", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="competency_level_unique"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="competency_level_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.competency} {self.level}"

    @property
    def display_behaviour(self) -> str:
        return localized(self, "behaviour")


class RoleRequirementQuerySet(models.QuerySet):
    def for_role(self, job_role):
        """The competencies `job_role` requires, each with its level, in framework order.

        The contract for hiring: a vacancy (recruitment) takes its required competencies
        from a job role with `RoleRequirement.objects.for_role(vacancy.job_role)`. Each row
        has `.competency` (loaded, with its category) and `.level` (1–4); retired
        competencies are left out. `job_role` may be a JobRole or its id; None gives none.
        """
        if job_role is None:
            return self.none()
        return (
            self.filter(job_role=job_role, competency__is_active=True)
            .select_related("competency__category")
            .order_by(
                "competency__category__order",
                "competency__category__name",
                "competency__order",
                "competency__name",
            )  # fmt: skip
        )

    def levels_by_role(self, role_ids) -> dict:
        """{(job_role_id, competency_id): level} for these roles, in one query."""
        rows = self.filter(job_role_id__in=set(role_ids) - {None}).values_list(
            "job_role_id", "competency_id", "level"
        )
        return {(role, competency): level for role, competency, level in rows}


class RoleRequirement(models.Model):
    """The level a job role requires of one competency ("functieprofiel")."""

    job_role = models.ForeignKey(
        "people.JobRole", verbose_name=_("job role"), on_delete=models.CASCADE,
        related_name="competency_requirements",
    )  # fmt: skip
    competency = models.ForeignKey(
        Competency, verbose_name=_("competency"), on_delete=models.CASCADE,
        related_name="requirements",
    )  # fmt: skip
    level = models.PositiveSmallIntegerField(
        _("required level"), choices=LEVELS, validators=level_validators
    )

    objects = RoleRequirementQuerySet.as_manager()

    class Meta:
        verbose_name = _("role requirement")
        verbose_name_plural = _("role requirements")
        constraints = [
            models.UniqueConstraint(
                fields=["job_role", "competency"], name="competencies_requirement_unique"
            ),
            models.CheckConstraint(
                condition=level_in_range("level"), name="competencies_requirement_level_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.job_role}: {self.competency} {self.level}"
