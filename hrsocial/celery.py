"""The Celery app. Its configuration, including the beat schedule, lives in settings (CELERY_*).

Every task of the beat schedule records its last run (`notifications.PeriodicTaskRun`) as it
runs, in a worker under beat and in `manage.py run_periodic_tasks` alike, so HR can see
whether scheduled work happens at all. Every such task is declared with `@periodic_task`,
which gives it the one retry policy of scheduled work.
"""

import os

from celery import Celery, shared_task
from celery import Task as BaseTask

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrsocial.settings")


def scheduled_task_names() -> set[str]:
    from django.conf import settings

    return {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}


class Task(BaseTask):
    """Records the runs of scheduled tasks; other tasks run as they are."""

    def __call__(self, *args, **kwargs):
        if self.name not in scheduled_task_names():
            return super().__call__(*args, **kwargs)
        from notifications.services import periodic_task_finished, periodic_task_started

        periodic_task_started(task=self.name)
        try:
            result = super().__call__(*args, **kwargs)
        except Exception as exc:
            periodic_task_finished(task=self.name, error=f"{exc.__class__.__name__}: {exc}")
            raise
        periodic_task_finished(task=self.name)
        return result


# Scheduled work that could not reach a server (OSError: SMTP, Redis or a socket refused,
# reset or timed out) is tried again after growing pauses (1, 2, 4, … s with jitter, at most
# ten minutes), five times; a bug fails at once. Every scheduled task may safely run twice:
# each acts once per row ("reminded", "sent"), so a retry never sends anything twice.
PERIODIC_RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 5,
}


def periodic_task(function):
    """`@periodic_task` instead of `@shared_task` for a task of CELERY_BEAT_SCHEDULE."""
    return shared_task(**PERIODIC_RETRY)(function)


app = Celery("hrsocial", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
