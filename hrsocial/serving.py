"""`make serve`: the portal for real, in one command.

    python -m hrsocial.serving [--check]

Refuses to start unless the settings are production ones (DEBUG off, a SECRET_KEY of its own,
PostgreSQL, Redis), then collects the static files, migrates and hands over to honcho, which
runs the Procfile (gunicorn, a Celery worker for every queue, Celery beat) and stops all of
them when one stops or on Ctrl-C / SIGTERM. `--check` only checks.

Also gunicorn's access log as JSON lines (deploy/gunicorn.conf.py uses `JsonAccessLogger`).
"""

import json
import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from gunicorn.glogging import Logger

BASE = Path(__file__).resolve().parent.parent


def problems(settings) -> list[str]:
    found = []
    if settings.DEBUG:
        found.append("DEBUG is on (or unset): set DEBUG=false.")
    if settings.SECRET_KEY.startswith("django-insecure"):
        found.append("SECRET_KEY is missing: set a long random one of your own.")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        found.append("DATABASE_URL must point at PostgreSQL (postgres://…).")
    if not settings.REDIS_URL:
        found.append("REDIS_URL must be set: Redis is the cache, the broker and the beat lock.")
    return found


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrsocial.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        print(f"make serve: {exc}", file=sys.stderr)
        return 2
    from django.conf import settings
    from django.core.management import call_command

    found = problems(settings)
    for problem in found:
        print(f"make serve: {problem}", file=sys.stderr)
    if found:
        print(
            "make serve: not starting (see .env.example and docs/DEPLOYMENT.md).", file=sys.stderr
        )
        return 2
    if "--check" in argv:
        return 0
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("migrate", "--noinput", verbosity=1)
    # The Procfile names gunicorn, celery and honcho; they sit beside this interpreter.
    bin_dir = str(Path(sys.executable).parent)
    os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    honcho = shutil.which("honcho") or "honcho"
    os.chdir(BASE)
    os.execv(honcho, [honcho, "start", "--no-prefix", "-f", str(BASE / "Procfile")])
    return 0  # not reached


class JsonAccessLogger(Logger):
    """One JSON object per request on gunicorn's access log. The path without its query string
    (a search names people), no user agent or referrer; the request id matches the portal's
    log lines and the load balancer's (X-Request-ID)."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        headers = {name.lower(): value for name, value in resp.headers}
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "logger": "gunicorn.access",
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": headers.get("x-request-id", ""),
            "pid": os.getpid(),
        }
        self.access_log.info("%s", json.dumps(entry))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
