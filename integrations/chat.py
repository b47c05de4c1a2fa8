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

from django.conf import settings
from django.utils import timezone

from hrsocial.celery import app
from integrations import outbox
from integrations.models import ChatChannel, ChatMessage
from integrations.webhooks import count_failure

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
    failed = []
    for pk in ids:
        message = outbox.claim(ChatMessage, pk, "channel", "notification__recipient")
        if message is None:
            continue
        if not message.channel.is_active:
            outbox.failed(message, error="the channel is switched off", give_up=True)
            _by_email([message.notification_id])
            continue
        error, status = outbox.post(
            message.channel.url, json=payload(message), timeout=settings.WEBHOOK_TIMEOUT
        )
        if not error:
            outbox.delivered(message, status=status)
            ChatChannel.objects.filter(pk=message.channel_id).update(consecutive_failures=0)
            continue
        failed.append(pk)
        if outbox.failed(message, error=error, status=status):
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
                    "messages; they go by e-mail. Check its URL, then switch it on again."
                )
                % {"name": name, "count": settings.WEBHOOK_MAX_FAILURES}
            ),  # fmt: skip
            "/integrations/channels/",
        )


def chat_sweep(*, now=None) -> int:
    return outbox.sweep(ChatMessage, schedule, now=now)
