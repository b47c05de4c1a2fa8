"""Where a question goes and how fast it should be answered: categories and public holidays."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrsocial.caching import CachedValue
from hrsocial.i18n import localized
from people.models import HR_GROUP

# Two working days of eight hours: the default first-response target.
DEFAULT_RESPONSE_HOURS = 16


class CategoryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Category(models.Model):
    """A kind of question ("Privacy", "Mijn eigen accounts"): it routes the question to an HR
    team and sets the first-response target.

    With a team, every member hears about a new question and one of them picks it up. Without
    one, the question is assigned round-robin to HR staff; `last_routed_to` remembers whose turn
    it was, per category, so the work is spread evenly without a separate scheduler.
    """

    name = models.CharField(_("name (Dutch)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    description = models.CharField(_("description (Dutch)"), max_length=250, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=250, blank=True)
    response_hours = models.PositiveSmallIntegerField(
        _("first-response target (working hours)"),
        default=DEFAULT_RESPONSE_HOURS,
        help_text=_(
            "Working hours (Monday to Friday, not on public holidays) within which HR sends a "
            "first answer. 16 is two working days."
        ),
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("HR team"),
        blank=True,
        related_name="helpdesk_categories",
        limit_choices_to={"groups__name": HR_GROUP, "is_active": True},
        help_text=_("Told about new questions. Without a team, HR staff take turns."),
    )
    last_routed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive categories cannot be chosen any more.")
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response_hours__gte=1) & Q(response_hours__lte=400),
                name="helpdesk_category_response_hours_range",
                violation_error_message=_("A response target is between 1 and 400 hours."),
            )
        ]

    def __str__(self):
        return localized(self, "name")

    @property
    def display_description(self) -> str:
        return localized(self, "description")


class PublicHoliday(models.Model):
    """A day without working hours for the response targets. HR keeps the list in the admin;
    the Dutch public holidays of the coming years come with the first migration."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


# Every category, for the filters and forms of busy pages (the queue, the ask form):
# forgotten when one changes (helpdesk.apps).
CATEGORIES = CachedValue("helpdesk:categories", lambda: list(Category.objects.all()))
