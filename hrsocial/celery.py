"""The Celery app. Its configuration, including the beat schedule, lives in settings (CELERY_*).

Every task of the beat schedule records its last run (`notifications.PeriodicTaskRun`) as it
runs, in a worker under beat and in `manage.py run_periodic_tasks` alike, so HR can see
whether scheduled work happens at all.
"""

import os

from celery import Celery
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


app = Celery("hrsocial", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
