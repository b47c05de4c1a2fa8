"""What the portal knows of a person's competencies between reviews, and who knows what."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competencies.models.framework import LEVELS, Competency, level_in_range, level_validators

# The expert finder lists people at these levels ("gevorderd" and "expert").
EXPERT_LEVELS = (3, 4)


class AssessedLevelQuerySet(models.QuerySet):
    def matrix(self, people_ids, competency_ids) -> dict:
        """{(person_id, competency_id): level} for a heat map, in one query."""
        rows = self.filter(person_id__in=people_ids, competency_id__in=competency_ids).values_list(
            "person_id", "competency_id", "level"
        )
        return {(person, competency): level for person, competency, level in rows}


class AssessedLevel(models.Model):
    """A person's current level of one competency: the outcome of their latest review.

    Kept as its own row (rather than read from the latest review each time) so the team heat
    map, the department overview and the expert finder read one small table with an index.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessed_levels"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="assessed_levels"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=LEVELS, validators=level_validators
    )
    self_level = models.PositiveSmallIntegerField(
        _("own level"), choices=LEVELS, validators=level_validators
    )
    review = models.ForeignKey(
        "competencies.Review", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_on = models.DateField(_("assessed on"), default=timezone.localdate)

    objects = AssessedLevelQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessed level")
        verbose_name_plural = _("assessed levels")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "competency"], name="competencies_assessed_once"
            ),
            models.CheckConstraint(
                condition=level_in_range("level"), name="competencies_assessed_1_to_4"
            ),
        ]
        indexes = [
            models.Index(fields=["competency", "level"], name="competencies_assessed_finder"),
        ]

    def __str__(self):
        return f"{self.person}: {self.competency} {self.level}"


class Evidence(models.Model):
    """Proof of a competency outside a review ("bewijs"): for now, a completed training.

    The training is referred to by id and title rather than a foreign key, so `competencies`
    does not depend on `trainings` (which depends on us) and the evidence outlives a training
    that HR removes from the catalogue.
    """

    class Source(models.TextChoices):
        TRAINING = "training", _("Completed training")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="competency_evidence"
    )
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="evidence")
    level = models.PositiveSmallIntegerField(
        _("level"), choices=LEVELS, validators=level_validators
    )
    source = models.CharField(_("source"), max_length=20, choices=Source)
    source_id = models.PositiveBigIntegerField()
    title = models.CharField(_("title"), max_length=200)
    url = models.CharField(max_length=500, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-recorded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "competency", "source", "source_id"],
                name="competencies_evidence_once",
            ),
            models.CheckConstraint(
                condition=level_in_range("level"), name="competencies_evidence_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.title} ({self.competency} {self.level})"


class ExpertiseTag(models.Model):
    """A topic people say they know about ("LinkedIn-advertenties", "TikTok")."""

    name = models.CharField(_("name"), max_length=40)

    class Meta:
        verbose_name = _("expertise tag")
        verbose_name_plural = _("expertise tags")
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="competencies_tag_name_ci_unique")
        ]

    def __str__(self):
        return self.name


class ExpertProfileQuerySet(models.QuerySet):
    def listed(self):
        """People who chose to appear in the expert finder, and still work here."""
        return self.filter(
            is_listed=True, person__is_active=True, person__kind="employee"
        ).select_related("person__department", "person__job_role")

    def with_competency(self, competency, level: int):
        return self.filter(
            Exists(
                AssessedLevel.objects.filter(
                    person=OuterRef("person"), competency=competency, level__gte=level
                )
            )
        )

    def with_tag(self, tag_name: str):
        return self.filter(tags__name__iexact=tag_name)


class ExpertProfile(models.Model):
    """Someone's entry in "wie weet wat": topics they may be asked about. Opt-in: nobody
    appears until they switch `is_listed` on themselves."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile"
    )
    is_listed = models.BooleanField(
        _("show me in “who knows what”"),
        default=False,
        help_text=_(
            "Colleagues then find you by your topics and by the competencies in which your "
            "manager assessed you at level 3 or 4."
        ),
    )
    tags = models.ManyToManyField(
        ExpertiseTag, verbose_name=_("topics"), blank=True, related_name="profiles"
    )
    # The tags as one text, kept in step by the service: what the finder searches.
    tags_text = models.CharField(max_length=500, blank=True, editable=False)
    ask_me_about = models.CharField(
        _("ask me about"),
        max_length=300,
        blank=True,
        help_text=_("One sentence: what you like to help colleagues with."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExpertProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return self.person.get_absolute_url()
