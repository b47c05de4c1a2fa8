"""Share kits, caption variants, personal tracked links and counted clicks (practices 5 and 9).

A `ShareKit` is something employees share: an external URL curated by HR or the comms group,
or a record of another app that declared itself shareable (`hrsocial.shareables`; a generic
reference, content type + object id). A `Share` is one person's personal link for one kit on
one channel (`/s/<code>`): stable, so sharing again gives the same link. A `Click` is one
counted visit (one per browser per day, bots left out); `DailyFigure` holds the clicks per
share per day, added up from the clicks by a periodic task, so HR's figures read a small
pre-aggregated table instead of every click.
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized


class Channel(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X"
    FACEBOOK = "facebook", "Facebook"
    WHATSAPP = "whatsapp", "WhatsApp"
    EMAIL = "email", _("E-mail")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone (employees, alumni and freelancers)")
    EMPLOYEES = "employees", _("All employees")
    DEPARTMENTS = "departments", _("Employees of some departments")


class Campaign(models.Model):
    """A series of kits shared together ("Werken bij week 2027"); figures per campaign."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    # The utm_campaign value when a kit of this campaign asks for UTM parameters.
    slug = models.SlugField(_("short name for UTM"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["name"]

    def __str__(self):
        return self.name


class KitQuerySet(models.QuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(status=ShareKit.Status.PUBLISHED, starts_at__lte=now).filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        )

    def for_audience(self, user):
        """Kits whose audience includes `user` (employees, alumni, freelancers)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_employee:
            rule = Q(audience__in=[Audience.EVERYONE, Audience.EMPLOYEES])
            if user.department_id:
                rule |= Q(audience=Audience.DEPARTMENTS, departments=user.department_id)
            return self.filter(rule).distinct()
        if user.is_alumnus or user.is_freelancer:
            return self.filter(audience=Audience.EVERYONE)
        return self.none()

    def shareable_by(self, user):
        return self.current().for_audience(user)


class ShareKit(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Dutch first; the English twins are optional and shown to English readers when filled
    # in (hrsocial.i18n.localized).
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    summary_en = models.TextField(_("summary (English)"), max_length=1000, blank=True)
    url = models.URLField(_("web address"), max_length=500)
    # HR uploads the image (the portal fetches nothing from other sites); checked by content.
    image = models.FileField(_("image"), upload_to="sharing/", blank=True)
    # For a record of another app: what it is ("recruitment.vacancy") and which one. Empty for
    # an external URL curated by HR.
    shareable_key = models.CharField(max_length=60, blank=True, default="")
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    image_url = models.URLField(max_length=500, blank=True)  # from describe(), for records
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EMPLOYEES
    )
    departments = models.ManyToManyField(
        "people.Department", blank=True, verbose_name=_("departments"), related_name="+"
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("campaign")
    )
    disclosure = models.CharField(
        _("disclosure"), max_length=100, blank=True,
        help_text=_("Appended to every text, e.g. #ikwerkbijzuiderlicht. Empty: the general "
                    "disclosure."),
    )  # fmt: skip
    disclosure_en = models.CharField(
        _("disclosure (English)"), max_length=100, blank=True,
        help_text=_("For texts in English, e.g. \"I work at Zuiderlicht\". Empty: the Dutch one."),
    )  # fmt: skip
    add_utm = models.BooleanField(
        _("add UTM parameters"), default=False,
        help_text=_("For the destination's own analytics: utm_source (the network), "
                    "utm_medium=social, utm_campaign."),
    )  # fmt: skip
    # utm_campaign, kept on the kit so the redirect needs no second lookup.
    utm_campaign = models.CharField(max_length=60, blank=True, default="")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = KitQuerySet.as_manager()

    class Meta:
        verbose_name = _("share kit")
        verbose_name_plural = _("share kits")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(content_type__isnull=False),
                name="sharing_one_kit_per_record",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="sharing_kit_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_summary(self) -> str:
        return localized(self, "summary")

    @property
    def is_external(self) -> bool:
        return self.content_type_id is None

    def is_available(self, now=None) -> bool:
        """Whether its links still lead somewhere: published and not past its end."""
        now = now or timezone.now()
        return self.status == self.Status.PUBLISHED and (self.ends_at is None or self.ends_at > now)


class CaptionVariant(models.Model):
    """One suggested text for one network, written by HR; offered least used first."""

    kit = models.ForeignKey(ShareKit, on_delete=models.CASCADE, related_name="variants")
    channel = models.CharField(_("network"), max_length=20, choices=Channel.choices)
    text = models.TextField(_("text"), max_length=3000)
    # The same suggestion in English: one variant, so the rotation counts both languages.
    text_en = models.TextField(_("text (English)"), max_length=3000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suggested text")
        verbose_name_plural = _("suggested texts")
        ordering = ["channel", "pk"]

    def __str__(self):
        return self.display_text[:60]

    @property
    def display_text(self) -> str:
        return localized(self, "text")


def new_code() -> str:
    # 10 URL-safe characters: about 60 bits, short and not guessable.
    return secrets.token_urlsafe(8)[:10]


class ShareQuerySet(models.QuerySet):
    def by(self, user):
        return self.filter(sharer=user)


class Share(models.Model):
    """A personal tracked link: one per (person, kit, channel), so the same person sharing the
    same kit on the same channel always gets the same link, and a double-submitted share
    counts once. `text` is the last text they shared with it."""

    code = models.CharField(max_length=16, unique=True, default=new_code)
    kit = models.ForeignKey(ShareKit, on_delete=models.CASCADE, related_name="shares")
    sharer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares"
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    variant = models.ForeignKey(
        CaptionVariant, null=True, blank=True, on_delete=models.SET_NULL, related_name="shares"
    )
    text = models.TextField(max_length=5000, blank=True)
    # The sharer's department when they shared, for the group figures (none: not shown).
    department = models.ForeignKey(
        "people.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ShareQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sharer", "kit", "channel"], name="sharing_one_link_per_channel"
            )
        ]
        # created_at: insights counts the day's new links (sharing.api.daily_figures).
        indexes = [models.Index(fields=["kit", "channel"]), models.Index(fields=["created_at"])]

    def __str__(self):
        return self.code


class Click(models.Model):
    """One counted visit through a personal link. `visitor` is a keyed hash of the address and
    browser that changes every day (sharing.counting): no address or user agent is stored, and
    the same browser counts once per day."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="clicks")
    day = models.DateField()
    visitor = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["share", "day", "visitor"], name="sharing_click_once")
        ]

    def __str__(self):
        return f"{self.share_id} {self.day}"


