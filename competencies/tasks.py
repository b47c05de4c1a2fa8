from celery import shared_task

from competencies import services


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_deadline_reminders():
    """Daily: add newcomers to open cycles and remind people of deadlines (once each)."""
    return services.reminders_send()
