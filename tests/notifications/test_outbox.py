from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications import services
from notifications.models import Notification, NotificationPreference
from notifications.services import notify
from tests.factories import UserFactory

Status = Notification.EmailStatus


def test_it_writes_one_row_per_recipient_and_emails_after_commit(
    emma, milan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        rows = notify([emma, milan], "general", "Nieuwe tips", "Lees ze even.", url="/guidelines/")
    assert len(rows) == 2
    assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == ["emma@example.com", "milan@example.com"]
    assert set(Notification.objects.values_list("email_status", flat=True)) == {Status.SENT}


def test_the_email_has_text_and_html_and_a_link_back(emma, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify([emma], "general", "Nieuwe tips", "Lees ze even.", url="/guidelines/")
    (message,) = mail.outbox
    assert message.subject == "Nieuwe tips"
    assert "http://127.0.0.1:8000/guidelines/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="http://127.0.0.1:8000/guidelines/"' in html


def test_each_recipient_gets_their_own_language(emma, milan, django_capture_on_commit_callbacks):
    milan.preferred_language = "en"
    milan.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([emma, milan], "general", _("Notifications"))
    titles = dict(Notification.objects.values_list("recipient__email", "title"))
    assert titles == {"emma@example.com": "Meldingen", "milan@example.com": "Notifications"}
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert 'lang="en"' in by_recipient["milan@example.com"].alternatives[0][0]
    assert 'lang="nl"' in by_recipient["emma@example.com"].alternatives[0][0]


def test_nothing_is_written_when_the_event_rolls_back(emma, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify([emma], "general", "Nooit verstuurd")
        raise RuntimeError("the event failed")
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_preferences_decide_email_digest_or_portal_only(
    emma, milan, cas, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=milan, category="general", delivery="digest")
    NotificationPreference.objects.create(user=cas, category="general", delivery="portal")
    with django_capture_on_commit_callbacks(execute=True):
        notify([emma, milan, cas], "general", "Hallo")
    statuses = dict(Notification.objects.values_list("recipient__email", "email_status"))
    assert statuses == {
        "emma@example.com": Status.SENT,
        "milan@example.com": Status.DIGEST,
        "cas@example.com": Status.NOT_NEEDED,
    }
    assert [m.to for m in mail.outbox] == [["emma@example.com"]]


def test_the_daily_digest_bundles_and_is_sent_once(milan, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=milan, category="general", delivery="digest")
    with django_capture_on_commit_callbacks(execute=True):
        notify([milan], "general", "Eerste")
        notify([milan], "general", "Tweede")
    from notifications.tasks import send_daily_digests

    send_daily_digests.delay()
    send_daily_digests.delay()
    (digest,) = mail.outbox
    assert "Eerste" in digest.body and "Tweede" in digest.body
    assert Notification.objects.filter(email_status=Status.SENT).count() == 2


def test_inactive_people_are_skipped(emma, django_capture_on_commit_callbacks):
    emma.is_active = False
    emma.save()
    assert notify([emma], "general", "Hallo") == []


def test_an_unknown_category_is_a_programming_error(emma):
    with pytest.raises(LookupError):
        notify([emma], "no-such-category", "Hallo")


def test_links_must_stay_inside_the_portal(emma):
    with pytest.raises(ValueError):
        notify([emma], "general", "Hallo", url="https://evil.example.com/")


def test_a_broker_that_is_down_loses_nothing(emma, django_capture_on_commit_callbacks):
    """The event commits, the row waits, and the sweep delivers it when the broker is back."""
    broken = mock.patch(
        "notifications.tasks.deliver_notifications.delay", side_effect=ConnectionError("down")
    )
    with broken, django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        emma.bio = "event that causes a notification"
        emma.save()
        notify([emma], "general", "Hallo")
    emma.refresh_from_db()
    assert emma.bio == "event that causes a notification"  # the event committed
    row = Notification.objects.get()
    assert row.email_status == Status.PENDING
    assert mail.outbox == []

    # The broker is back; the sweep picks up rows older than its grace period.
    later = timezone.now() + services.PENDING_GRACE + timedelta(seconds=1)
    assert services.notifications_sweep(now=later) == 1
    row.refresh_from_db()
    assert row.email_status == Status.SENT
    assert len(mail.outbox) == 1
    # A second sweep sends nothing again.
    assert services.notifications_sweep(now=later) == 0
    assert len(mail.outbox) == 1


def test_delivery_is_idempotent(emma, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = notify([emma], "general", "Hallo")
    assert services.notifications_deliver(notification_ids=[row.pk]) == []
    assert len(mail.outbox) == 1


def test_a_worker_that_died_while_sending_is_recovered(emma):
    row = Notification.objects.create(
        recipient=emma,
        category="general",
        title="Hallo",
        email_status=Status.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    Notification.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert services.notifications_sweep() == 1
    row.refresh_from_db()
    assert row.email_status == Status.SENT


def test_notify_writes_in_bulk(db, django_assert_max_num_queries):
    people = UserFactory.create_batch(40, verified=False)
    with django_assert_max_num_queries(4):
        notify(people, "general", "Hallo")
    assert Notification.objects.count() == 40