class DailyFigure(models.Model):
    """Counted clicks of one share on one day, with what HR groups by copied onto the row
    (kit, channel, department, campaign, sharer), so the figures page adds up this small
    table only. Written by `sharing.services.counting.clicks_aggregate`."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    kit = models.ForeignKey(ShareKit, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    sharer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    department = models.ForeignKey(
        "people.Department", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    campaign = models.ForeignKey(Campaign, null=True, on_delete=models.SET_NULL, related_name="+")
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["share", "day"], name="sharing_one_figure_per_day")
        ]
        indexes = [models.Index(fields=["day"]), models.Index(fields=["kit", "day"])]

    def __str__(self):
        return f"{self.share_id} {self.day}: {self.clicks}"


class Counter(models.Model):
    """How far the clicks are added up (the last Click pk in DailyFigure). One row."""

    name = models.CharField(max_length=40, unique=True)
    value = models.BigIntegerField(default=0)

    def __str__(self):
        return self.name


class SharingSettings(models.Model):
    """The general disclosure HR sets for every kit without its own. One row (pk 1)."""

    disclosure = models.CharField(
        _("general disclosure"), max_length=100, blank=True, default="#ikwerkbijzuiderlicht",
        help_text=_("Appended to every suggested text (Reclamecode Social Media: make your tie "
                    "to the employer clear)."),
    )  # fmt: skip
    disclosure_en = models.CharField(
        _("general disclosure (English)"), max_length=100, blank=True,
        help_text=_("For texts in English, e.g. \"I work at Zuiderlicht\". Empty: the Dutch one."),
    )  # fmt: skip

    def __str__(self):
        return self.disclosure

    @classmethod
    def current(cls) -> "SharingSettings":
        return cls.objects.get_or_create(pk=1)[0]


class SharingProfile(models.Model):
    """A person's own choices: on the leaderboard or not (off by default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sharing_profile"
    )
    on_leaderboard = models.BooleanField(_("show me on the leaderboard"), default=False)
    # The first day of the last month whose "your shares brought N visits" note was sent.
    noted_month = models.DateField(null=True, blank=True)

    def __str__(self):
        return str(self.user)
