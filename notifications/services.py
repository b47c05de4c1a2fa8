"""The notification outbox: writing notifications, delivering them, reading them.

    notify(recipients, "helpdesk.reply", title, body, url)

writes one row per recipient inside the caller's transaction. With Celery workers, e-mail
delivery is queued after the transaction commits; in the embedded mode (tasks run in-process)
it waits for the periodic runner, so no request ever waits for an SMTP server. Delivery claims
and marks one row at a time, so two workers never send the same row and a worker killed
mid-batch re-sends at most the one message it was writing. Rows whose delivery never ran or
failed are picked up by `notifications_sweep` (every minute), failed ones with exponential
backoff for a day; after that they stay `failed`, each with its own error.
"""

import contextlib
import logging
import smtplib
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.functional import Promise

from hrsocial.caching import CachedValue
from hrsocial.celery import app
from hrsocial.emails import build_templated_email
from hrsocial.plugins import provided
from notifications import categories
from notifications.categories import CHAT, Delivery
from notifications.models import Notification, NotificationPreference, PeriodicTaskRun

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
# A pending row older than this was never picked up: its task was lost.
PENDING_GRACE = timedelta(minutes=2)
# A row "being sent" for longer than this belongs to a worker that died. One message is
# claimed at a time, so this only has to exceed one send (EMAIL_TIMEOUT per SMTP step).
SENDING_TIMEOUT = timedelta(minutes=2)
# Failed attempts are retried after 1, 2, 4 … minutes (at most 4 hours apart) for a day;
# then the row stays failed, visible to HR.
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=4)
RETRY_FOR = timedelta(days=1)

# Errors about one message: the server answered and the connection is still good. Any other
# OSError (refused, timed out, disconnected) means the server is away: the batch stops.
MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)

Text = str | Promise | Callable[[], str]


def _in_language(text: Text, language: str) -> str:
    with translation.override(language):
        return str(text() if callable(text) else text)


def notify(
    recipients: Iterable, category: str, title: Text, body: Text = "", url: str = ""
) -> list[Notification]:
    """Notify people, each in their own language.

    `title` and `body` are evaluated once per recipient language, so pass lazy strings
    (`gettext_lazy`, `format_lazy`) or a function such as
    `lambda: _("New reply to “%(subject)s”") % {"subject": ticket.subject}`.
    `url` is a path inside the portal. Call it inside the transaction of the event.
    """
    category_info = categories.get(category)
    if url and (not url.startswith("/") or url.startswith("//")):
        raise ValueError("A notification links to a path inside the portal.")
    people = {person.pk: person for person in recipients if person.is_active}
    if not people:
        return []
    preferences = dict(
        NotificationPreference.objects.filter(user_id__in=people, category=category).values_list(
            "user_id", "delivery"
        )
    )
    queued = _queued_after_commit()
    # A row queued after commit gets its own task first; the sweep only picks it up after a
    # grace period. In the embedded mode the next run of the sweep delivers it.
    next_attempt_at = timezone.now() + (PENDING_GRACE if queued else timedelta(0))
    texts = {}
    rows = []
    for person in people.values():
        language = person.language_for_email
        if language not in texts:
            texts[language] = (
                _in_language(title, language)[:200],
                _in_language(body, language),
            )
        delivery = preferences.get(person.pk, category_info.default)
        rows.append(
            Notification(
                recipient=person,
                category=category,
                title=texts[language][0],
                body=texts[language][1],
                url=url[:500],
                delivery=delivery,
                email_status=_initial_status(delivery, person),
                next_attempt_at=next_attempt_at,
            )
        )
    created = Notification.objects.bulk_create(rows, batch_size=1000)
    chat = [n for n in created if n.delivery in CHAT]
    chat_queue = provided("chat_queue")
    if chat and chat_queue:
        chat_queue(chat, private=category_info.private)
    unread_changed(people)
    due = [n.pk for n in created if n.email_status == Notification.EmailStatus.PENDING]
    if due and queued:
        transaction.on_commit(lambda: schedule_delivery(due), robust=True)
    return created


def _queued_after_commit() -> bool:
    """With workers, delivery is queued after commit. In the embedded mode Celery runs tasks
    in-process, which would make the request wait for SMTP (and all its retries): there the
    periodic runner delivers instead. Tests set NOTIFICATIONS_DELIVER_IN_REQUEST to see the
    e-mail at once."""
    return not app.conf.task_always_eager or settings.NOTIFICATIONS_DELIVER_IN_REQUEST


def _initial_status(delivery: str, person) -> str:
    if not person.email or delivery == Delivery.PORTAL:
        return Notification.EmailStatus.NOT_NEEDED
    if delivery in CHAT and provided("chat_queue"):
        return Notification.EmailStatus.NOT_NEEDED  # the chat channel's; it falls back to e-mail
    if delivery == Delivery.DIGEST:
        return Notification.EmailStatus.DIGEST
    return Notification.EmailStatus.PENDING


