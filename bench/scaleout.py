#!/usr/bin/env python
"""Scale-out under load, with processes killed: run on demand, not in CI.

    .venv/bin/python bench/scaleout.py [--users 200] [--duration 120] [--think 5]

On this machine's PostgreSQL (database hrsocial_prod_scaleout) and Redis (db 8), all on
127.0.0.1, ports 8180-8199: HAProxy (deploy/haproxy.cfg) in front of two gunicorn processes
(deploy/gunicorn.conf.py), a Celery worker on the notifications queue and one on the bulk and
default queues, and two Celery beats (RedBeat: one holds the lock, the other waits).

Simulated people, each with their own session, click through the portal with a pause between
clicks, while notifications are written at a steady rate and e-mailed to a local SMTP sink.
During the load one web process, the notifications worker and the beat holding the lock are
killed (SIGKILL: no clean shutdown) and started again. Then it waits until the outbox is
empty and prints: requests and errors by kind (5xx by the process that answered, sign-outs),
every notification e-mailed exactly once, the runs of each periodic task (never two for one
due time), and the memory of each web process over the run. Exit status 1 if a check fails.
"""

import argparse
import contextlib
import http.client
import json
import logging
import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
BIN = Path(sys.executable).parent
LOGS = BASE / "bench" / "results" / "scaleout"
KEEP_ALIVE = 4  # seconds: below HAProxy's `timeout http-keep-alive 5s`
PAGES = ["/", "/notifications/", "/guidelines/", "/helpdesk/", "/trainings/", "/search/?q=tip"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=int, default=120, help="seconds of load")
    # 200 people clicking every 20 s on average (10 requests/s): what this shared 2-core
    # machine carries next to seven other developers; a real one takes --think 5 or less.
    parser.add_argument("--think", type=float, default=20.0, help="mean seconds between clicks")
    parser.add_argument("--notify-every", type=float, default=0.5, help="seconds")
    parser.add_argument("--database", default="hrsocial_prod_scaleout")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--port", type=int, default=8180, help="HAProxy; +1, +2 the web processes")
    parser.add_argument("--smtp-port", type=int, default=8199)
    return parser.parse_args()


def environment(args) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(BASE),
        "DJANGO_SETTINGS_MODULE": "hrsocial.settings",
        "DEBUG": "false",
        "SECRET_KEY": "scaleout-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "REDIS_URL": args.redis,
        "CACHE_KEY_PREFIX": "scaleout",
        "CELERY_QUEUE": "scaleout-default",
        "CELERY_NOTIFICATIONS_QUEUE": "scaleout-notifications",
        "CELERY_BULK_QUEUE": "scaleout-bulk",
        "EMAIL_URL": f"smtp://127.0.0.1:{args.smtp_port}",
        "STATIC_ROOT": "/tmp/hrsocial-scaleout-static",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "4",
    }


class Fleet:
    """The processes of the run, each with its log file, started and killed by name."""

    def __init__(self, env):
        self.env = env
        self.processes: dict[str, subprocess.Popen] = {}
        self.commands: dict[str, tuple[list[str], dict]] = {}
        LOGS.mkdir(parents=True, exist_ok=True)

    def define(self, name, command, **extra_env):
        self.commands[name] = (command, {**self.env, **extra_env})

    def start(self, name):
        command, env = self.commands[name]
        log = open(LOGS / f"{name}.log", "a")  # noqa: SIM115 (kept open for the process)
        self.processes[name] = subprocess.Popen(
            command, cwd=BASE, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def kill(self, name):
        """SIGKILL the process (and, for gunicorn, its workers: the whole process group)."""
        process = self.processes[name]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop_all(self):
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for process in self.processes.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)


def interrupted(signum, frame):
    raise KeyboardInterrupt


