"""Delivery after the response, one row at a time, retried with backoff for a day."""

import contextlib
import smtplib
import socket
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from notifications import services
from notifications.models import Notification, PeriodicTaskRun
from notifications.services import notify

Status = Notification.EmailStatus
LOCMEM_SEND = "django.core.mail.backends.locmem.EmailBackend.send_messages"
EMBEDDED = override_settings(NOTIFICATIONS_DELIVER_IN_REQUEST=False)


@pytest.fixture
def hung_smtp_server():
    """Accepts connections and never answers, on a free port the system picks: CI runs the
    suite twice side by side, and a fixed port made one run's server refuse the other's."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    accepted = []

    def accept():
        try:
            while True:
                accepted.append(server.accept()[0])
        except OSError:
            pass

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1], accepted
    with contextlib.suppress(OSError):
        server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
    server.close()
    for conn in accepted:
        conn.close()


def test_it_does_not_send_inside_the_request_in_the_embedded_mode(
    emma, hung_smtp_server, django_capture_on_commit_callbacks
):
    port, accepted = hung_smtp_server
    smtp = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=1,
    )
    with EMBEDDED, smtp:
        began = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            (row,) = notify([emma], "general", "Hallo")
        assert time.monotonic() - began < 0.5
        assert accepted == []  # the request never even connected
        row.refresh_from_db()
        assert row.email_status == Status.PENDING

        # The periodic runner's sweep tries it, and gives up on the hung server in time.
        began = time.monotonic()
        assert services.notifications_sweep() == 1
        assert time.monotonic() - began < 5
    row.refresh_from_db()
    assert row.email_status == Status.PENDING
    assert row.attempts == 1
    assert row.last_error


def test_it_is_delivered_by_the_next_sweep_in_the_embedded_mode(
    emma, django_capture_on_commit_callbacks
):
    with EMBEDDED, django_capture_on_commit_callbacks(execute=True):
        notify([emma], "general", "Hallo")
    assert mail.outbox == []
    with EMBEDDED:
        call_command("run_periodic_tasks", "notifications-sweep")
    assert [m.subject for m in mail.outbox] == ["Hallo"]
    assert Notification.objects.get().email_status == Status.SENT


def test_a_refusing_server_means_a_retry_later_with_backoff(
    emma, django_capture_on_commit_callbacks
):
    refused = mock.patch(LOCMEM_SEND, side_effect=ConnectionRefusedError("refused"))
    with refused, django_capture_on_commit_callbacks(execute=True):
        (row,) = notify([emma], "general", "Hallo")
    row.refresh_from_db()
    assert (row.email_status, row.attempts, row.last_error) == (Status.PENDING, 1, "refused")
    first_retry = row.next_attempt_at
    assert first_retry - timezone.now() > timedelta(seconds=50)

    with refused:
        assert services.notifications_sweep() == 0  # not yet due: one attempt, not eight
        with time_machine.travel(first_retry + timedelta(seconds=1)):
            assert services.notifications_sweep() == 1
    row.refresh_from_db()
    assert row.attempts == 2
    assert row.next_attempt_at - first_retry > timedelta(minutes=1, seconds=50)  # doubled

    # The server works again: the next due sweep delivers it, once.
    with time_machine.travel(row.next_attempt_at + timedelta(seconds=1)):
        services.notifications_sweep()
        services.notifications_sweep()
    row.refresh_from_db()
    assert row.email_status == Status.SENT
    assert len(mail.outbox) == 1


def test_it_gives_up_after_a_day_and_the_row_stays_failed(emma, django_capture_on_commit_callbacks):
    refused = mock.patch(LOCMEM_SEND, side_effect=ConnectionRefusedError("refused"))
    with refused, django_capture_on_commit_callbacks(execute=True):
        (row,) = notify([emma], "general", "Hallo")
    with refused:
        for _hour in range(30):
            row.refresh_from_db()
            if row.email_status == Status.FAILED:
                break
            with time_machine.travel(row.next_attempt_at + timedelta(seconds=1)):
                services.notifications_sweep()
    row.refresh_from_db()
    assert row.email_status == Status.FAILED
    assert 8 < row.attempts < 20
    assert row.next_attempt_at - row.created_at > services.RETRY_FOR
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert services.notifications_sweep() == 0


def test_each_failed_row_keeps_its_own_error(emma, milan, django_capture_on_commit_callbacks):
    def refuse_milan(messages):
        (message,) = messages
        if message.to == ["milan@example.com"]:
            raise smtplib.SMTPRecipientsRefused({"milan@example.com": (550, b"no such user")})
        if message.to == ["emma@example.com"]:
            raise smtplib.SMTPDataError(554, b"message rejected")
        return 1

    with (
        mock.patch(LOCMEM_SEND, side_effect=refuse_milan),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify([emma, milan], "general", "Hallo")
    errors = dict(Notification.objects.values_list("recipient__email", "last_error"))
    assert "no such user" in errors["milan@example.com"]
    assert "message rejected" in errors["emma@example.com"]


def test_a_row_is_marked_sent_as_soon_as_its_message_is_sent(
    emma, milan, django_capture_on_commit_callbacks
):
    """A worker killed mid-batch must not leave the rows it already sent unmarked."""
    statuses_seen = []

    def send_and_look(messages):
        statuses_seen.append(sorted(Notification.objects.values_list("email_status", flat=True)))
        return 1

    with (
        mock.patch(LOCMEM_SEND, side_effect=send_and_look),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify([emma, milan], "general", "Hallo")
    # While the second message is written, the first row is already sent and nothing else
    # is claimed.
    assert statuses_seen == [
        [Status.PENDING, Status.SENDING],
        [Status.SENDING, Status.SENT],
    ]


def test_a_lost_claim_is_retried_within_minutes(emma):
    row = Notification.objects.create(
        recipient=emma,
        category="general",
        title="Hallo",
        email_status=Status.SENDING,
        claimed_at=timezone.now(),
    )
    assert services.notifications_sweep() == 0  # maybe still being sent
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        assert services.notifications_sweep() == 1
    row.refresh_from_db()
    assert row.email_status == Status.SENT


def test_scheduled_tasks_record_their_runs(db):
    call_command("run_periodic_tasks", "notifications-sweep")
    run = PeriodicTaskRun.objects.get()
    assert run.task == "notifications.tasks.sweep_undelivered"
    assert run.outcome == PeriodicTaskRun.Outcome.OK
    assert run.last_finished_at >= run.last_started_at


def test_a_failing_scheduled_task_records_its_error(db):
    with mock.patch(
        "notifications.services.notifications_sweep", side_effect=RuntimeError("database gone")
    ):
        call_command("run_periodic_tasks", "notifications-sweep")
    run = PeriodicTaskRun.objects.get()
    assert run.outcome == PeriodicTaskRun.Outcome.FAILED
    assert "database gone" in run.error


def test_a_hung_smtp_server_does_not_hold_a_question_post(
    client, emma, hanna, hung_smtp_server, django_capture_on_commit_callbacks
):
    """The question POST tells HR by e-mail; in the embedded mode that waits for the runner."""
    import uuid

    from tests.helpdesk.factories import CategoryFactory

    port, accepted = hung_smtp_server
    category = CategoryFactory(name="Eigen accounts en posts")
    category.team.set([hanna])
    client.force_login(emma)
    smtp = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=5,
    )
    with EMBEDDED, smtp, django_capture_on_commit_callbacks(execute=True):
        began = time.monotonic()
        response = client.post(
            reverse("helpdesk:question-create"),
            {
                "subject": "Mag ik tweeten over het nieuwe zonnepark?",
                "body": "Ik werk aan het ontwerp en wil er graag over vertellen.",
                "category": category.pk,
                "submission_key": str(uuid.uuid4()),
            },
        )
        elapsed = time.monotonic() - began
    assert response.status_code == 302
    assert elapsed < 2
    assert accepted == []
    assert Notification.objects.filter(recipient=hanna, email_status=Status.PENDING).exists()
