from hrsocial.celery import periodic_task
from sharing.services import counting, notes, weekly


@periodic_task
def aggregate_clicks():
    """Add the new clicks up into the daily figures HR's page reads."""
    return counting.clicks_aggregate()


@periodic_task
def send_monthly_notes():
    return notes.monthly_notes_send()


@periodic_task
def send_weekly_kits():
    return weekly.weekly_kits_send()
