from django.conf import settings
from django.core.management.base import BaseCommand

from hrsocial.celery import app


class Command(BaseCommand):
    help = (
        "Run every task of the beat schedule once, now. For the embedded mode (no Redis, no "
        "beat): call it from cron, e.g. every 5 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="only these schedule entries")

    def handle(self, *args, names, **options):
        app.autodiscover_tasks(force=True)  # a worker does this at start; we are not one
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
            if names and name not in names:
                continue
            result = app.tasks[entry["task"]].apply(args=entry.get("args", ()))
            self.stdout.write(f"{name}: {result.result!r}")
