from hrsocial.celery import periodic_task
from sharing.services import counting, notes


@periodic_task
def aggregate_clicks():
    """Add the new clicks up into the daily figures HR's page reads."""
    return counting.clicks_aggregate()


@periodic_task
def send_monthly_notes():
    return notes.monthly_notes_send()
