#!/usr/bin/env python
"""`make bench`: seed PostgreSQL at scale, serve the portal like production, measure pages.

    .venv/bin/python bench/run.py [--scale 334] [--duration 10] [--connections 8]
                                  [--only helpdesk] [--skip-seed] [--no-fanout]

Steps: create the database `hrsocial_bench` (PostgreSQL at 127.0.0.1, Redis db 14), migrate,
`seed_demo --scale N`, then each `bench/<module>.py` seeds its own large data (`seed(ctx)`)
and names its pages (`pages(ctx)`); `measure(ctx)` may return more lines of figures.
The portal runs under gunicorn with DEBUG off; `wrk`
(Debian package) loads each page with N concurrent connections. The table shows requests/s,
p50/p95 latency, SQL queries per request, and each page's throughput as a share of the
trivial view (/health/) and of the signed-in floor (a signed-in page rendering only the base
layout, bench/urls.py) on the same server, with the page's target (DESIGN.md).
Finally a notification fan-out to 10,000 people is timed until a real Celery worker has
delivered every e-mail to a local SMTP sink.

It runs on demand, not in CI. Results are also written to bench/results/latest.md.
"""

import argparse
import importlib
import json
import os
import pkgutil
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
PYTHON = sys.executable
NOT_PAGE_MODULES = {"run", "common"}


# DESIGN.md, Testing: the share each kind of page must reach, and of which floor.
TARGETS = {
    "everyday": (20, "floor"),
    "list": (15, "floor"),
    "public": (50, "trivial"),
    # A whole dashboard of aggregates (insights): at least 10 % of the signed-in floor.
    "dashboard": (10, "floor"),
}


def target(page, of_trivial: float, of_floor: float) -> str:
    if page.kind not in TARGETS:
        return ""
    share, of = TARGETS[page.kind]
    reached = (of_floor if of == "floor" else of_trivial) >= share
    where = "signed-in floor" if of == "floor" else "trivial view"
    return f"≥ {share} % of the {where}: {'met' if reached else 'NOT met'}"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=int, default=334, help="seed_demo --scale (334 ≈ 10,000 people)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--database", default="hrsocial_bench")
    parser.add_argument("--only", action="append", default=[], help="only these bench modules")
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument("--no-fanout", action="store_true")
    parser.add_argument("--fanout-size", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=8765)
    return parser.parse_args()


def bench_environment(args) -> dict:
    pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    return {
        "DATABASE_URL": f"{pg}/{args.database}",
        "REDIS_URL": os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14"),
        "CELERY_QUEUE": "hrsocial-bench",
        "DEBUG": "False",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_COOKIES": "False",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
        # Collected files outside the tree, so a bench run never disturbs a test run.
        "STATIC_ROOT": "/tmp/hrsocial-bench-static",
        "DJANGO_SETTINGS_MODULE": "bench.settings",  # the portal plus the signed-in floor
    }


def ensure_database(url_base: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{url_base}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(*arguments: str) -> None:
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=BASE, check=True)


def bench_modules(only: list[str]):
    import bench

    for info in sorted(
        pkgutil.iter_modules(bench.__path__), key=lambda i: (i.name != "foundation", i.name)
    ):
        if info.name in NOT_PAGE_MODULES or (only and info.name not in only):
            continue
        yield importlib.import_module(f"bench.{info.name}")


def free_port(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def start_server(args) -> subprocess.Popen:
    if not free_port(args.port):
        sys.exit(f"Port {args.port} is in use; pass --port.")
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "hrsocial.wsgi",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=BASE,
    )
    # Ready when every worker answers: a few successful requests in a row.
    import urllib.request

    answered = 0
    for _attempt in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/health/", timeout=2) as r:
                answered = answered + 1 if r.status == 200 else 0
        except OSError:
            answered = 0
        if answered >= 2 * args.workers:
            return server
        time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start.")


