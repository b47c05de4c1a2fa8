"""Celery tasks of the outbox. Each takes ids, calls a service and retries with backoff."""

from celery import shared_task

from notifications import services


@shared_task(bind=True, max_retries=6)
def deliver_notifications(self, notification_ids: list[int]) -> None:
    failed = services.notifications_deliver(notification_ids=notification_ids)
    if failed:
        # 30 s, 1 min, 2 min, ... ; after the last retry the sweep keeps trying.
        raise self.retry(args=[failed], countdown=30 * 2**self.request.retries)


@shared_task
def sweep_undelivered() -> int:
    return services.notifications_sweep()


@shared_task
def send_daily_digests() -> int:
    recipients = services.digest_recipients()
    for user_id in recipients:
        send_digest.delay(user_id)
    return len(recipients)


@shared_task(bind=True, max_retries=5, autoretry_for=(OSError,), retry_backoff=60)
def send_digest(self, user_id: int) -> None:
    services.digest_send(user_id=user_id)