def schedule_delivery(notification_ids: list[int]) -> None:
    """Hand rows to Celery in batches. A broker that is down is logged, not raised: the rows
    stay pending and the sweep schedules them again."""
    from notifications.tasks import deliver_notifications

    for start in range(0, len(notification_ids), BATCH_SIZE):
        batch = notification_ids[start : start + BATCH_SIZE]
        try:
            deliver_notifications.delay(batch)
        except Exception:  # kombu raises several kinds; all mean "not queued now"
            logger.warning(
                "Could not queue delivery of %d notifications", len(batch), exc_info=True
            )
            return


def _claim_one(pk: int) -> Notification | None:
    """Mark one due row as being sent; None when it is sent, failed or held by another worker."""
    claimed = Notification.objects.filter(
        pk=pk, email_status=Notification.EmailStatus.PENDING
    ).update(
        email_status=Notification.EmailStatus.SENDING,
        claimed_at=timezone.now(),
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return None
    return Notification.objects.select_related("recipient").get(pk=pk)


def notifications_deliver(*, notification_ids: list[int]) -> list[int]:
    """Send the e-mails for these rows that are still due, one at a time: each row is claimed
    just before and marked just after its own message. Returns the ids that failed (they wait
    for their next attempt); rows already sent or being sent elsewhere are left alone."""
    failed = []
    connection = get_connection()
    try:
        for pk in notification_ids:
            notification = _claim_one(pk)
            if notification is None:
                continue
            try:
                message = build_templated_email(
                    template="emails/notification",
                    recipient=notification.recipient,
                    context={"notification": notification},
                    connection=connection,
                )
                _attach(message, notification)
                connection.open()  # once: the same connection serves the whole batch
                message.send()
            except MESSAGE_ERRORS as exc:
                _failed(notification, exc)
                failed.append(pk)
            except OSError as exc:  # smtplib errors are OSErrors: the server is away
                _failed(notification, exc)
                failed.append(pk)
                break  # the rest keep their turn; the sweep tries them again
            else:
                Notification.objects.filter(pk=pk).update(
                    email_status=Notification.EmailStatus.SENT,
                    sent_at=timezone.now(),
                    last_error="",
                )
    finally:
        with contextlib.suppress(OSError):  # a server already gone
            connection.close()
    return failed


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes after the first, second, third … failed attempt, at most 4 hours."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def _failed(notification: Notification, exc: Exception) -> None:
    """Put the row back with its own error, to be retried later; after a day it stays failed."""
    Status = Notification.EmailStatus
    next_attempt_at = timezone.now() + retry_delay(notification.attempts)
    gave_up = next_attempt_at > notification.created_at + RETRY_FOR
    error = (str(exc) or exc.__class__.__name__)[:300]
    Notification.objects.filter(pk=notification.pk).update(
        email_status=Status.FAILED if gave_up else Status.PENDING,
        next_attempt_at=next_attempt_at,
        last_error=error,
    )
    logger.warning("E-mail for notification %s failed: %s", notification.pk, error)


def _attach(message, notification) -> None:
    """Files the notification's category adds to its e-mail (an iCalendar event, say)."""
    try:
        category = categories.get(notification.category)
    except LookupError:  # a category no longer registered: the e-mail goes out without
        return
    if category.attachments:
        for filename, content, mimetype in category.attachments(notification):
            message.attach(filename, content, mimetype)


def notifications_sweep(*, now=None) -> int:
    """Every minute: deliver rows whose delivery never ran, never finished or is due again."""
    now = now or timezone.now()
    Status = Notification.EmailStatus
    # Rows stuck "being sent" belong to a worker that died: back to what they waited for,
    # or failed after a day of trying.
    stuck = Notification.objects.filter(
        email_status=Status.SENDING, claimed_at__lt=now - SENDING_TIMEOUT
    )
    stuck.filter(created_at__lt=now - RETRY_FOR).update(
        email_status=Status.FAILED, last_error="delivery never finished"
    )
    stuck.filter(delivery=Delivery.DIGEST).update(email_status=Status.DIGEST)
    stuck.update(email_status=Status.PENDING, next_attempt_at=now)
    due = list(
        Notification.objects.filter(email_status=Status.PENDING, next_attempt_at__lte=now)
        .order_by("pk")
        .values_list("pk", flat=True)[:10_000]
    )
    if due:
        schedule_delivery(due)
    return len(due)


def _claim(queryset) -> list[int]:
    """Mark rows as being sent and return their ids; rows another worker holds are skipped."""
    with transaction.atomic():
        ids = list(queryset.select_for_update(skip_locked=True).values_list("pk", flat=True))
        if ids:
            Notification.objects.filter(pk__in=ids).update(
                email_status=Notification.EmailStatus.SENDING,
                claimed_at=timezone.now(),
                attempts=F("attempts") + 1,
            )
    return ids


def _finish_digest(ids: list[int], error: str = "") -> None:
    Status = Notification.EmailStatus
    if error:
        Notification.objects.filter(pk__in=ids).update(
            email_status=Status.DIGEST, last_error=error[:300]
        )
    else:
        Notification.objects.filter(pk__in=ids).update(
            email_status=Status.SENT, sent_at=timezone.now(), last_error=""
        )


def digest_recipients() -> list[int]:
    return list(
        Notification.objects.filter(email_status=Notification.EmailStatus.DIGEST)
        .values_list("recipient_id", flat=True)
        .distinct()
    )


def digest_send(*, user_id: int) -> bool:
    """One e-mail with everything this person chose to receive as a digest."""
    claimed = _claim(
        Notification.objects.filter(
            recipient_id=user_id, email_status=Notification.EmailStatus.DIGEST
        )
    )
    if not claimed:
        return False
    rows = list(Notification.objects.filter(pk__in=claimed).select_related("recipient"))
    recipient = rows[0].recipient
    try:
        build_templated_email(
            template="emails/digest",
            recipient=recipient,
            context={"notifications": rows},
        ).send()
    except OSError as exc:
        _finish_digest(claimed, str(exc) or exc.__class__.__name__)
        raise
    _finish_digest(claimed)
    return True


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, user) -> int:
    marked = Notification.objects.for_user(user).unread().update(read_at=timezone.now())
    unread_changed([user.pk])
    return marked


