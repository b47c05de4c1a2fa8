from competencies import services
from hrsocial.celery import periodic_task


@periodic_task
def send_deadline_reminders():
    """Daily: add newcomers to open cycles and remind people of deadlines (once each)."""
    return services.reminders_send()
