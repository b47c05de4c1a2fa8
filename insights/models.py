"""What insights stores: daily aggregates per department (never rows about persons), the
initiatives HR measures, and the read-only links HR shares with managers and the works council."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DailyFigure(models.Model):
    """One figure of one day for one department ("dagcijfer"), built each night by
    `insights.tasks.build_daily_figures` from the practice apps' `daily_figures(day)`.

    `amount` and `base` add up over days and departments: a count is `amount`, a rate or an
    average is `sum(amount) / sum(base)`. `department` None: not attributed to a department
    (anonymous questions, what stores no person). No person is ever a dimension here."""

    day = models.DateField(_("day"))
    figure = models.CharField(_("figure"), max_length=80)
    department = models.ForeignKey(
        "people.Department", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    amount = models.FloatField(_("amount"), default=0)
    base = models.PositiveIntegerField(_("base"), default=0)

    class Meta:
        verbose_name = _("daily figure")
        verbose_name_plural = _("daily figures")
        # One row per (day, figure, department): the builder replaces a day's rows at once.
        indexes = [models.Index(fields=["figure", "day"], name="insights_daily_figure_day")]

    def __str__(self):
        return f"{self.day} {self.figure}"


class Initiative(models.Model):
    """A quick win HR tries and measures ("initiatief"): which figure it aims to move, from
    what baseline to what target, optionally first in a pilot group of departments, compared
    with the rest over the same weeks. The result is recorded, not remembered."""

    title = models.CharField(_("title"), max_length=200)
    practice = models.CharField(_("practice"), max_length=40)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    starts_on = models.DateField(_("start"))
    figure = models.CharField(_("figure it aims to move"), max_length=80)
    baseline = models.FloatField(_("baseline"))
    target = models.FloatField(_("target"))
    pilot_departments = models.ManyToManyField(
        "people.Department", verbose_name=_("pilot group"), blank=True, related_name="+"
    )
    result = models.TextField(_("result"), max_length=4000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.title


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ShareQuerySet(models.QuerySet):
    def valid(self):
        today = timezone.localdate()
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )


class Share(models.Model):
    """A read-only view of the dashboard that HR hands to managers or the works council
    ("ondernemingsraad"): whoever signs in with the link sees the same suppressed figures as
    HR, nothing more, until HR revokes it or it expires."""

    label = models.CharField(_("for whom"), max_length=200)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared dashboard")
        verbose_name_plural = _("shared dashboards")
        ordering = ["-created_at"]

    def __str__(self):
        return self.label
