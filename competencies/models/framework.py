"""The competency framework (practice 4).

Competency, its category and its four levels are shared ground: `trainings` links trainings
to a competency and level. Keep their names and these fields stable; add what you need.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized

LEVELS = [
    (1, _("1 – starter")),
    (2, _("2 – capable")),
    (3, _("3 – advanced")),
    (4, _("4 – expert")),
]


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

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["category__order", "order", "name"]

    def __str__(self):
        return localized(self, "name")


class CompetencyLevel(models.Model):
    """What a level looks like in practice: observable behaviour."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(
        _("level"), choices=LEVELS, validators=[MinValueValidator(1), MaxValueValidator(4)]
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
