"""Periodic work; the schedule is declared in helpdesk.apps."""

from helpdesk import services
from hrsocial.celery import periodic_task


@periodic_task
def check_response_targets():
    return services.response_targets_check()


@periodic_task
def notify_anonymous_askers():
    """The anonymous batch, both ways: askers hear there is news, HR hears what anonymous
    askers did in the last quarter hour (helpdesk.anonymity)."""
    return {
        "askers": services.anonymous_askers_notify(),
        "hr": services.held_notices_send(),
    }


@periodic_task
def follow_up_waiting_questions():
    return services.waiting_questions_follow_up()
