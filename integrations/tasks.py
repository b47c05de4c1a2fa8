"""Celery tasks of the webhook outbox; each row keeps its own next attempt (backoff)."""

from celery import shared_task

from hrsocial.celery import periodic_task
from integrations import webhooks


@shared_task
def deliver_webhooks(delivery_ids: list[int]) -> None:
    webhooks.deliveries_send(ids=delivery_ids)


@periodic_task
def sweep_webhooks() -> int:
    return webhooks.webhooks_sweep()


@shared_task
def deliver_chat_messages(message_ids: list[int]) -> None:
    from integrations import chat

    chat.chat_messages_send(ids=message_ids)


@periodic_task
def sweep_chat_messages() -> int:
    from integrations import chat

    return chat.chat_sweep()
