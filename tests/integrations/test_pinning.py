"""DNS rebinding: a delivery connects to the address check_target() approved, not to
whatever the name resolves to a moment later. No traffic leaves 127.0.0.1."""

import socket

import pytest
import requests
import urllib3.util.connection

from integrations import webhooks
from integrations.models import ChatChannel, ChatMessage, WebhookDelivery
from tests.integrations.test_webhooks import Target, target  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

PUBLIC = "93.184.216.34"
real_getaddrinfo = socket.getaddrinfo


@pytest.fixture
def rebinding(monkeypatch):
    """hooks.example.test answers a public address once (the check), then 127.0.0.1; every
    connection attempt is recorded with the address it would reach and refused, so nothing
    leaves the machine."""
    answers = {"count": 0}
    reached = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "hooks.example.test":
            answers["count"] += 1
            address = PUBLIC if answers["count"] == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 443))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        host, port = address
        reached.append(getaddrinfo(host, port)[0][4][0])
        raise ConnectionRefusedError("refused by the test")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    return reached


def test_a_webhook_goes_to_the_checked_address_not_the_rebound_one(rebinding, hanna, settings):
    from integrations.models import WebhookEndpoint

    settings.WEBHOOK_ALLOW_LOCALHOST = False
    endpoint = WebhookEndpoint.objects.create(
        url="https://hooks.example.test/hook",
        events=["helpdesk.question_asked"],
        secret="s3cret",
        created_by=hanna,
    )
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="helpdesk.question_asked")
    webhooks.deliveries_send(ids=[delivery.pk])
    assert rebinding == [PUBLIC]
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert "ConnectionError" in delivery.last_error


def test_a_chat_message_goes_to_the_checked_address_not_the_rebound_one(rebinding, emma, settings):
    from integrations import chat
    from notifications.models import Notification

    settings.WEBHOOK_ALLOW_LOCALHOST = False
    channel = ChatChannel.objects.create(
        name="HR", kind=ChatChannel.Kind.TEAMS, url="https://hooks.example.test/teams"
    )
    notification = Notification.objects.create(
        recipient=emma, category="helpdesk.answer", title="Antwoord", body="…", url="/"
    )
    message = ChatMessage.objects.create(channel=channel, notification=notification)
    chat.chat_messages_send(ids=[message.pk])
    assert rebinding == [PUBLIC]


def test_the_pinned_connection_keeps_the_host_name(target, monkeypatch):  # noqa: F811
    """The checked address is 127.0.0.1 (the test server); the URL names another host: the
    request reaches the server at that address and says the name in Host."""
    port = target.rsplit(":", 1)[1]
    monkeypatch.setattr(webhooks, "check_target", lambda url: ["127.0.0.1"])
    response = webhooks.post_pinned(f"http://hooks.example.test:{port}/ok", data=b"{}", timeout=0.5)
    assert response.status_code == 204
    [(path, headers, body)] = Target.received
    assert path == "/ok"
    assert headers["Host"] == f"hooks.example.test:{port}"


def test_tls_still_checks_the_certificate_and_sni_for_the_host_name():
    adapter = webhooks.PinnedAdapter(PUBLIC, "hooks.example.test")
    request = requests.Request("POST", "https://hooks.example.test/hook").prepare()
    pool = adapter.get_connection_with_tls_context(request, verify=True)
    assert pool.host == PUBLIC
    assert pool.assert_hostname == "hooks.example.test"
    assert pool.conn_kw["server_hostname"] == "hooks.example.test"
    assert pool.cert_reqs == "CERT_REQUIRED"


def test_a_refused_target_is_not_contacted(target, settings):  # noqa: F811
    settings.WEBHOOK_ALLOW_LOCALHOST = False
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        webhooks.post_pinned(target + "/ok", data=b"{}", timeout=0.5)
    assert Target.received == []


SECOND = "93.184.216.35"


def test_a_refused_connection_fails_over_to_the_next_checked_address(monkeypatch):
    # A name with two addresses (as most hosted webhook receivers have): the first one down
    # must not fail the delivery while the second answers. Each is checked, none rebound.
    reached = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "hooks.example.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port or 443))
                    for a in (PUBLIC, SECOND)]  # fmt: skip
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        reached.append(address[0])
        raise ConnectionRefusedError("refused by the test")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    with pytest.raises(requests.ConnectionError):
        webhooks.post_pinned("https://hooks.example.test/hook", data=b"{}", timeout=1)
    assert reached == [PUBLIC, SECOND]


def test_it_does_not_fail_over_once_the_request_may_have_arrived(monkeypatch):
    # A read timeout means the receiver may have the request: trying the next address could
    # deliver it twice, so the delivery fails and is retried later as one.
    reached = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "hooks.example.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port or 443))
                    for a in (PUBLIC, SECOND)]  # fmt: skip
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        reached.append(address[0])
        raise urllib3.exceptions.ReadTimeoutError(None, "/hook", "read timed out")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    with pytest.raises(requests.RequestException):
        webhooks.post_pinned("https://hooks.example.test/hook", data=b"{}", timeout=1)
    assert reached == [PUBLIC]
