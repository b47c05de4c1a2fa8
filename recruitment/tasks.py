from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from hrsocial.celery import PERIODIC_RETRY, periodic_task
from recruitment.models import CandidateMessage
from recruitment.services import applications, mail


@shared_task(**PERIODIC_RETRY)
def send_candidate_message(message_id: int) -> bool:
    return mail.message_send(message_id=message_id)


@periodic_task
def shred_expired_applications() -> int:
    return applications.applications_shred_expired()


@periodic_task
def sweep_candidate_messages() -> int:
    """Messages whose task never ran (queued over ten minutes ago, still unsent)."""
    cutoff = timezone.now() - timedelta(minutes=10)
    ids = CandidateMessage.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
    sent = 0
    for pk in ids.exclude(to="").values_list("pk", flat=True)[:500]:
        sent += mail.message_send(message_id=pk)
    return sent
