from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Membership.Status.PENDING)

    def verification_queue(self):
        """HR's queue: sign-ups waiting for a decision, oldest first."""
        return self.pending().select_related("user", "former_person").order_by("created_at", "pk")


class Membership(models.Model):
    """A person's place in the alumni and freelancer network, from the self sign-up on.

    Accounts that HR created as alumni or freelancers (the admin, the HRIS import) have no
    membership row: HR vouched for them. A sign-up waits here until it is verified, either at
    once (the claims match a former employee) or by HR in the verification queue.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    # What the person told us at sign-up to prove they worked here; kept only for HR's check.
    claimed_employee_number = models.CharField(
        _("former employee number"), max_length=30, blank=True
    )
    claimed_work_email = models.EmailField(_("former work e-mail address"), blank=True)
    # The former employee's own (ended) account the claims matched, when they did.
    former_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("former employee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    auto_verified = models.BooleanField(_("verified automatically"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reject_reason = models.TextField(_("reason for rejection"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(reject_reason=""),
                name="alumni_membership_rejected_has_reason",
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_status_display()})"

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED
