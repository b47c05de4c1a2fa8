"""Periodic work of trainings (scheduled in trainings.apps)."""

from hrsocial.celery import periodic_task
from trainings import services


@periodic_task
def send_reminders() -> int:
    """The reminder a day before each session; safe to run as often as you like."""
    return services.reminders_send()


@periodic_task
def send_feedback_requests() -> int:
    """A feedback request to each participant after a session; once per participant."""
    return services.feedback_requests_send()
