"""The Celery app. Its configuration lives in settings (CELERY_*); the beat schedule is what
the apps declare (`PortalAppConfig.periodic_tasks`, hrsocial.plugins.beat_schedule).

Every task of the beat schedule sends `periodic_task_started` and `periodic_task_finished` as
it runs, in a worker under beat and in `manage.py run_periodic_tasks` alike; notifications
records them (`PeriodicTaskRun`), so HR can see whether scheduled work happens at all. Every
such task is declared with `@periodic_task`, which gives it the one retry policy of
scheduled work.
"""

import os

from celery import Celery, shared_task
from celery import Task as BaseTask
from django.dispatch import Signal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrsocial.settings")


# Sent with `task` (its name); `periodic_task_finished` also with `error` ("" when it succeeded).
periodic_task_started = Signal()
periodic_task_finished = Signal()


def scheduled_task_names() -> set[str]:
    from hrsocial.plugins import beat_schedule

    return {entry["task"] for entry in beat_schedule().values()}


class Task(BaseTask):
    """Records the runs of scheduled tasks; other tasks run as they are."""

    def __call__(self, *args, **kwargs):
        if self.name not in scheduled_task_names():
            return super().__call__(*args, **kwargs)
        periodic_task_started.send(Task, task=self.name)
        try:
            result = super().__call__(*args, **kwargs)
        except Exception as exc:
            error = f"{exc.__class__.__name__}: {exc}"
            periodic_task_finished.send(Task, task=self.name, error=error)
            raise
        periodic_task_finished.send(Task, task=self.name, error="")
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
    """`@periodic_task` instead of `@shared_task` for a task of the beat schedule."""
    return shared_task(**PERIODIC_RETRY)(function)


app = Celery("hrsocial", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