def preferences_for(user) -> list[dict]:
    """The categories that can reach this person, grouped by the app that sends them, each
    with the person's choice (or the default):
    [{"app": "Trainings", "rows": [{"category": …, "delivery": "digest"}, …]}, …]"""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("category", "delivery")
    )
    groups: dict[str, dict] = {}
    for category in categories.categories_for(user):
        group = groups.setdefault(category.app_label, {"app": category.app_name, "rows": []})
        group["rows"].append(
            {"category": category, "delivery": chosen.get(category.key, category.default)}
        )
    return list(groups.values())


def preferences_save(*, user, choices: dict[str, str]) -> None:
    """Save the choices for categories that can reach this person; others are ignored."""
    valid = {c.key for c in categories.categories_for(user)}
    deliveries = set(Delivery.values)
    with transaction.atomic():
        for key, delivery in choices.items():
            if key in valid and delivery in deliveries:
                NotificationPreference.objects.update_or_create(
                    user=user, category=key, defaults={"delivery": delivery}
                )


# The unread count is in the navigation bar of every page: it is cached per person and
# forgotten whenever their notifications change. The timeout bounds the one stale case: a
# page that counted just before a commit and stored its count just after the forgetting.
# The unread count of each person (on every page), by person's id.
UNREAD = CachedValue(
    "notifications:unread",
    lambda user_id: Notification.objects.filter(recipient_id=user_id).unread().count(),
    timeout=300,
    instance_parts=lambda notification: [notification.recipient_id],
)


def unread_count(user) -> int:
    return UNREAD.get(user.pk)


def unread_changed(user_ids: Iterable[int]) -> None:
    """Forget the cached unread counts of these people (writes in bulk send no signals)."""
    UNREAD.forget_many([pk] for pk in user_ids)


def periodic_task_started(*, task: str, **_signal) -> None:
    """Also the receiver of hrsocial.celery.periodic_task_started (notifications.apps)."""
    PeriodicTaskRun.objects.update_or_create(
        task=task,
        defaults={
            "last_started_at": timezone.now(),
            "outcome": PeriodicTaskRun.Outcome.RUNNING,
            "error": "",
        },
    )
    SCHEDULE_STATE.forget()


def periodic_task_finished(*, task: str, error: str = "", **_signal) -> None:
    PeriodicTaskRun.objects.filter(task=task).update(
        last_finished_at=timezone.now(),
        outcome=PeriodicTaskRun.Outcome.FAILED if error else PeriodicTaskRun.Outcome.OK,
        error=error[:2000],
    )


def _schedule_state() -> dict:
    """When scheduled work last ran and how many e-mails failed for good (for HR's warning)."""
    last = PeriodicTaskRun.objects.aggregate(last=Max("last_started_at"))["last"]
    return {
        "last_run_at": last,
        "failed_emails": Notification.objects.filter(
            email_status=Notification.EmailStatus.FAILED
        ).count(),
    }


# HR's home page shows it on every view: cached for a minute, forgotten when a task starts.
SCHEDULE_STATE = CachedValue("notifications:schedule-state", _schedule_state, timeout=60)


def schedule_is_stale(state: dict, *, now=None) -> bool:
    """True when neither beat nor the periodic runner has started any task lately."""
    now = now or timezone.now()
    limit = timedelta(minutes=settings.NOTIFICATIONS_SCHEDULE_STALE_MINUTES)
    return state["last_run_at"] is None or state["last_run_at"] < now - limit