def session_cookie(email: str | None) -> str:
    from django.conf import settings
    from django.test import Client

    from people.models import User

    if email is None:
        return ""
    client = Client()
    client.force_login(User.objects.get(email=email))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def queries_and_status(page) -> tuple[int, int]:
    """SQL queries for one request of the page, counted in-process against the same data."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from people.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    if page.user:
        client.force_login(User.objects.get(email=page.user))
    client.get(page.path)  # warm caches (content types, site) as a running server has them
    with CaptureQueriesContext(connection) as context:
        if page.method == "POST":
            response = client.post(
                page.path, page.body, content_type="application/x-www-form-urlencoded"
            )
        else:
            response = client.get(page.path)
    return len(context), response.status_code


def served_status(args, page, cookie: str) -> int:
    """What the running server answers this page with (redirects not followed): a page that
    redirects to the sign-in page would otherwise look very fast."""
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(f"http://127.0.0.1:{args.port}{page.path}")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def load(args, page, cookie: str) -> dict:
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
               "-s", str(BASE / "bench" / "report.lua"), "-H", "Cookie: " + cookie]  # fmt: skip
    for name, value in page.headers.items():
        command += ["-H", f"{name}: {value}"]
    if page.method != "GET":
        raise SystemExit(f"{page.name}: wrk pages are GET-only in this runner")
    command.append(f"http://127.0.0.1:{args.port}{page.path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def fanout(args) -> dict:
    """Notify N people in one transaction and wait until a real worker delivered every e-mail."""
    from aiosmtpd.controller import Controller
    from django.db import transaction

    from notifications.models import Notification
    from notifications.services import notify
    from people.models import User

    title = f"Fan-out {time.time():.0f}"

    class Sink:
        received = 0

        async def handle_DATA(self, server, session, envelope):
            if title.encode() in envelope.content:
                Sink.received += 1
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = Controller(Sink(), hostname="127.0.0.1", port=port)
    sink.start()
    worker_env = {**os.environ, "EMAIL_URL": f"smtp://127.0.0.1:{port}", "LOG_LEVEL": "WARNING"}
    worker = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "celery"),
            "-A",
            "hrsocial",
            "worker",
            "--concurrency",
            "2",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
            "-Q",
            os.environ["CELERY_QUEUE"],
        ],  # fmt: skip
        cwd=BASE,
        env=worker_env,
    )
    try:
        from hrsocial.celery import app

        for _attempt in range(100):
            if app.control.ping(timeout=0.2):
                break
        recipients = list(User.objects.filter(is_active=True).order_by("pk")[: args.fanout_size])
        started = time.monotonic()
        with transaction.atomic():
            notify(recipients, "general", title, "Bench", url="/")
        written = time.monotonic() - started
        rows = Notification.objects.filter(title=title)
        while rows.exclude(email_status__in=["sent", "none"]).exists():
            if time.monotonic() - started > 900:
                raise SystemExit("Fan-out did not finish within 15 minutes.")
            time.sleep(0.25)
        elapsed = time.monotonic() - started
        return {
            "recipients": len(recipients),
            "written_s": written,
            "delivered_s": elapsed,
            "emails": Sink.received,
            "per_second": len(recipients) / elapsed,
        }
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        sink.stop()


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    env = bench_environment(args)
    os.environ.update(env)
    pg_base = env["DATABASE_URL"].rsplit("/", 1)[0]
    ensure_database(pg_base, args.database)
    manage("migrate", "--noinput", "-v", "0")
    manage("collectstatic", "--noinput", "-v", "0")
    if not args.skip_seed:
        manage("seed_demo", "--scale", str(args.scale))

    import django

    django.setup()
    from bench.common import BenchContext, Page

    ctx = BenchContext(scale=args.scale)
    modules = list(bench_modules(args.only))
    if not args.skip_seed:
        for module in modules:
            if hasattr(module, "seed"):
                module.seed(ctx)
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics after the bulk inserts
    pages = [
        Page("trivial view: /health/ (no session, no database)", "/health/", user=None,
             kind="reference"),
        Page("signed-in floor: the base layout (employee)", "/bench/floor/", kind="reference"),
    ]  # fmt: skip
    for module in modules:
        pages += module.pages(ctx)

    # Modules may measure more than pages (a service's own speed, a POST endpoint): lines of text.
    measurements = []
    for module in modules:
        if hasattr(module, "measure"):
            measurements += module.measure(ctx)

    server = start_server(args)
    rows = []
    try:
        for page in pages:
            queries, status = queries_and_status(page)
            cookie = session_cookie(page.user)
            served = served_status(args, page, cookie)
            if served != page.expect_status:
                raise SystemExit(
                    f"{page.name}: the server answers {served}, not {page.expect_status}."
                )
            result = load(args, page, cookie)
            rows.append((page, queries, status, result))
            print(f"  measured {page.name}: {result['rps']:.0f} req/s", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)

    trivial = rows[0][3]["rps"] or 1
    floor = rows[1][3]["rps"] or 1
    lines = [
        f"Scale {args.scale}, {args.connections} connections, {args.duration} s per page, "
        f"gunicorn {args.workers} sync workers, DEBUG off, PostgreSQL + Redis.",
        "",
        "| page | req/s | p50 ms | p95 ms | SQL queries | status | vs trivial view "
        "| vs signed-in floor | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for page, queries, status, result in rows:
        errors = f" ({result['non2xx']} non-2xx)" if result["non2xx"] else ""
        of_trivial, of_floor = 100 * result["rps"] / trivial, 100 * result["rps"] / floor
        signed_in = "" if page.user is None else f"{of_floor:.0f} %"
        lines.append(
            f"| {page.name} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p95']:.1f} | "
            f"{queries} | {status}{errors} | {of_trivial:.0f} % | {signed_in} | "
            f"{target(page, of_trivial, of_floor)} |"
        )
    if measurements:
        lines += ["", *measurements]
    if not args.no_fanout and not args.only:
        result = fanout(args)
        lines += [
            "",
            f"Notification fan-out: {result['recipients']} recipients written in "
            f"{result['written_s']:.2f} s, all {result['emails']} e-mails delivered by a real "
            f"Celery worker (2 processes, SMTP sink) after {result['delivered_s']:.1f} s "
            f"({result['per_second']:.0f} per second).",
        ]
    report = "\n".join(lines)
    print("\n" + report)
    results = BASE / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
