"""The notification outbox: writing notifications, delivering them, reading them.

    notify(recipients, "helpdesk.reply", title, body, url)

writes one row per recipient inside the caller's transaction. After the transaction commits,
e-mail delivery is handed to Celery in batches. Delivery claims rows before sending, so two
workers (or a retry and the sweep) never send the same row twice; rows whose delivery never
ran (the broker was down, a worker died) are picked up again by `notifications_sweep`.
"""

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.core.cache import cache
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.functional import Promise

from hrsocial.emails import build_templated_email
from notifications import categories
from notifications.categories import Delivery
from notifications.models import Notification, NotificationPreference

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
MAX_ATTEMPTS = 8
# A pending row older than this was never picked up: its task was lost.
PENDING_GRACE = timedelta(minutes=2)
# A row "being sent" for longer than this belongs to a worker that died.
SENDING_TIMEOUT = timedelta(minutes=15)

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
            )
        )
    created = Notification.objects.bulk_create(rows, batch_size=1000)
    unread_changed(people)
    due = [n.pk for n in created if n.email_status == Notification.EmailStatus.PENDING]
    if due:
        transaction.on_commit(lambda: schedule_delivery(due), robust=True)
    return created


def _initial_status(delivery: str, person) -> str:
    if not person.email or delivery == Delivery.PORTAL:
        return Notification.EmailStatus.NOT_NEEDED
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


def notifications_deliver(*, notification_ids: list[int]) -> list[int]:
    """Send the e-mails for these rows if they are still due. Returns the ids that failed
    and may be retried; rows already sent (or being sent elsewhere) are left alone."""
    claimed = _claim(
        Notification.objects.filter(
            pk__in=notification_ids, email_status=Notification.EmailStatus.PENDING
        )
    )
    if not claimed:
        return []
    rows = Notification.objects.filter(pk__in=claimed).select_related("recipient")
    sent, failed, error = [], [], ""
    try:
        with get_connection() as connection:
            for notification in rows:
                message = build_templated_email(
                    template="emails/notification",
                    recipient=notification.recipient,
                    context={"notification": notification},
                    connection=connection,
                )
                _attach(message, notification)
                try:
                    message.send()
                    sent.append(notification.pk)
                except OSError as exc:  # smtplib errors are OSErrors
                    failed.append(notification.pk)
                    error = str(exc)
    except OSError as exc:  # the connection itself failed: nothing after `sent` went out
        failed = [pk for pk in claimed if pk not in sent]
        error = str(exc)
    _finish(sent, failed, error, back_to=Notification.EmailStatus.PENDING)
    return _retryable(failed)


def _attach(message, notification) -> None:
    """Files the notification's category adds to its e-mail (an iCalendar event, say)."""
    try:
        category = categories.get(notification.category)
    except LookupError:  # a category no longer registered: the e-mail goes out without
        return
    if category.attachments:
        for filename, content, mimetype in category.attachments(notification):
            message.attach(filename, content, mimetype)


def _finish(sent: list[int], failed: list[int], error: str, *, back_to: str) -> None:
    now = timezone.now()
    if sent:
        Notification.objects.filter(pk__in=sent).update(
            email_status=Notification.EmailStatus.SENT, sent_at=now, last_error=""
        )
    if failed:
        Notification.objects.filter(pk__in=failed, attempts__lt=MAX_ATTEMPTS).update(
            email_status=back_to, last_error=error[:300]
        )
        Notification.objects.filter(pk__in=failed, attempts__gte=MAX_ATTEMPTS).update(
            email_status=Notification.EmailStatus.FAILED, last_error=error[:300]
        )
        logger.warning("E-mail delivery failed for %d notifications: %s", len(failed), error)


def _retryable(ids: list[int]) -> list[int]:
    return list(
        Notification.objects.filter(
            pk__in=ids, email_status=Notification.EmailStatus.PENDING
        ).values_list("pk", flat=True)
    )


def notifications_sweep(*, now=None) -> int:
    """Find rows whose delivery never ran or never finished, and schedule them again."""
    now = now or timezone.now()
    Status = Notification.EmailStatus
    # Rows stuck "being sent" go back to what they were waiting for.
    stuck = Notification.objects.filter(
        email_status=Status.SENDING, claimed_at__lt=now - SENDING_TIMEOUT
    )
    stuck.filter(delivery=Delivery.DIGEST).update(email_status=Status.DIGEST)
    stuck.update(email_status=Status.PENDING)
    due = list(
        Notification.objects.filter(email_status=Status.PENDING, created_at__lt=now - PENDING_GRACE)
        .order_by("pk")
        .values_list("pk", flat=True)[:10_000]
    )
    if due:
        schedule_delivery(due)
    return len(due)


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
        _finish([], claimed, str(exc), back_to=Notification.EmailStatus.DIGEST)
        raise
    _finish(claimed, [], "", back_to=Notification.EmailStatus.DIGEST)
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
    """Every category with this person's choice (or the default)."""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("category", "delivery")
    )
    return [
        {"category": c, "delivery": chosen.get(c.key, c.default)}
        for c in categories.all_categories()
    ]


def preferences_save(*, user, choices: dict[str, str]) -> None:
    valid = {c.key for c in categories.all_categories()}
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
UNREAD_TIMEOUT = 300


def _unread_key(user_id) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(user) -> int:
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.for_user(user).unread().count()
        cache.set(key, count, UNREAD_TIMEOUT)
    return count


def unread_changed(user_ids: Iterable[int]) -> None:
    """Forget the cached unread counts of these people: now, and again after the commit
    (a page counting in between would store the old count)."""
    keys = [_unread_key(pk) for pk in user_ids]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys), robust=True)
