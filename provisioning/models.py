import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ConnectionQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class Connection(models.Model):
    """One identity provider's SCIM client (an Entra ID enterprise app, an Okta app), with its
    bearer token. Only the token's SHA-256 is stored: the token is shown once, at creation."""

    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, so HR can tell tokens apart without the token itself.
    token_prefix = models.CharField(max_length=8, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ConnectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("SCIM connection")
        verbose_name_plural = _("SCIM connections")

    def __str__(self):
        return self.name

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )


class ProvisionedPerson(models.Model):
    """What SCIM says about a person beyond the portal's own fields: the identity provider's
    id (externalId), the name parts, and a manager who has not arrived yet (resolved when that
    person is provisioned)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provisioned"
    )
    connection = models.ForeignKey(Connection, null=True, on_delete=models.SET_NULL)
    external_id = models.CharField(max_length=200, blank=True, db_index=True)
    # Entra ID's userName is often the UPN, not the e-mail address: kept for its filter.
    user_name = models.CharField(max_length=254, blank=True, db_index=True)
    given_name = models.CharField(max_length=150, blank=True)
    family_name = models.CharField(max_length=150, blank=True)
    display_name = models.CharField(max_length=150, blank=True)
    # The manager as the identity provider named them, while nobody in the portal matches.
    pending_manager = models.CharField(max_length=200, blank=True, db_index=True)

    def __str__(self):
        return self.external_id or str(self.person_id)