def rss_mb(pid: int) -> float:
    """Resident memory of a gunicorn master and its workers."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(child) for child in children]
    for one in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def wait_for(url_port, path="/health/", timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection("127.0.0.1", url_port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return True
        time.sleep(0.5)
    raise SystemExit(f"nothing answers on port {url_port}")


class Load:
    def __init__(self, port, cookies, think):
        self.port, self.cookies, self.think = port, cookies, think
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.server_errors = []  # (second of the run, status, process)
        self.signed_out = 0
        self.connection_errors = 0
        self.latencies = []
        self.started = time.monotonic()

    def user(self, cookie):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=40)
        time.sleep(random.uniform(0, self.think))
        last_used = time.monotonic()
        while not self.stop.is_set():
            path = random.choice(PAGES)
            began = time.monotonic()
            if began - last_used > KEEP_ALIVE:
                # HAProxy has closed the idle connection by now; a browser would open a new
                # one too (or silently retry), so this is not counted as an error.
                conn.close()
            try:
                conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}"})
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.connection_errors += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=40)
                continue
            last_used = time.monotonic()
            elapsed = last_used - began
            with self.lock:
                self.statuses[response.status] += 1
                self.latencies.append(elapsed)
                if response.status >= 500:
                    self.server_errors.append(
                        (
                            round(began - self.started, 1),
                            response.status,
                            response.getheader("X-Served-By", "?"),
                        )
                    )
                location = response.getheader("Location", "")
                if response.status == 302 and "/accounts/login/" in location:
                    self.signed_out += 1
            self.stop.wait(random.expovariate(1 / self.think))
        conn.close()

    def run(self):
        threads = [threading.Thread(target=self.user, args=(c,), daemon=True) for c in self.cookies]
        for thread in threads:
            thread.start()
        return threads


def main():
    args = parse_args()
    env = environment(args)
    os.environ.update(env)
    python = str(BIN / "python")
    lb, web1, web2 = args.port, args.port + 1, args.port + 2

    print(f"Database {args.database}, Redis {args.redis}; logs in {LOGS.relative_to(BASE)}/")
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", args.database])
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", args.database], check=True)
    subprocess.run(["redis-cli", "-u", args.redis, "flushdb"], check=True, capture_output=True)
    for log in LOGS.glob("*.log"):
        log.unlink()
    for step in (["migrate", "-v0"], ["seed_demo"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *step], cwd=BASE, env=env, check=True)

    import django

    django.setup()
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.db import transaction

    from notifications.models import Notification
    from notifications.services import notify
    from people.models import User

    run_tag = f"scaleout{int(time.time())}"
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    # SIGTERM (or Ctrl-C) stops every process of the fleet on the way out.
    signal.signal(signal.SIGTERM, interrupted)
    received = Counter()

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            text = envelope.content.decode("utf-8", "replace")
            marker = text.find(run_tag + "-")
            if marker >= 0:
                number = text[marker:].split("-", 2)[1].split()[0].rstrip(".,")
                received[number] += 1
            return "250 OK"

    sink = Controller(Sink(), hostname="127.0.0.1", port=args.smtp_port)
    sink.start()

    people = list(User.objects.filter(is_active=True).order_by("pk"))
    cookies = []
    for index in range(args.users):
        person = people[index % len(people)]
        session = SessionStore()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)

    fleet = Fleet(env)
    gunicorn = [str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "hrsocial.wsgi"]
    fleet.define("web1", gunicorn, GUNICORN_BIND=f"127.0.0.1:{web1}")
    fleet.define("web2", gunicorn, GUNICORN_BIND=f"127.0.0.1:{web2}")
    celery = [str(BIN / "celery"), "--app", "hrsocial"]
    worker = [*celery, "worker", "--concurrency", "2", "--without-gossip", "--without-mingle"]
    fleet.define(
        "worker-notifications",
        [*worker, "--queues", "scaleout-notifications", "--hostname", "notifications@%h"],
    )
    fleet.define(
        "worker-bulk",
        [*worker, "--queues", "scaleout-bulk,scaleout-default", "--hostname", "bulk@%h"],
    )
    fleet.define("beat1", [*celery, "beat", "--schedule", "/tmp/hrsocial-scaleout-beat1"])
    fleet.define("beat2", [*celery, "beat", "--schedule", "/tmp/hrsocial-scaleout-beat2"])
    fleet.define(
        "haproxy",
        ["haproxy", "-f", "deploy/haproxy.cfg"],
        LB_BIND=f"127.0.0.1:{lb}",
        WEB1=f"127.0.0.1:{web1}",
        WEB2=f"127.0.0.1:{web2}",
    )
    memory = defaultdict(list)
    events = []
    notified = {}
    try:
        for name in ("web1", "web2", "worker-notifications", "worker-bulk", "beat1"):
            fleet.start(name)
        time.sleep(3)  # beat1 takes the lock first; beat2 waits behind it
        fleet.start("beat2")
        fleet.start("haproxy")
        wait_for(web1)
        wait_for(web2)
        wait_for(lb)
        time.sleep(2)

        load = Load(lb, cookies, args.think)
        started = load.started = time.monotonic()
        threads = load.run()
        stop_notifying = threading.Event()

        def notifier():
            number = 0
            while not stop_notifying.is_set():
                number += 1
                person = random.choice(people)
                with transaction.atomic():
                    (row,) = notify([person], "general", f"{run_tag}-{number} check", "Scale-out")
                if row.email_status != Notification.EmailStatus.NOT_NEEDED:
                    notified[str(number)] = row.pk
                stop_notifying.wait(args.notify_every)

        notifying = threading.Thread(target=notifier, daemon=True)
        notifying.start()

        def at(fraction):
            return started + args.duration * fraction

        plan = [
            (at(0.25), "kill", "web1"),
            (at(0.25) + 10, "start", "web1"),
            (at(0.45), "kill", "worker-notifications"),
            (at(0.45) + 10, "start", "worker-notifications"),
            (at(0.60), "kill", "beat1"),
            (at(0.60) + 10, "start", "beat1"),
        ]
        while time.monotonic() < started + args.duration:
            now = time.monotonic()
            while plan and plan[0][0] <= now:
                _when, action, name = plan.pop(0)
                getattr(fleet, action)(name)
                events.append((round(now - started, 1), action, name))
                print(f"  {now - started:6.1f} s  {action} {name}", flush=True)
            if int(now - started) % 10 == 0:
                for name in ("web1", "web2"):
                    memory[name].append(round(rss_mb(fleet.processes[name].pid)))
                time.sleep(1)
            time.sleep(0.2)
        load.stop.set()
        stop_notifying.set()
        for thread in threads:
            thread.join(45)
        notifying.join(10)

        # A row claimed by the killed worker is retried by the sweep after its claim expires
        # (2 minutes): wait for the outbox to empty.
        print("Load done; waiting for the outbox to empty…", flush=True)
        deadline = time.monotonic() + 300
        waiting = None
        while time.monotonic() < deadline:
            waiting = Notification.objects.filter(
                pk__in=notified.values(), email_status__in=["pending", "sending"]
            ).count()
            if not waiting:
                break
            time.sleep(5)
        time.sleep(3)
        drained_after = round(time.monotonic() - started - args.duration)
        # The beat killed during the load held the lock: wait until the other one has taken
        # over (the lock expires after 30 s) and sent the next sweep, to show the hand-over.
        beat_killed_at = time.time() - (time.monotonic() - started) + at(0.60) - started
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline:
            if any(when > beat_killed_at for _beat, when, _entry in beat_sends()):
                break
            time.sleep(5)
    finally:
        fleet.stop_all()
        sink.stop()

    report = summarise(args, load, notified, received, waiting, drained_after, memory, events)
    print(report["text"])
    out = BASE / "bench" / "results" / "scaleout.md"
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    out.write_text(f"# Scale-out run {stamp}\n\n```\n{report['text']}\n```\n")
    return 0 if report["ok"] else 1


def beat_sends():
    """(beat, second, entry) for every task a beat sent, from the beats' JSON logs."""
    sends = []
    for name in ("beat1", "beat2"):
        path = LOGS / f"{name}.log"
        for line in path.read_text().splitlines() if path.exists() else []:
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if entry.get("message", "").startswith("Scheduler: Sending due task"):
                    when = datetime.fromisoformat(entry["time"]).timestamp()
                    sends.append((name, when, entry["message"].split()[4]))
    return sorted(sends, key=lambda send: send[1])


