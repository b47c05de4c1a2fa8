"""Redis down is not a portal outage (hrsocial.cache): a real redis-server of the test's own,
stopped, paused or replaced by a socket that never answers while people use the portal.

Needs the `redis-server` binary; without it these tests skip, unless
HRSOCIAL_REQUIRE_SERVICES=1 makes that a failure. The time bounds are not speed targets: they
prove that no request waits for a server that cannot answer.
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.test.utils import override_settings
from django.urls import reverse

from helpdesk.models import Question
from hrsocial.cache import forget_health
from hrsocial.ratelimit import rate_limited
from notifications.models import Notification
from people.models import HR_GROUP
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

PORTS = range(17500, 17600)  # this branch's own ports (i10-redis)
NO_HANGING = 2.0  # seconds: far above a healthy request, far below a socket's default timeout


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 17500-17599")


class RedisServer:
    """A redis-server subprocess on one port, which the test can stop, pause and resume."""

    def __init__(self, binary: str, port: int):
        self.binary, self.port = binary, port
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):  # up to 5 s
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused server cannot end
            self.process.terminate()
            self.process.wait(timeout=10)

    def pause(self) -> None:
        """Hung: the kernel still accepts connections, nothing answers."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_server():
    binary = shutil.which("redis-server")
    if binary is None:
        reason = "needs the redis-server binary (Debian package redis-server)"
        if os.environ.get("HRSOCIAL_REQUIRE_SERVICES") == "1":
            pytest.fail(reason + "; HRSOCIAL_REQUIRE_SERVICES=1 forbids skipping.")
        pytest.skip(reason)
    server = RedisServer(binary, _free_port())
    server.start()
    yield server
    server.stop()


@contextmanager
def portal_cache_at(port: int, *, retry_after: float = 5):
    """The production cache settings (settings.py with REDIS_URL), pointing at `port`."""
    caches = {
        "default": {
            "BACKEND": "hrsocial.cache.PortalRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/5",
            "KEY_PREFIX": f"i10-redis-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {
                "RETRY_AFTER": retry_after,
                "LOCAL_FALLBACK_PREFIXES": ("allauth:rl:", "ratelimit:"),
            },
        },
        "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    forget_health()
    try:
        with override_settings(CACHES=caches, PEOPLE_SIGNED_IN_USER_CACHE=True):
            yield
    finally:
        forget_health()


@pytest.fixture
def redis_cache(redis_server):
    with portal_cache_at(redis_server.port):
        yield redis_server


def timed(call, *args, **kwargs):
    started = time.monotonic()
    response = call(*args, **kwargs)
    elapsed = time.monotonic() - started
    assert elapsed < NO_HANGING, f"{args[0]} took {elapsed:.2f} s"
    assert response.status_code < 500
    return response


