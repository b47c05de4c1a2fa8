"""Periodic work; the schedule is declared in helpdesk.apps."""

from celery import shared_task

from helpdesk import services


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def check_response_targets():
    return services.response_targets_check()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_anonymous_askers():
    """The anonymous batch, both ways: askers hear there is news, HR hears what anonymous
    askers did in the last quarter hour (helpdesk.anonymity)."""
    return {
        "askers": services.anonymous_askers_notify(),
        "hr": services.held_notices_send(),
    }


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def follow_up_waiting_questions():
    return services.waiting_questions_follow_up()
