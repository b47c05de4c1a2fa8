"""A worker killed with SIGKILL in the middle of a batch: nothing lost, at most one message
(the one it was writing) sent twice per worker process. Real PostgreSQL, Redis, Celery and
an SMTP server that takes its time, so the kill lands mid-batch.

The figures (delivered, duplicates, delay) are printed: run with -s to see them.
"""

import asyncio
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from notifications import services
from notifications.models import Notification
from notifications.services import notify
from tests.factories import UserFactory
from tests.notifications.test_worker import queued, real_services, start_worker  # noqa: F401

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

SMTP_PORT = 17402  # this branch's range
MESSAGES = 60
WORKER_PROCESSES = 1  # --pool=solo


class SlowSink:
    def __init__(self):
        self.recipients = []

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.05)
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture
def slow_smtp():
    from aiosmtpd.controller import Controller

    sink = SlowSink()
    controller = Controller(sink, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield sink
    controller.stop()


def _wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_it_loses_nothing_and_sends_at_most_one_twice_when_a_worker_is_killed(
    real_services,  # noqa: F811
    queued,  # noqa: F811
    slow_smtp,
):
    people = [UserFactory(email=f"person{i}@example.com") for i in range(MESSAGES)]
    worker = start_worker(SMTP_PORT)
    try:
        with transaction.atomic():
            notify(people, "general", "Hallo")
        assert _wait_for(lambda: len(slow_smtp.recipients) >= MESSAGES // 3, 60)
        worker.kill()  # SIGKILL
        worker.wait(timeout=10)
        delivered_at_kill = len(slow_smtp.recipients)

        restarted = time.monotonic()
        worker = start_worker(SMTP_PORT)
        # Time passes: the dead worker's claim and the unsent rows become due for the sweep.
        services.notifications_sweep(
            now=timezone.now() + services.SENDING_TIMEOUT + timedelta(seconds=1)
        )
        assert _wait_for(
            lambda: (
                not Notification.objects.exclude(
                    email_status=Notification.EmailStatus.SENT
                ).exists()
            ),
            60,
        )
        delay = time.monotonic() - restarted
    finally:
        worker.kill()
        worker.wait(timeout=10)

    counts = Counter(slow_smtp.recipients)
    lost = MESSAGES - len(counts)
    duplicates = sum(n - 1 for n in counts.values())
    print(
        f"\n{MESSAGES} notifications, worker killed after {delivered_at_kill} delivered: "
        f"{len(counts)} delivered, {lost} lost, {duplicates} duplicates; all delivered "
        f"{delay:.1f} s after the restart and a sweep "
        f"(the sweep finds them {services.SENDING_TIMEOUT.seconds // 60} minutes after the kill)"
    )
    assert lost == 0
    assert duplicates <= WORKER_PROCESSES
