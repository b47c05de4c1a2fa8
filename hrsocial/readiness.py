"""Readiness: can this web process do its work, and is the background work happening?

`/health/` (liveness) answers without touching anything: a process that answers it is alive.
`/ready/` asks the services: the database (essential: without it no page works), the cache
and the broker, and reports the outbox and the periodic tasks. Only the database makes it
answer 503. Redis down is by design not an outage (hrsocial.cache answers misses, the outbox
keeps e-mails until the sweep delivers them), and every web process shares the same Redis:
taking them all out of the load balancer for it would turn a slower portal into no portal.
Monitoring alerts on "degraded" instead.

Nothing here names a person or a version: counts, ages in seconds, task names and outcomes.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connection

from hrsocial import plugins


def _timed(check) -> dict:
    started = time.monotonic()
    try:
        result = {"status": "ok", **(check() or {})}
    except Exception as exc:  # any failure of a service is an answer here, not an error
        result = {"status": "down", "error": exc.__class__.__name__}
    result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> dict | None:
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        # Ask Redis itself: the portal's cache hides its failures behind misses.
        cache._cache.get_client(write=True).ping()
        return None
    cache.set("hrsocial:ready", 1, 5)
    if cache.get("hrsocial:ready") != 1:
        raise RuntimeError("cache lost a value")
    return {"mode": "in-process"}


def check_broker() -> dict | None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"mode": "in-process"}
    from hrsocial.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
    return None


def readiness() -> tuple[bool, dict]:
    """(ready, report): ready is False only when something essential is down."""
    checks = {
        "database": _timed(check_database),
        "cache": _timed(check_cache),
        "broker": _timed(check_broker),
    }
    ready = checks["database"]["status"] == "ok"
    report = {"status": "ok", "checks": checks}
    if not ready:
        report["status"] = "down"
        return False, report
    if any(check["status"] != "ok" for check in checks.values()):
        report["status"] = "degraded"
    try:
        # The background work's figures come from the app that owns it (notifications: the
        # outbox and the periodic runs), which the shared ground does not import.
        background = plugins.provided("readiness_figures")
        report.update(background() if background else {})
    except DatabaseError as exc:  # answering, but not migrated (or not our database)
        checks["database"].update(status="down", error=exc.__class__.__name__)
        return False, {"status": "down", "checks": checks}
    return True, report
