"""Webhooks: validated targets, signed deliveries through the outbox, retries, switching off.
Real HTTP to a small server on 127.0.0.1 (short timeouts, a handful of requests)."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError

from integrations import services, webhooks
from integrations.models import WebhookDelivery
from notifications.models import Notification
from tests.helpdesk.factories import ask

pytestmark = pytest.mark.django_db


class Target(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Target.received.append((self.path, dict(self.headers), body))
        if self.path == "/hang":
            time.sleep(1.5)
        status = {"/broken": 500, "/bad": 400}.get(self.path, 204)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def target(settings):
    settings.WEBHOOK_ALLOW_LOCALHOST = True
    settings.WEBHOOK_TIMEOUT = 0.5
    Target.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Target)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/hook",
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest",
        "https://[::1]/hook",
        "https://192.168.0.1/",
        "https://user:pw@example.org/",
        "https://localhost/hook",
    ],
)
def test_it_refuses_targets_on_the_internal_network_or_without_https(url):
    with pytest.raises(ValidationError):
        webhooks.check_target(url)


def test_it_accepts_a_public_https_address():
    webhooks.check_target("https://93.184.215.14/hook")


def test_it_allows_local_http_only_with_the_test_setting(settings):
    with pytest.raises(ValidationError):
        webhooks.check_target("http://127.0.0.1:9/")
    settings.WEBHOOK_ALLOW_LOCALHOST = True
    webhooks.check_target("http://127.0.0.1:9/")


def test_it_shows_hr_a_clear_message_for_an_internal_url(client, hanna):
    client.force_login(hanna)
    response = client.post(
        "/integrations/webhooks/",
        {"url": "https://10.0.0.8/hook", "events": ["helpdesk.question_asked"]},
    )
    assert response.status_code == 422
    assert "intern" in response.content.decode()


def test_it_delivers_a_signed_event_for_a_new_question(target, emma, hanna, settings):
    endpoint = services.webhook_create(
        actor=hanna, url=target + "/ok", events=["helpdesk.question_asked"]
    )
    ask(emma, anonymous=True, subject="Geheim")
    delivery = WebhookDelivery.objects.get()
    webhooks.deliveries_send(ids=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.response_status == 204
    _path, headers, body = Target.received[0]
    expected = hmac.new(
        endpoint.secret.encode(),
        headers["X-Hrsocial-Timestamp"].encode() + b"." + body,
        hashlib.sha256,
    ).hexdigest()
    assert headers["X-Hrsocial-Signature"] == "sha256=" + expected
    payload = json.loads(body)
    assert payload["event"] == "helpdesk.question_asked"
    assert "Geheim" not in body.decode() and emma.email not in body.decode()


def test_it_retries_a_failing_target_with_backoff_and_switches_it_off(target, hanna, settings):
    settings.WEBHOOK_MAX_FAILURES = 2
    endpoint = services.webhook_create(
        actor=hanna, url=target + "/broken", events=["helpdesk.question_asked"]
    )
    first, second = (webhooks.publish("helpdesk.question_asked", {"n": n})[0] for n in range(2))
    webhooks.deliveries_send(ids=[first.pk])
    first.refresh_from_db()
    assert first.status == WebhookDelivery.Status.PENDING
    assert first.response_status == 500 and first.last_error == "HTTP 500"
    assert first.next_attempt_at > first.created_at
    webhooks.deliveries_send(ids=[second.pk])
    endpoint.refresh_from_db()
    assert endpoint.is_active is False
    assert Notification.objects.filter(
        recipient=hanna, category="integrations.webhook_disabled"
    ).exists()
    assert webhooks.publish("helpdesk.question_asked", {}) == []


def test_it_gives_up_on_a_hung_target_within_the_timeout(target, hanna):
    services.webhook_create(actor=hanna, url=target + "/hang", events=["helpdesk.question_asked"])
    delivery = webhooks.publish("helpdesk.question_asked", {})[0]
    started = time.monotonic()
    webhooks.deliveries_send(ids=[delivery.pk])
    assert time.monotonic() - started < 1.4
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert "Timeout" in delivery.last_error


def test_it_checks_the_address_again_at_delivery(target, hanna, settings):
    services.webhook_create(actor=hanna, url=target + "/ok", events=["helpdesk.question_asked"])
    delivery = webhooks.publish("helpdesk.question_asked", {})[0]
    settings.WEBHOOK_ALLOW_LOCALHOST = False
    webhooks.deliveries_send(ids=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert Target.received == []


def test_it_publishes_nothing_when_the_event_rolls_back(target, hanna):
    from django.db import transaction

    services.webhook_create(actor=hanna, url=target + "/ok", events=["helpdesk.question_asked"])
    with transaction.atomic():
        webhooks.publish("helpdesk.question_asked", {})
        transaction.set_rollback(True)
    assert WebhookDelivery.objects.count() == 0


def test_it_refuses_an_undeclared_event():
    with pytest.raises(LookupError):
        webhooks.publish("nobody.made_this_up", {})


def test_it_shows_hr_each_delivery_with_its_status(client, target, hanna):
    endpoint = services.webhook_create(
        actor=hanna, url=target + "/broken", events=["helpdesk.question_asked"]
    )
    delivery = webhooks.publish("helpdesk.question_asked", {})[0]
    webhooks.deliveries_send(ids=[delivery.pk])
    client.force_login(hanna)
    page = client.get(f"/integrations/webhooks/{endpoint.pk}/").content.decode()
    assert "HTTP 500" in page
