"""Celery tasks of practice 1. Each takes ids (or nothing), loads the rows and calls a service."""

from celery import shared_task

from guidelines import services
from guidelines.models import GuidelineVersion
from hrsocial.celery import periodic_task


@shared_task
def announce_version(version_id: int) -> int:
    """Tell employees about a new tip or a material change (queued when it is published)."""
    version = GuidelineVersion.objects.select_related("guideline").filter(pk=version_id).first()
    if version is None:
        return 0
    return services.version_announce(version=version)


@periodic_task
def send_acknowledgement_reminders() -> int:
    """Daily (see guidelines.apps): remind who has not acknowledged tips in time."""
    return services.acknowledgement_reminders_send()
