"""Celery tasks of the outbox. Each takes ids and calls a service. Failed e-mails are not
retried by Celery: each row keeps its own next attempt (backoff) and the sweep, every minute,
picks up what is due."""

from celery import shared_task

from hrsocial.celery import periodic_task
from notifications import services


@shared_task
def deliver_notifications(notification_ids: list[int]) -> None:
    services.notifications_deliver(notification_ids=notification_ids)


@periodic_task
def sweep_undelivered() -> int:
    return services.notifications_sweep()


@periodic_task
def send_daily_digests() -> int:
    recipients = services.digest_recipients()
    for user_id in recipients:
        send_digest.delay(user_id)
    return len(recipients)


@shared_task(bind=True, max_retries=5, autoretry_for=(OSError,), retry_backoff=60)
def send_digest(self, user_id: int) -> None:
    services.digest_send(user_id=user_id)
