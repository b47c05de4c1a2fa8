"""The background work's part of `/ready/` (hrsocial.readiness): how old the oldest
undelivered e-mail is, and when each periodic task last ran. Counts, ages in seconds, task
names and outcomes: no person, no text."""

from django.db.models import Count, Min, Q
from django.utils import timezone

from hrsocial.plugins import beat_schedule
from notifications.models import Notification, PeriodicTaskRun

UNDELIVERED = ("pending", "sending")


def figures() -> dict:
    """Provided to hrsocial.readiness as "readiness_figures" (notifications.apps)."""
    return {"outbox": outbox_state(), "periodic_tasks": periodic_tasks_state()}


def outbox_state() -> dict:
    row = Notification.objects.aggregate(
        undelivered=Count("id", filter=Q(email_status__in=UNDELIVERED)),
        oldest=Min("created_at", filter=Q(email_status__in=UNDELIVERED)),
        failed=Count("id", filter=Q(email_status="failed")),
    )
    oldest = row["oldest"]
    return {
        "undelivered": row["undelivered"],
        "oldest_undelivered_age_s": (
            round((timezone.now() - oldest).total_seconds()) if oldest else None
        ),
        "failed": row["failed"],
    }


def periodic_tasks_state() -> dict:
    now = timezone.now()
    runs = {run.task: run for run in PeriodicTaskRun.objects.all()}
    state = {}
    for entry in beat_schedule().values():
        run = runs.get(entry["task"])
        state[entry["task"]] = (
            {
                "last_started_age_s": round((now - run.last_started_at).total_seconds()),
                "outcome": run.outcome,
            }
            if run
            else {"last_started_age_s": None, "outcome": "never"}
        )
    return state
