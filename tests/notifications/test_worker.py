"""End to end on the real services: PostgreSQL, Redis, a Celery worker process and SMTP.

Runs when DATABASE_URL points at PostgreSQL and REDIS_URL is set (the second half of
.ci/run); elsewhere it skips, unless HRSOCIAL_REQUIRE_SERVICES=1 makes that a failure.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from hrsocial.celery import app
from notifications.models import Notification
from notifications.services import notify
from tests.factories import UserFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def real_services():
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        reason = "needs DATABASE_URL=postgres://… and REDIS_URL (the PostgreSQL run of .ci/run)"
        if os.environ.get("HRSOCIAL_REQUIRE_SERVICES") == "1":
            pytest.fail(reason + "; HRSOCIAL_REQUIRE_SERVICES=1 forbids skipping.")
        pytest.skip(reason)


class Sink:
    """An SMTP server that keeps what it receives (aiosmtpd handler)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


@pytest.fixture
def smtp_sink():
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield sink, port
    controller.stop()


def start_worker(smtp_port: int) -> subprocess.Popen:
    """A Celery worker process on the test database, delivering to SMTP on this port."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "CELERY_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "hrsocial",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
            "-Q",
            settings.CELERY_TASK_DEFAULT_QUEUE,
        ],  # fmt: skip
        cwd=Path(settings.BASE_DIR),
        env=env,
    )
    deadline = time.monotonic() + 30
    while not app.control.ping(timeout=0.5):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("The Celery worker did not start.")
    return process


@pytest.fixture
def queued():
    """Tasks go to the broker (the suite runs them in-process otherwise)."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def worker(real_services, smtp_sink, queued):
    process = start_worker(smtp_sink[1])
    yield process
    process.terminate()
    process.wait(timeout=20)


def test_a_notification_travels_through_redis_and_a_worker_to_smtp(worker, smtp_sink):
    sink, _port = smtp_sink
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")

    with transaction.atomic():
        (row,) = notify([emma], "general", "Via de echte worker", "Hallo", url="/")

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        row.refresh_from_db()
        if row.email_status == Notification.EmailStatus.SENT:
            break
        time.sleep(0.2)
    assert row.email_status == Notification.EmailStatus.SENT, row.last_error
    assert len(sink.messages) == 1
    assert "Via de echte worker" in sink.messages[0]
    assert "emma@example.com" in sink.messages[0]
