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


def webhook_set_active(*, actor, endpoint: WebhookEndpoint, active: bool) -> None:
    with transaction.atomic():
        endpoint.is_active = active
        endpoint.disabled_at = None if active else endpoint.disabled_at
        endpoint.consecutive_failures = 0 if active else endpoint.consecutive_failures
        endpoint.save(update_fields=["is_active", "disabled_at", "consecutive_failures"])
        audit.record(actor=actor, action="integrations.webhook_active", target=endpoint,
                     active=active)  # fmt: skip


def webhook_delete(*, actor, endpoint: WebhookEndpoint) -> None:
    with transaction.atomic():
        audit.record(actor=actor, action="integrations.webhook_delete", target=endpoint,
                     url=endpoint.url)  # fmt: skip
        endpoint.delete()
