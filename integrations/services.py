"""Webhook endpoints: registered and switched on and off by HR, audited."""

import secrets

from django.db import transaction

from hrsocial import audit
from integrations.models import WebhookEndpoint


def webhook_create(*, actor, url: str, events: list[str], description: str = ""):
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.create(
            url=url, events=sorted(set(events)), description=description,
            secret=secrets.token_hex(32), created_by=actor,
        )  # fmt: skip
        audit.record(actor=actor, action="integrations.webhook_create", target=endpoint,
                     url=url, events=endpoint.events)  # fmt: skip
    return endpoint


def _set_active(*, actor, target, active: bool, action: str) -> None:
    """Switch a webhook or chat channel on (again: its failure count starts afresh) or off."""
    with transaction.atomic():
        target.is_active = active
        target.disabled_at = None if active else target.disabled_at
        target.consecutive_failures = 0 if active else target.consecutive_failures
        target.save(update_fields=["is_active", "disabled_at", "consecutive_failures"])
        audit.record(actor=actor, action=action, target=target, active=active)


def webhook_set_active(*, actor, endpoint: WebhookEndpoint, active: bool) -> None:
    _set_active(actor=actor, target=endpoint, active=active, action="integrations.webhook_active")


def channel_set_active(*, actor, channel, active: bool) -> None:
    _set_active(actor=actor, target=channel, active=active, action="integrations.channel_active")


def webhook_delete(*, actor, endpoint: WebhookEndpoint) -> None:
    with transaction.atomic():
        audit.record(actor=actor, action="integrations.webhook_delete", target=endpoint,
                     url=endpoint.url)  # fmt: skip
        endpoint.delete()