def summarise(args, load, notified, received, waiting, drained_after, memory, events):

    from hrsocial.plugins import beat_schedule

    lines, ok = [], True
    total = sum(load.statuses.values())
    latencies = sorted(load.latencies) or [0]
    lines.append(
        f"{args.users} simulated people, {args.duration} s, a click every {args.think:g} s on "
        f"average: {total} requests ({total / args.duration:.1f}/s), "
        f"p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms"
    )
    lines.append(f"Events: {', '.join(f'{t} s {a} {n}' for t, a, n in events)}")
    lines.append(f"Statuses: {dict(sorted(load.statuses.items()))}")
    kill_at = next(t for t, a, n in events if a == "kill" and n == "web1")
    # In flight on web1 when it was killed: answered by HAProxy (no process) or by web1 in the
    # second before the kill.
    in_flight = [
        e
        for e in load.server_errors
        if e[2] in {"web1", "?"} and kill_at - 1 <= e[0] <= kill_at + 1
    ]
    other = [e for e in load.server_errors if e not in in_flight]
    lines.append(
        f"5xx: {len(load.server_errors)} ({len(in_flight)} in flight on the killed web1 around "
        f"{kill_at} s, {len(other)} others{': ' + str(other[:5]) if other else ''})"
    )
    if load.server_errors:
        lines.append(f"  (second, status, process): {load.server_errors[:12]}")
    lines.append(f"Connection errors seen by clients: {load.connection_errors}")
    lines.append(f"Signed out (redirected to the login page): {load.signed_out}")
    ok &= not other and load.signed_out == 0 and load.connection_errors == 0

    lost = [n for n in notified if received[n] == 0]
    twice = [n for n in notified if received[n] > 1]
    lines.append(
        f"Notifications: {len(notified)} written, {len(notified) - len(lost)} e-mailed, "
        f"{len(lost)} lost, {len(twice)} sent twice; outbox empty {drained_after} s after the "
        f"load (still waiting: {waiting})"
    )
    ok &= not lost and not twice

    intervals = {
        name: entry["schedule"]
        for name, entry in beat_schedule().items()
        if isinstance(entry["schedule"], float)
    }
    sends = beat_sends()
    by_entry = defaultdict(list)
    for beat, when, entry in sends:
        by_entry[entry].append((beat, when))
    lines.append("Periodic tasks sent by the beats (RedBeat lock):")
    for entry, runs in sorted(by_entry.items()):
        gaps = [round(b[1] - a[1]) for a, b in zip(runs, runs[1:], strict=False)]
        beats = Counter(beat for beat, _when in runs)
        twice_due = [g for g in gaps if entry in intervals and g < intervals[entry] * 0.9]
        ok &= not twice_due
        lines.append(
            f"  {entry}: {len(runs)} runs, by {dict(beats)}, gaps {gaps} s"
            f"{'  TWICE' if twice_due else ''}"
        )
    lines.append("Memory per web process (MB, master + workers, every 10 s):")
    for name, series in memory.items():
        lines.append(f"  {name}: {series}")
    lines.append("All checks passed." if ok else "SOME CHECKS FAILED.")
    return {"ok": ok, "text": "\n".join(lines)}


if __name__ == "__main__":
    sys.exit(main())
