"""Webhooks: HR subscribes URLs to events; each event becomes an outbox row per endpoint.

    integrations.webhooks.publish("helpdesk.question_asked", {"reference": "…"})

inside the event's transaction writes one WebhookDelivery per active endpoint subscribed to
the event; after the commit a task delivers them (tasks.deliver_webhooks), the sweep (every
minute) picks up what was lost or is due again. Each delivery is a POST of JSON

    {"event": "<key>", "id": <delivery id>, "created_at": "<ISO 8601>", "data": {…}}

with the headers `X-Hrsocial-Event`, `X-Hrsocial-Delivery`, `X-Hrsocial-Timestamp` (Unix
seconds) and `X-Hrsocial-Signature: sha256=<hex>`, the HMAC-SHA256 with the endpoint's secret
of "<timestamp>.<body>". Receivers recompute it and refuse timestamps older than five minutes.
A failed delivery is retried after 1, 2, 4 … minutes (notifications' backoff) for a day; after
WEBHOOK_MAX_FAILURES failures in a row the endpoint is switched off and HR is notified.
"""

import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import time
from urllib.parse import urlsplit

import requests
import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial import plugins
from hrsocial.celery import app
from integrations import outbox
from integrations.models import WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)


def events() -> dict[str, object]:
    """{key: label} of every app's declared webhook events."""
    return {event["key"]: event["label"] for event in plugins.declared("webhook_events")}


def publish(event: str, payload: dict) -> list[WebhookDelivery]:
    """Queue `payload` for every active endpoint subscribed to `event`. Call it inside the
    event's transaction: the rows commit (or roll back) with the event."""
    if event not in events():
        raise LookupError(f"Unknown webhook event {event!r}: declare it in webhook_events.")
    endpoints = [e for e in WebhookEndpoint.objects.filter(is_active=True) if event in e.events]
    if not endpoints:
        return []
    data = json.loads(json.dumps(payload, cls=DjangoJSONEncoder))
    rows = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=endpoint, event=event, payload=data) for endpoint in endpoints
    )
    ids = [row.pk for row in rows]
    # As notify(): in the embedded mode (tasks run in-process) the periodic sweep delivers,
    # so no request waits for a slow target.
    if not app.conf.task_always_eager or settings.NOTIFICATIONS_DELIVER_IN_REQUEST:
        transaction.on_commit(lambda: schedule(ids), robust=True)
    return rows


def schedule(ids: list[int]) -> None:
    from integrations.tasks import deliver_webhooks

    try:
        deliver_webhooks.delay(ids)
    except Exception:  # the broker is away: the sweep queues them again
        logger.warning("Could not queue %d webhook deliveries", len(ids), exc_info=True)


# --- Targets ------------------------------------------------------------------------------


def _allowed_local(parts) -> bool:
    return (
        settings.WEBHOOK_ALLOW_LOCALHOST
        and parts.scheme in ("http", "https")
        and (parts.hostname == "127.0.0.1")
    )


