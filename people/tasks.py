from celery import shared_task

from hrsocial.celery import periodic_task
from people import services
from people.models import User


@shared_task(bind=True, max_retries=5, retry_backoff=True, retry_backoff_max=600)
def send_invitation(self, person_id: int) -> None:
    person = User.objects.filter(pk=person_id).first()
    if person is None:
        return
    try:
        services.invitation_send(person=person)
    except OSError as error:  # SMTP down or refusing: try again later
        raise self.retry(exc=error) from error


@shared_task(bind=True, max_retries=5, retry_backoff=True, retry_backoff_max=600)
def send_password_reset(self, person_id: int) -> None:
    person = User.objects.filter(pk=person_id).first()
    if person is None:
        return
    try:
        services.password_reset_send(person=person)
    except OSError as error:  # SMTP down or refusing: try again later
        raise self.retry(exc=error) from error


@periodic_task
def end_employments() -> int:
    """Daily: everyone whose last day of employment has passed stops being an employee."""
    return services.employments_end_due()


@shared_task
def import_people(batch_id: int) -> None:
    """An HRIS import HR confirmed after its preview (people.services.import_batch_run). Not
    retried: the import is all or nothing, and the batch says how it ended."""
    services.import_batch_run(batch_id=batch_id)


@periodic_task
def purge_import_files() -> int:
    """Hourly: uploaded HRIS files whose preview expired are removed."""
    return services.import_batches_purge()
