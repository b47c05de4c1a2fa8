import datetime

from django.utils import timezone

from hrsocial.celery import periodic_task
from insights.services import daily_figures_build


@periodic_task
def build_daily_figures():
    """Yesterday's figures, and the day before once more (late registrations of attendance,
    ratings given the next morning)."""
    today = timezone.localdate()
    for days in (2, 1):
        daily_figures_build(day=today - datetime.timedelta(days=days))