def check_target(url: str) -> list[str]:
    """Raise ValidationError unless `url` is https on a public address: the host is resolved
    and every address it has is checked (no loopback, private, link-local, reserved …), so
    the portal cannot be pointed at the internal network. Returns the checked addresses;
    post_pinned() connects to one of them, so a name that resolves elsewhere a moment later
    (DNS rebinding) cannot lead the delivery inside."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValidationError(_("This is not a valid URL.")) from None
    if _allowed_local(parts):
        return [parts.hostname]
    if parts.scheme != "https" or not parts.hostname:
        raise ValidationError(_("A webhook URL must start with https://."))
    if parts.username or parts.password:
        raise ValidationError(_("A webhook URL cannot contain a user name or password."))
    try:
        infos = socket.getaddrinfo(parts.hostname, port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise ValidationError(_("The host name of this URL cannot be found.")) from None
    checked = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast or address.is_reserved:
            raise ValidationError(
                _("This URL points to an internal or reserved address (%(address)s).")
                % {"address": address}
            )
        if str(address) not in checked:
            checked.append(str(address))
    if not checked:
        raise ValidationError(_("The host name of this URL cannot be found."))
    return checked


class PinnedAdapter(requests.adapters.HTTPAdapter):
    """Connects to one checked address instead of resolving the URL's host again, while TLS
    still sends the host name as SNI and checks the certificate against it. This is the
    subclassing hook requests documents for build_connection_pool_key_attributes; urllib3
    takes `server_hostname` (SNI) and `assert_hostname` (certificate check) as pool keys."""

    def __init__(self, address: str, hostname: str, **kwargs):
        self.address = address
        self.hostname = hostname
        super().__init__(max_retries=0, **kwargs)

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        host_params["host"] = self.address
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = self.hostname
            pool_kwargs["assert_hostname"] = self.hostname
        return host_params, pool_kwargs


def post_pinned(url: str, **kwargs) -> requests.Response:
    """POST to `url` after check_target(), on a connection to an address that was checked:
    the first, or the next when one takes no connection (raises ValidationError for a refused
    target). No proxies from the environment and no redirects: either would hand the choice
    of address to someone else."""
    addresses = check_target(url)
    parts = urlsplit(url)
    default_port = 443 if parts.scheme == "https" else 80
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    headers = dict(kwargs.pop("headers", None) or {})
    # urllib3 would otherwise name the address in Host; the receiver routes on the name.
    headers["Host"] = host if parts.port in (None, default_port) else f"{host}:{parts.port}"
    for n, address in enumerate(addresses):
        with requests.Session() as session:
            session.trust_env = False
            session.mount(f"{parts.scheme}://", PinnedAdapter(address, parts.hostname))
            try:
                return session.post(url, headers=headers, allow_redirects=False, **kwargs)
            except requests.ConnectionError as error:
                # The next checked address only when this one took no connection: once the
                # request may have arrived, another try could deliver it twice.
                if n == len(addresses) - 1 or not _not_connected(error):
                    raise
    raise AssertionError("unreachable: check_target() returns at least one address")


def _not_connected(error: requests.ConnectionError) -> bool:
    reason = getattr(error.args[0] if error.args else None, "reason", None)
    return isinstance(
        reason, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ConnectTimeoutError
    )


# --- Delivery -----------------------------------------------------------------------------


def sign(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def deliveries_send(*, ids: list[int]) -> list[int]:
    """Send these deliveries that are still due, one at a time; returns the failed ids."""
    failed = []
    for pk in ids:
        delivery = outbox.claim(WebhookDelivery, pk, "endpoint")
        if delivery is None:
            continue
        if not delivery.endpoint.is_active:
            _finish(delivery, error="the webhook is switched off", give_up=True)
            continue
        error, status = _post(delivery)
        _finish(delivery, error=error, status=status)
        if error:
            failed.append(pk)
    return failed


def _post(delivery: WebhookDelivery) -> tuple[str, int | None]:
    endpoint = delivery.endpoint
    body = json.dumps(
        {
            "event": delivery.event,
            "id": delivery.pk,
            "created_at": delivery.created_at.isoformat(),
            "data": delivery.payload,
        }
    ).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "hrsocial-webhooks/1",
        "X-Hrsocial-Event": delivery.event,
        "X-Hrsocial-Delivery": str(delivery.pk),
        "X-Hrsocial-Timestamp": str(timestamp),
        "X-Hrsocial-Signature": sign(endpoint.secret, timestamp, body),
    }
    return outbox.post(endpoint.url, data=body, headers=headers, timeout=settings.WEBHOOK_TIMEOUT)


def _finish(delivery: WebhookDelivery, *, error: str, status=None, give_up=False) -> None:
    if not error:
        outbox.delivered(delivery, status=status)
        WebhookEndpoint.objects.filter(pk=delivery.endpoint_id).update(consecutive_failures=0)
        return
    outbox.failed(delivery, error=error, status=status, give_up=give_up)
    logger.warning("Webhook delivery %s failed: %s", delivery.pk, error)
    _count_failure(delivery.endpoint)


def count_failure(model, pk: int) -> bool:
    """One more failure in a row for a webhook endpoint or chat channel (`model` has
    is_active, consecutive_failures and disabled_at); switches it off at
    WEBHOOK_MAX_FAILURES. True only for the call that switched it off, so exactly one notice
    goes out even when workers fail at the same time."""
    model.objects.filter(pk=pk).update(consecutive_failures=F("consecutive_failures") + 1)
    return bool(
        model.objects.filter(
            pk=pk, is_active=True, consecutive_failures__gte=settings.WEBHOOK_MAX_FAILURES
        ).update(is_active=False, disabled_at=timezone.now())
    )


def _count_failure(endpoint: WebhookEndpoint) -> None:
    from notifications.services import notify
    from people.models import User

    with transaction.atomic():
        if count_failure(WebhookEndpoint, endpoint.pk):
            WebhookDelivery.objects.filter(
                endpoint=endpoint, status=WebhookDelivery.Status.PENDING
            ).update(status=WebhookDelivery.Status.FAILED, last_error="the webhook is switched off")
            url = endpoint.url
            notify(
                User.objects.hr_staff().distinct(),
                "integrations.webhook_disabled",
                _("A webhook was switched off"),
                lambda: str(
                    _(
                        "%(url)s failed %(count)s times in a row and gets no more deliveries. "
                        "Check it and switch it on again."
                    )
                    % {"url": url, "count": settings.WEBHOOK_MAX_FAILURES}
                ),  # fmt: skip
                "/integrations/webhooks/",
            )


def webhooks_sweep(*, now=None) -> int:
    """Every minute: deliveries whose task was lost, whose worker died or that are due again."""
    return outbox.sweep(WebhookDelivery, schedule, now=now)
