"""The catalogue: trainings, what they develop, and the reads that several pages share."""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized
from hrsocial.search import SEARCH_CONFIG, search

# The four competency levels (as in competencies: 1 starter … 4 expert). Kept here too, so
# trainings only depends on the Competency model itself.
LEVELS = [
    (1, _("1 – starter")),
    (2, _("2 – capable")),
    (3, _("3 – advanced")),
    (4, _("4 – expert")),
]


# What the catalogue search looks in, most telling first (the title also matches typos).
SEARCH_FIELDS = ("title", "title_en", "summary", "summary_en", "description", "provider_name")


class TrainingQuerySet(models.QuerySet):
    def refresh_search_vectors(self) -> None:
        """Store the search vector of these trainings (PostgreSQL only). Called on save();
        call it after bulk_create or update() that change the searched fields."""
        if connection.vendor == "postgresql":
            self.update(search_vector=SearchVector(*SEARCH_FIELDS, config=SEARCH_CONFIG))

    def search(self, query: str | None):
        """The catalogue search: hrsocial.search on the stored vector where there is one."""
        vector = "search_vector" if connection.vendor == "postgresql" else None
        return search(self, query, SEARCH_FIELDS, trigram_fields=("title",), vector=vector)

    def published(self):
        return self.filter(is_published=True)

    def for_person(self, person):
        """Trainings meant for this person: for everyone, their department or their job role.

        The audience decides what we recommend; the catalogue itself stays open to everyone,
        because an employee may well look beyond their own job.
        """
        Departments = Training.departments.through
        JobRoles = Training.job_roles.through
        everyone = ~Exists(Departments.objects.filter(training=OuterRef("pk"))) & ~Exists(
            JobRoles.objects.filter(training=OuterRef("pk"))
        )
        mine = Exists(
            Departments.objects.filter(training=OuterRef("pk"), department_id=person.department_id)
        ) | Exists(JobRoles.objects.filter(training=OuterRef("pk"), jobrole_id=person.job_role_id))
        return self.filter(everyone | mine)

    def developing(self, competency, level: int):
        """Published trainings that develop `competency` to at least `level`.

        The contract with `competencies` (a gap view suggests these). Each training gets
        `develops_to` (the level it reaches) and `next_start` (its next session that still
        has a seat, None for e-learning or when nothing is planned). Ordered so the best
        fit comes first: the training that reaches the needed level most closely, then the
        ones you can actually follow soon (e-learning any time, or a free seat), then title.
        """
        level_for = TrainingCompetency.objects.filter(
            training=OuterRef("pk"), competency=competency
        ).values("level")[:1]
        return (
            self.published()
            .annotate(develops_to=Subquery(level_for))
            .filter(develops_to__gte=level)
            .with_next_session()
            .annotate(
                available=Case(
                    When(
                        Q(format=Training.Format.ELEARNING) | Q(next_start__isnull=False),
                        then=True,
                    ),
                    default=False,
                    output_field=models.BooleanField(),
                )
            )
            .order_by("develops_to", "-available", F("next_start").asc(nulls_last=True), "title")
        )

    def with_next_session(self):
        """Annotate `next_start` (the next session that still has a seat) and `upcoming_count`,
        for lists that show when a training runs without one query per row."""
        from trainings.models.sessions import Session

        upcoming = Session.objects.upcoming().filter(training=OuterRef("pk"))
        return self.annotate(
            next_start=Subquery(
                upcoming.with_free_seats().order_by("starts_at").values("starts_at")[:1]
            ),
            upcoming_count=Subquery(
                upcoming.order_by()
                .values("training")
                .annotate(n=models.Count("pk"))
                .values("n")[:1]
            ),
        )

    def with_state_for(self, person, now=None):
        """Annotate where `person` stands with each training, for lists that suggest
        trainings (the self-scan, the gap page) and must not offer "enrol" to someone who
        already is: `my_status` and `my_approval` of their enrolment in a session that has
        not ended (a seat before a waitlist place), and `my_completed`. Read them through
        `Training.my_state`. Three subqueries, whatever the number of rows."""
        from trainings.models.sessions import Completion, Enrolment

        mine = (
            Enrolment.objects.active()
            .filter(
                person=person,
                session__training=OuterRef("pk"),
                session__ends_at__gt=now or timezone.now(),
                session__cancelled_at__isnull=True,
            )
            .order_by("status", "session__starts_at", "pk")  # "booked" before "waitlisted"
        )
        return self.annotate(
            my_status=Subquery(mine.values("status")[:1]),
            my_approval=Subquery(mine.values("approval")[:1]),
            my_completed=Exists(Completion.objects.filter(person=person, training=OuterRef("pk"))),
        )

    def with_seats_between(self, start, end):
        """Trainings with a session between `start` and `end` that still has a free seat."""
        from trainings.models.sessions import Session

        return self.filter(
            Exists(
                Session.objects.with_free_seats().filter(
                    training=OuterRef("pk"),
                    starts_at__gte=max(start, timezone.now()),
                    starts_at__lt=end,
                    cancelled_at__isnull=True,
                )
            )
        )

    def with_competency(self, competency):
        return self.filter(
            Exists(
                TrainingCompetency.objects.filter(training=OuterRef("pk"), competency=competency)
            )
        )


