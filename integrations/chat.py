"""Teams and Slack as delivery channels of the notification preferences.

notify() hands the rows whose person chose Teams or Slack to `chat_queue` (provided to
notifications, which does not import us). Each goes to the person's own chat of that kind, or,
unless the category is private (an anonymous asker's notices), to their department's shared
channel, or the shared channel for everyone. Without a channel it goes by e-mail. The text
is the notification's own, already in the recipient's language. A channel that fails (a
Teams URL answering 400) is retried with backoff for a day, visible to HR leads per message;
then the notification goes by e-mail instead: nothing is lost.

Teams workflows get an Adaptive Card in a message attachment; Slack `{"text": …}`.
"""

import logging

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone

from hrsocial.celery import app
from integrations.models import ChatChannel, ChatMessage
from integrations.webhooks import count_failure, post_pinned

logger = logging.getLogger(__name__)


def _channel_for(notification, *, private: bool) -> ChatChannel | None:
    person = notification.recipient
    channels = ChatChannel.objects.filter(kind=notification.delivery, is_active=True)
    own = channels.filter(person=person).first()
    if own or private:
        return own
    shared = channels.filter(person__isnull=True)
    return (
        shared.filter(department_id=person.department_id).first() if person.department_id else None
    ) or shared.filter(department__isnull=True).first()


def chat_queue(notifications: list, *, private: bool) -> list[ChatMessage]:
    """Inside notify()'s transaction: a chat row per notification, or e-mail without one."""

    rows, by_email = [], []
    for notification in notifications:
        channel = _channel_for(notification, private=private)
        if channel is None:
            by_email.append(notification.pk)
        else:
            rows.append(ChatMessage(notification=notification, channel=channel))
    if by_email:
        _by_email(by_email)
    created = ChatMessage.objects.bulk_create(rows)
    ids = [row.pk for row in created]
    if ids and (not app.conf.task_always_eager or settings.NOTIFICATIONS_DELIVER_IN_REQUEST):
        from django.db import transaction

        transaction.on_commit(lambda: schedule(ids), robust=True)
    return created


def _by_email(notification_ids: list[int]) -> None:
    """Hand these notifications to the e-mail outbox (its sweep sends them)."""
    from notifications.models import Notification

    Notification.objects.filter(pk__in=notification_ids).exclude(recipient__email="").update(
        email_status=Notification.EmailStatus.PENDING, next_attempt_at=timezone.now()
    )


def schedule(ids: list[int]) -> None:
    from integrations.tasks import deliver_chat_messages

    try:
        deliver_chat_messages.delay(ids)
    except Exception:
        logger.warning("Could not queue %d chat messages", len(ids), exc_info=True)


def payload(message: ChatMessage) -> dict:
    notification = message.notification
    link = notification.absolute_url
    if message.channel.kind == ChatChannel.Kind.SLACK:
        who = f"{notification.recipient.full_name}: " if message.channel.is_shared else ""
        return {"text": f"{who}*{notification.title}*\n{notification.body}\n<{link}>"}
    body = [{"type": "TextBlock", "text": notification.title, "weight": "Bolder", "wrap": True}]
    if message.channel.is_shared:
        body.insert(0, {"type": "TextBlock", "text": notification.recipient.full_name,
                        "isSubtle": True})  # fmt: skip
    if notification.body:
        body.append({"type": "TextBlock", "text": notification.body, "wrap": True})
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
        "actions": [{"type": "Action.OpenUrl", "title": settings.PORTAL_NAME, "url": link}],
    }
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
        ],
    }


def chat_messages_send(*, ids: list[int]) -> list[int]:
    from notifications.services import RETRY_FOR, retry_delay

    Status = ChatMessage.Status
    failed = []
    for pk in ids:
        claimed = ChatMessage.objects.filter(pk=pk, status=Status.PENDING).update(
            status=Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
        )
        if not claimed:
            continue
        message = ChatMessage.objects.select_related("channel", "notification__recipient").get(
            pk=pk
        )
        if not message.channel.is_active:
            error, status = "the channel is switched off", None
            ChatMessage.objects.filter(pk=pk).update(status=Status.FAILED, last_error=error)
            _by_email([message.notification_id])
            continue
        error, status = _post(message)
        now = timezone.now()
        if not error:
            ChatMessage.objects.filter(pk=pk).update(
                status=Status.DELIVERED, delivered_at=now, response_status=status, last_error=""
            )
            ChatChannel.objects.filter(pk=message.channel_id).update(consecutive_failures=0)
            continue
        failed.append(pk)
        next_attempt_at = now + retry_delay(message.attempts)
        give_up = next_attempt_at > message.created_at + RETRY_FOR
        ChatMessage.objects.filter(pk=pk).update(
            status=Status.FAILED if give_up else Status.PENDING,
            next_attempt_at=next_attempt_at,
            response_status=status,
            last_error=error[:300],
        )
        if give_up:
            _by_email([message.notification_id])
        _count_failure(message.channel)
    return failed


def _count_failure(channel: ChatChannel) -> None:
    """The webhooks' rule: switched off after WEBHOOK_MAX_FAILURES failures in a row; its
    waiting messages go by e-mail (nothing is lost) and the HR lead who configured it (or,
    without one, every HR lead) is told."""
    from django.db import transaction
    from django.utils.translation import gettext_lazy as _

    from notifications.services import notify
    from people.models import User

    with transaction.atomic():
        if not count_failure(ChatChannel, channel.pk):
            return
        waiting = ChatMessage.objects.filter(channel=channel, status=ChatMessage.Status.PENDING)
        _by_email(list(waiting.values_list("notification_id", flat=True)))
        waiting.update(status=ChatMessage.Status.FAILED, last_error="the channel is switched off")
        recipients = (
            User.objects.filter(pk=channel.created_by_id)
            if channel.created_by_id
            else User.objects.hr_leads().distinct()
        )
        name = channel.name
        notify(
            recipients,
            "integrations.channel_disabled",
            _("A chat channel was switched off"),
            lambda: str(
                _(
                    "The channel %(name)s failed %(count)s times in a row and gets no more "
                    "messages; they go by e-mail. Check its URL, then delete the channel and "
                    "add it again."
                )
                % {"name": name, "count": settings.WEBHOOK_MAX_FAILURES}
            ),  # fmt: skip
            "/integrations/channels/",
        )


def _post(message: ChatMessage) -> tuple[str, int | None]:
    try:
        response = post_pinned(
            message.channel.url, json=payload(message), timeout=settings.WEBHOOK_TIMEOUT
        )
        response.close()
    except ValidationError as exc:
        return exc.messages[0], None
    except requests.RequestException as exc:
        return (exc.__class__.__name__ + ": " + str(exc))[:300], None
    if 200 <= response.status_code < 300:
        return "", response.status_code
    return f"HTTP {response.status_code}", response.status_code


def chat_sweep(*, now=None) -> int:
    from notifications.services import SENDING_TIMEOUT

    now = now or timezone.now()
    Status = ChatMessage.Status
    ChatMessage.objects.filter(status=Status.SENDING, claimed_at__lt=now - SENDING_TIMEOUT).update(
        status=Status.PENDING, next_attempt_at=now
    )
    due = list(
        ChatMessage.objects.filter(Q(status=Status.PENDING), next_attempt_at__lte=now)
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    if due:
        schedule(due)
    return len(due)
