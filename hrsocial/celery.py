"""The Celery app. Its configuration, including the beat schedule, lives in settings (CELERY_*)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrsocial.settings")

app = Celery("hrsocial")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
