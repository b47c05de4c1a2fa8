"""Tips (guidelines), their published versions, and who acknowledged which version.

The article's advice: one "use your common sense" rule goes a long way, and where rules help,
phrase them as tips. HR writes a tip as a draft and publishes it; every published change is a
`GuidelineVersion` with a change note. A change is *material* (everyone is asked to read the
tip again) or *editorial* (a typo: earlier acknowledgements still count). Acknowledgement is
per tip, so a material change to one tip never re-opens the others.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized
from people.models import User


class Category(models.Model):
    """A group of tips on the overview: "your own accounts", "clients and confidentiality"."""

    name = models.CharField(_("name (Dutch)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("tip category")
        verbose_name_plural = _("tip categories")
        ordering = ["order", "name"]

    def __str__(self):
        return localized(self, "name")


class GuidelineContent(models.Model):
    """What a reader sees of a tip, in Dutch with an optional English twin. Shared by the
    working copy (`Guideline`) and each published snapshot (`GuidelineVersion`)."""

    title = models.CharField(_("title (Dutch)"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150, blank=True)
    tip = models.CharField(
        _("the tip in one line (Dutch)"),
        max_length=250,
        help_text=_("Phrase it as encouragement: what to do, not what is forbidden."),
    )
    tip_en = models.CharField(_("the tip in one line (English)"), max_length=250, blank=True)
    body = models.TextField(_("explanation (Dutch)"), blank=True, help_text=_("Markdown."))
    body_en = models.TextField(_("explanation (English)"), blank=True)
    do_examples = models.TextField(
        _("“do” examples (Dutch)"), blank=True, help_text=_("One example per line.")
    )
    do_examples_en = models.TextField(_("“do” examples (English)"), blank=True)
    dont_examples = models.TextField(
        _("“rather not” examples (Dutch)"), blank=True, help_text=_("One example per line.")
    )
    dont_examples_en = models.TextField(_("“rather not” examples (English)"), blank=True)

    CONTENT_FIELDS = (
        "title", "title_en", "tip", "tip_en", "body", "body_en",
        "do_examples", "do_examples_en", "dont_examples", "dont_examples_en",
    )  # fmt: skip

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_tip(self) -> str:
        return localized(self, "tip")

    @property
    def display_body(self) -> str:
        return localized(self, "body")

    @property
    def do_list(self) -> list[str]:
        return _lines(localized(self, "do_examples"))

    @property
    def dont_list(self) -> list[str]:
        return _lines(localized(self, "dont_examples"))

    def content(self) -> dict:
        return {name: getattr(self, name) for name in self.CONTENT_FIELDS}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class GuidelineQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Guideline.Status.PUBLISHED)

    def visible_to(self, user):
        """HR sees drafts too; employees the published tips; nobody else any."""
        if user.is_authenticated and user.is_hr:
            return self.all()
        if user.is_authenticated and user.is_employee:
            return self.published()
        return self.none()

    def in_reading_order(self):
        """The golden rule first, then by category and the order HR chose."""
        return self.select_related("category").order_by(
            "-is_golden_rule", "category__order", "category__name", "order", "title"
        )

    def with_acknowledgement(self, user):
        """Annotate `acknowledged` (the current version counts as read by `user`),
        `acknowledged_before` (an earlier version was, so the tip changed since) and `opened`
        (`user` opened the tip's page since its latest material change: only then may they
        acknowledge it)."""
        mine = Acknowledgement.objects.filter(person=user, guideline=OuterRef("pk"))
        opened = TipOpening.objects.filter(
            person=user, guideline=OuterRef("pk"), version__gte=OuterRef("ack_version")
        )
        return self.annotate(
            acknowledged=Exists(mine.filter(version__gte=OuterRef("ack_version"))),
            acknowledged_before=Exists(mine.filter(version__lt=OuterRef("ack_version"))),
            opened=Exists(opened),
        )

    def outstanding_for(self, user):
        """Published tips that `user` still has to (re-)acknowledge."""
        return self.published().with_acknowledgement(user).filter(acknowledged=False)

    # Searched by hrsocial.search (the overview and the global search).
    SEARCH_FIELDS = ("title", "tip", "body", "title_en", "tip_en", "body_en")


class Guideline(GuidelineContent):
    """A tip ("tip" or "richtlijn"): the working copy HR edits.

    Once published, the content fields are what readers see; each publication is also kept as
    a `GuidelineVersion`, so readers can see what changed. `version` is the number of the latest
    published version and `ack_version` that of the latest *material* one: an acknowledgement
    of `ack_version` or later still counts.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="guidelines"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_golden_rule = models.BooleanField(
        _("golden rule"),
        default=False,
        help_text=_("Shown first, above all other tips. Only one tip can be the golden rule."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=0)
    ack_version = models.PositiveIntegerField(_("version to acknowledge"), default=0)
    # When the version to acknowledge was published: reminders count the days from here.
    ack_requested_at = models.DateTimeField(_("acknowledgement asked since"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = GuidelineQuerySet.as_manager()

    class Meta:
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        ordering = ["-is_golden_rule", "category__order", "order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_golden_rule"],
                condition=Q(is_golden_rule=True),
                name="guidelines_one_golden_rule",
                violation_error_message=_("Another tip is already the golden rule."),
            ),
            models.CheckConstraint(
                condition=Q(ack_version__lte=F("version")),
                name="guidelines_ack_version_published",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(version__gte=1, ack_version__gte=1),
                name="guidelines_published_has_version",
            ),
        ]

    def get_absolute_url(self):
        return reverse("guidelines:detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def counts_as_acknowledged(self, version: int | None) -> bool:
        """Whether an acknowledgement of `version` still counts: editorial changes keep it,
        a material change (which raises `ack_version`) asks for a new one."""
        return version is not None and self.ack_version > 0 and version >= self.ack_version


class ChangeKind(models.TextChoices):
    MATERIAL = "material", _("Material: everyone reads it again")
    EDITORIAL = "editorial", _("Editorial: earlier acknowledgements still count")


class GuidelineVersion(GuidelineContent):
    """One publication of a tip: a snapshot of its content with the change note."""

    guideline = models.ForeignKey(
        Guideline, verbose_name=_("tip"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("kind of change"), max_length=10, choices=ChangeKind)
    change_note = models.CharField(_("change note (Dutch)"), max_length=300, blank=True)
    change_note_en = models.CharField(_("change note (English)"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tip version")
        verbose_name_plural = _("tip versions")
        ordering = ["guideline", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["guideline", "number"], name="guidelines_version_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="guidelines_version_positive"),
        ]

    @property
    def display_change_note(self) -> str:
        return localized(self, "change_note")

    @property
    def is_material(self) -> bool:
        return self.kind == ChangeKind.MATERIAL


class AcknowledgementQuerySet(models.QuerySet):
    def current(self):
        """Acknowledgements that still count: of the tip's latest material version or later,
        by staff who are still employed, of published tips."""
        return self.filter(
            version__gte=F("guideline__ack_version"),
            guideline__status=Guideline.Status.PUBLISHED,
            person__is_active=True,
            person__kind=User.Kind.EMPLOYEE,
        )


class Acknowledgement(models.Model):
    """An employee's "gelezen en begrepen" for one version of one tip.

    Rows are only added, never changed: the history shows who read which version when.
    Personal data: kept while the person has an account, deleted with it.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="guideline_acknowledgements",
    )
    guideline = models.ForeignKey(
        Guideline, verbose_name=_("tip"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    version = models.PositiveIntegerField(_("version"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), default=timezone.now)

    objects = AcknowledgementQuerySet.as_manager()

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "guideline", "version"], name="guidelines_ack_unique"
            ),
        ]
        indexes = [models.Index(fields=["guideline", "version"], name="guidelines_ack_rate")]

    def __str__(self):
        return f"{self.person} – {self.guideline} v{self.version}"


class TipOpeningQuerySet(models.QuerySet):
    def current(self):
        """Openings that still count: of the tip's latest material version or later, by staff
        who are still employed, of published tips (as `AcknowledgementQuerySet.current`)."""
        return self.filter(
            version__gte=F("guideline__ack_version"),
            guideline__status=Guideline.Status.PUBLISHED,
            person__is_active=True,
            person__kind=User.Kind.EMPLOYEE,
        )


class TipOpening(models.Model):
    """That an employee opened a tip's own page, in a version: the proof of reading that an
    acknowledgement needs. Without it, "read and understood" could be clicked for every tip
    on the overview without reading one, and the rate HR reports would mean nothing.

    Recorded by the GET of the tip's page (see `guideline_open`). Rows are only added, one per
    person, tip and version, at the first opening. Personal data: kept while the person has
    an account, deleted with it.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="guideline_openings",
    )
    guideline = models.ForeignKey(
        Guideline, verbose_name=_("tip"), on_delete=models.CASCADE, related_name="openings"
    )
    version = models.PositiveIntegerField(_("version"))
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)

    objects = TipOpeningQuerySet.as_manager()

    class Meta:
        verbose_name = _("tip opening")
        verbose_name_plural = _("tip openings")
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "guideline", "version"], name="guidelines_opening_unique"
            ),
        ]
        indexes = [models.Index(fields=["guideline", "version"], name="guidelines_opening_rate")]

    def __str__(self):
        return f"{self.person} – {self.guideline} v{self.version}"


class AcknowledgementReminder(models.Model):
    """That a reminder to acknowledge tips was sent to someone, so they are not reminded
    again before the configured number of days has passed."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="guideline_reminders",
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    tip_count = models.PositiveSmallIntegerField(_("tips to acknowledge"))

    class Meta:
        verbose_name = _("acknowledgement reminder")
        verbose_name_plural = _("acknowledgement reminders")
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["person", "-sent_at"], name="guidelines_reminder_recent")]

    def __str__(self):
        return f"{self.person} – {self.sent_at:%Y-%m-%d}"
