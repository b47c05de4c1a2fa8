"""Personal access tokens: made on the person's own settings page, shown once, kept hashed."""

import copy
import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from hrsocial import audit, plugins
from integrations.models import AccessToken
from people.models import HR_GROUP, HR_LEADS_GROUP

PREFIX = "hrs_"
LIFETIMES = (30, 90, 365)  # days a token may live


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def scopes() -> list[str]:
    """The read scopes: one per app with an API router ("trainings:read")."""
    return [f"{config.label}:read" for config in plugins.portal_apps() if config.api_routers]


def token_create(*, user, name: str, scopes: list[str], days: int, is_hr: bool = False):
    """A new token and its secret (shown to the person once, never stored)."""
    if days not in LIFETIMES:
        raise ValueError("unknown lifetime")
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = AccessToken.objects.create(
            user=user,
            name=name[:100],
            prefix=secret[: len(PREFIX) + 6],
            secret_hash=hash_secret(secret),
            scopes=sorted(set(scopes)),
            is_hr=is_hr and user.is_hr,
            expires_at=timezone.now() + timedelta(days=days),
        )
        audit.record(actor=user, action="integrations.token_create", target=token,
                     scopes=token.scopes, hr=token.is_hr)  # fmt: skip
    return token, secret


def token_revoke(*, token: AccessToken, actor) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor=actor, action="integrations.token_revoke", target=token)


def token_find(secret: str) -> AccessToken | None:
    """The usable token with this secret, with its active owner; None otherwise."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    token = (
        AccessToken.objects.usable()
        .select_related("user")
        .filter(secret_hash=hash_secret(secret), user__is_active=True)
        .first()
    )
    return token


def acting_user(token: AccessToken):
    """The owner as the API sees them: without HR's rights unless the token is an HR token
    (so the apps' own rules, which ask user.is_hr, give an employee's view)."""
    user = token.user
    if token.is_hr and user.is_hr:
        return user
    user = copy.copy(user)
    for name in ("is_hr_member", "is_hr_lead_member"):
        user.__dict__.pop(name, None)
    user.__dict__["group_names"] = user.group_names - {HR_GROUP, HR_LEADS_GROUP}
    return user