class Training(models.Model):
    """One training in the catalogue, in one format at one level ("training", "cursus").

    The article's point: one course for everyone does not work. So a training says for whom
    it is (audience), how it is given (format) and how far it takes you (level, and which
    competencies to which level); the self-scan uses exactly this to recommend.
    """

    class Format(models.TextChoices):
        CLASSROOM = "classroom", _("Classroom")
        WEBINAR = "webinar", _("Webinar")
        ELEARNING = "elearning", _("E-learning")
        COACHING = "coaching", _("1-on-1 coaching")
        LUNCH = "lunch", _("Lunch session")

    class Level(models.TextChoices):
        STARTER = "starter", _("Starter")
        ADVANCED = "advanced", _("Advanced")
        EXPERT = "expert", _("Expert")

    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    class Provider(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        EXTERNAL = "external", _("External")

    title = models.CharField(_("title (Dutch)"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150, blank=True)
    summary = models.CharField(
        _("summary (Dutch)"), max_length=300, help_text=_("One or two sentences for the list.")
    )
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    description = models.TextField(_("description (Dutch)"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(_("description (English)"), blank=True)
    format = models.CharField(_("format"), max_length=20, choices=Format)
    level = models.CharField(_("level"), max_length=20, choices=Level, default=Level.STARTER)
    language = models.CharField(
        _("language"), max_length=5, choices=Language, default=Language.DUTCH
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"), validators=[MinValueValidator(5), MaxValueValidator(10_000)]
    )
    provider = models.CharField(
        _("provider"), max_length=20, choices=Provider, default=Provider.INTERNAL
    )
    provider_name = models.CharField(
        _("provider name"), max_length=150, blank=True, help_text=_("Who gives the training.")
    )
    # Per participant, in euros. Only external trainings cost money, and a paid one needs the
    # manager's approval before the seat is confirmed.
    cost = models.DecimalField(
        _("cost per participant (€)"), max_digits=8, decimal_places=2, default=0,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    # The intended audience; none of either means everyone.
    departments = models.ManyToManyField(
        "people.Department", verbose_name=_("for departments"), blank=True, related_name="+"
    )
    job_roles = models.ManyToManyField(
        "people.JobRole", verbose_name=_("for job roles"), blank=True, related_name="+"
    )
    competencies = models.ManyToManyField(
        "competencies.Competency",
        through="TrainingCompetency",
        verbose_name=_("competencies"),
        blank=True,
        related_name="+",
    )
    # An e-learning has no sessions: people follow it here and mark it done themselves.
    elearning_url = models.URLField(_("link to the online course"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Only published trainings are in the catalogue.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The catalogue search on PostgreSQL reads this stored, GIN-indexed vector instead of
    # computing one per row and request (see save() and migrations/0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost__gte=0), name="trainings_training_cost_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(provider="external") | Q(cost=0),
                name="trainings_training_internal_is_free",
                violation_error_message=_("Only an external training can cost money."),
            ),
            models.CheckConstraint(
                condition=~Q(format="elearning") | ~Q(elearning_url=""),
                name="trainings_training_elearning_has_link",
                violation_error_message=_("An e-learning needs the link to the online course."),
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5),
                name="trainings_training_duration_positive",
            ),
        ]
        indexes = [models.Index(fields=["is_published", "format", "level"])]

    def __str__(self):
        return self.display_title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Training.objects.filter(pk=self.pk).refresh_search_vectors()

    def get_absolute_url(self):
        return reverse("trainings:training-detail", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_summary(self) -> str:
        return localized(self, "summary")

    @property
    def display_description(self) -> str:
        return localized(self, "description")

    @property
    def is_elearning(self) -> bool:
        """E-learnings are followed at your own pace: no sessions, no seats."""
        return self.format == self.Format.ELEARNING

    @property
    def needs_approval(self) -> bool:
        """A paid external training costs the team's budget, so the manager decides."""
        return self.provider == self.Provider.EXTERNAL and self.cost > 0

    # What `my_state` returns, and the phrase a list shows for it.
    MY_STATES = {
        "confirmed": _("You are enrolled"),
        "held": _("Seat held, waiting for approval"),
        "waitlisted": _("You are on the waitlist"),
        "completed": _("You have completed this"),
    }

    @property
    def my_state(self) -> str | None:
        """The person's state from `with_state_for`: "confirmed", "held" (a seat waiting for
        the manager's or HR's approval), "waitlisted", "completed", or None (free to enrol).
        An enrolment comes first: someone who enrolled again after completing is enrolled."""
        status = getattr(self, "my_status", None)
        if status == "booked":
            return "held" if getattr(self, "my_approval", None) == "pending" else "confirmed"
        if status == "waitlisted":
            return "waitlisted"
        if getattr(self, "my_completed", False):
            return "completed"
        return None

    # The same, as a manager or HR reads it about someone else.
    THEIR_STATES = {
        "confirmed": _("Enrolled"),
        "held": _("Seat held, waiting for approval"),
        "waitlisted": _("On the waitlist"),
        "completed": _("Completed"),
    }

    @property
    def my_state_label(self) -> str:
        state = self.my_state
        return self.MY_STATES[state] if state else ""

    @property
    def their_state_label(self) -> str:
        state = self.my_state
        return self.THEIR_STATES[state] if state else ""

    @property
    def duration_display(self) -> str:
        hours, minutes = divmod(self.duration_minutes, 60)
        if hours and minutes:
            return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
        if hours:
            return _("%(hours)d h") % {"hours": hours}
        return _("%(minutes)d min") % {"minutes": minutes}


class TrainingCompetency(models.Model):
    """A competency a training develops, and the level (1–4) it takes you to."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="competency_links"
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="training_links",
    )
    level = models.PositiveSmallIntegerField(
        _("develops to level"),
        choices=LEVELS,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )

    class Meta:
        verbose_name = _("competency developed")
        verbose_name_plural = _("competencies developed")
        ordering = ["competency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "competency"], name="trainings_competency_once_per_training"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="trainings_competency_level_1_to_4"
            ),
        ]
        indexes = [models.Index(fields=["competency", "level"])]

    def __str__(self):
        return f"{self.competency} → {self.level}"