def sign_in(client, user):
    response = timed(
        client.post, reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def ask(client, category, n):
    return timed(
        client.post,
        reverse("helpdesk:question-create"),
        {
            "subject": f"Vraag {n}: mag ik over het zonnepark posten?",
            "body": "Ik werk aan het ontwerp en wil er graag over vertellen.",
            "category": category.pk,
            "submission_key": str(uuid.uuid4()),
        },
    )


@pytest.fixture
def category(db):
    from tests.helpdesk.factories import CategoryFactory

    return CategoryFactory(name="Eigen accounts en posts")


def test_it_keeps_the_portal_working_when_redis_is_stopped(
    client, emma, hanna, category, redis_cache, django_capture_on_commit_callbacks
):
    category.team.set([hanna])
    sign_in(client, emma)
    assert timed(client.get, "/").status_code == 200
    assert cache.get_many(["people:signed-in:generation"])  # the cache really was Redis

    redis_cache.stop()

    # Still signed in: the session is read from the database.
    home = timed(client.get, "/")
    assert home.status_code == 200 and home.context["user"] == emma
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(client, category, n)
        assert response.status_code == 302
    assert Question.objects.filter(asker=emma).count() == 10
    assert (
        Notification.objects.filter(recipient=hanna, category="helpdesk.new_question").count() == 10
    )
    for url in ("/", reverse("helpdesk:index"), reverse("notifications:list")):
        assert timed(client.get, url).status_code == 200
    question = Question.objects.filter(asker=emma).first()
    assert timed(client.get, question.get_absolute_url()).status_code == 200

    # Signing out and in again, and HR's queue for HR.
    timed(client.post, reverse("account_logout"))
    assert "_auth_user_id" not in client.session
    sign_in(client, hanna)
    assert timed(client.get, reverse("helpdesk:queue")).status_code == 200


def test_the_login_throttle_still_holds_without_redis(client, emma, redis_cache):
    """The choice (README, hrsocial.ratelimit): rate limits neither 500 nor switch off; they
    are counted per process while Redis is down."""
    redis_cache.stop()
    for _attempt in range(5):
        response = timed(
            client.post, reverse("account_login"), {"login": emma.email, "password": "wrong"}
        )
        assert response.status_code == 200
    response = timed(
        client.post, reverse("account_login"), {"login": emma.email, "password": TEST_PASSWORD}
    )
    assert "Te veel inlogpogingen" in response.content.decode()
    assert not response.context["user"].is_authenticated
    assert [rate_limited(key="check:1", limit=3) for _ in range(4)] == [False] * 3 + [True]


def test_it_serves_no_stale_permissions_after_redis_was_unreachable(
    client, hanna, redis_server, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    with portal_cache_at(redis_server.port, retry_after=1.0):
        sign_in(client, hanna)
        assert timed(client.get, reverse("helpdesk:queue")).status_code == 200  # cached as HR

        # Hung: the first page after it waits for one socket timeout and then skips Redis, so
        # the change below never reaches Redis (a command sent to a hung server would still be
        # carried out when it resumes).
        redis_server.pause()
        assert timed(client.get, reverse("helpdesk:queue")).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            hanna.groups.remove(Group.objects.get(name=HR_GROUP))
        assert timed(client.get, reverse("helpdesk:queue")).status_code == 403

        # Back, with the old generation and Hanna-as-HR still in it: the failed writes are
        # deleted before anything is read.
        redis_server.resume()
        time.sleep(1.1)  # past RETRY_AFTER
        assert timed(client.get, reverse("helpdesk:queue")).status_code == 403
        assert timed(client.get, "/").context["user"] == hanna
        assert cache.get("people:signed-in:generation") is not None  # Redis is used again


def test_a_hung_redis_does_not_hold_requests(client, emma, category):
    """A server that accepts connections and never answers (here: a socket nobody reads)."""
    port = _free_port()
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", port))
        hung.listen(64)
        with portal_cache_at(port):
            started = time.monotonic()
            sign_in(client, emma)
            for n in range(3):
                assert ask(client, category, n).status_code == 302
            assert timed(client.get, "/").status_code == 200
            assert time.monotonic() - started < 3 * NO_HANGING
    assert Question.objects.filter(asker=emma).count() == 3


def test_it_logs_an_outage_once_not_per_call(caplog, db):
    nothing_listens = _free_port()
    with (
        portal_cache_at(nothing_listens),
        caplog.at_level(logging.WARNING, logger="hrsocial.cache"),
    ):
        for n in range(50):
            assert cache.get(f"k{n}") is None
            cache.set(f"k{n}", n)
            cache.delete_many([f"k{n}"])
            assert cache.get_or_set(f"g{n}", n) == n
    assert len(caplog.records) == 1
    assert "unreachable" in caplog.records[0].getMessage()


def test_it_keeps_the_redis_password_out_of_the_log():
    from hrsocial.cache import PortalRedisCache

    backend = PortalRedisCache("redis://:s3cret@127.0.0.1:17599/5", {"KEY_PREFIX": "x"})
    assert "s3cret" not in backend.health.location
    assert backend.health.location == "redis://***@127.0.0.1:17599/5|x"
