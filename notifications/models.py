from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.categories import Delivery


class NotificationPreference(models.Model):
    """How one person wants to hear about one category; absent means the category default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    category = models.CharField(max_length=50)
    delivery = models.CharField(max_length=20, choices=Delivery)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="notification_pref_unique")
        ]

    def __str__(self):
        return f"{self.user}: {self.category} → {self.delivery}"


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One message to one person: the outbox row and the in-app notification at once.

    The row is written in the same transaction as the event that causes it; e-mail delivery
    happens after commit and is tracked by `email_status`, so a failed or lost delivery is
    retried by the sweep and a delivered one is never sent again.
    """

    class EmailStatus(models.TextChoices):
        NOT_NEEDED = "none", _("no e-mail")
        PENDING = "pending", _("to be sent")
        DIGEST = "digest", _("waiting for the digest")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    category = models.CharField(_("category"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    # A path inside the portal ("/helpdesk/12/"); e-mails prefix it with SITE_URL.
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    # Delivery by e-mail (the outbox part).
    delivery = models.CharField(max_length=20, choices=Delivery, default=Delivery.IMMEDIATE)
    email_status = models.CharField(max_length=10, choices=EmailStatus, default=EmailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # When the sweep may (re)try a pending row: a fresh row's own task has this long first;
    # a failed attempt pushes it back with exponential backoff.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
            # The sweep and the digest only look at rows still waiting for e-mail.
            models.Index(
                fields=["email_status", "created_at"],
                condition=Q(email_status__in=["pending", "digest", "sending"]),
                name="notification_outbox",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    @property
    def absolute_url(self) -> str:
        return settings.SITE_URL + (self.url or "/notifications/")


class PeriodicTaskRun(models.Model):
    """The last run of one task of the beat schedule, written by the task itself (celery beat
    with a worker, or `manage.py run_periodic_tasks`), so HR can see that scheduled work runs."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("running")
        OK = "ok", _("finished")
        FAILED = "failed", _("failed")

    task = models.CharField(_("task"), max_length=200, unique=True)
    last_started_at = models.DateTimeField(_("last started"))
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("periodic task run")
        verbose_name_plural = _("periodic task runs")
        ordering = ["task"]

    def __str__(self):
        return f"{self.task}: {self.outcome}"
