import logging
import time

from celery.schedules import schedule as every
from django.core.management.base import BaseCommand
from django.utils import timezone

from hrsocial.celery import app
from hrsocial.plugins import beat_schedule
from notifications.models import PeriodicTaskRun

logger = logging.getLogger(__name__)


def due_entries(*, last_started: dict, started_at) -> list[str]:
    """The schedule entries due now, judged from each task's last recorded run (so a run
    missed while nothing was running happens once, late, instead of never). A task that never
    ran is due at once when it runs every few minutes, and at its next time when it has a
    time of day (as with celery beat)."""
    due = []
    for name, entry in beat_schedule().items():
        raw = entry["schedule"]
        schedule = raw if hasattr(raw, "is_due") else every(raw)
        last = last_started.get(entry["task"])
        if last is None:
            if isinstance(raw, int | float):
                due.append(name)
                continue
            last = started_at
        if schedule.is_due(timezone.localtime(last)).is_due:
            due.append(name)
    return due


class Command(BaseCommand):
    help = (
        "Run the tasks of the beat schedule in this process. Without options: every task "
        "once, now. With --loop: every minute, each task that is due (the embedded mode, "
        "started by `make run`; not needed where celery beat runs)."
    )

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="only these schedule entries")
        parser.add_argument("--loop", action="store_true", help="keep running what is due")
        parser.add_argument("--interval", type=float, default=60.0, help="seconds between checks")

    def handle(self, *args, names, loop, interval, **options):
        app.autodiscover_tasks(force=True)  # a worker does this at start; we are not one
        if not loop:
            for name in beat_schedule():
                if not names or name in names:
                    self._run(name)
            return
        started_at = timezone.now()
        self.stdout.write(f"Running the periodic tasks every {interval:g} s (Ctrl-C stops).")
        try:
            while True:
                self.run_due(started_at=started_at, names=names)
                time.sleep(interval)
        except KeyboardInterrupt:
            self.stdout.write("Periodic tasks stopped.")

    def run_due(self, *, started_at, names=()) -> list[str]:
        app.autodiscover_tasks(force=True)  # cheap once the modules are imported
        last_started = dict(PeriodicTaskRun.objects.values_list("task", "last_started_at"))
        ran = []
        for name in due_entries(last_started=last_started, started_at=started_at):
            if not names or name in names:
                self._run(name)
                ran.append(name)
        return ran

    def _run(self, name: str) -> None:
        entry = beat_schedule()[name]
        try:
            result = app.tasks[entry["task"]].apply(args=entry.get("args", ()), throw=True)
        except Exception:  # recorded by the task; the other tasks still run
            logger.exception("Periodic task %s failed", name)
            self.stderr.write(f"{name}: failed (see the log)")
            return
        self.stdout.write(f"{name}: {result.result!r}")
