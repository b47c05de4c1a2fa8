"""Production behaviour: strict settings, readiness, request ids in JSON logs, Sentry without
personal data, task routing and the storage settings."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
import sentry_sdk
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from sentry_sdk.transport import Transport

from hrsocial import readiness
from hrsocial.celery import app
from hrsocial.environment import StrictEnv
from hrsocial.observability import JsonFormatter, RequestIdFilter, scrub_event, sentry_init
from hrsocial.plugins import beat_schedule
from notifications.services import notify

BASE = Path(__file__).resolve().parents[2]


# --- Strict booleans --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [("true", True), ("True", True), ("1", True), ("on", True), ("FALSE", False), ("0", False)],
)
def test_a_boolean_setting_reads_the_usual_words(raw, expected):
    with mock.patch.dict(os.environ, {"X_FLAG": raw}):
        assert StrictEnv().bool("X_FLAG", default=not expected) is expected


def test_an_empty_boolean_setting_takes_its_default():
    with mock.patch.dict(os.environ, {"X_FLAG": " "}):
        assert StrictEnv().bool("X_FLAG", default=True) is True


@pytest.mark.parametrize("raw", ["ture", "yes please", "2", "nee"])
def test_a_mistyped_boolean_setting_stops_the_portal_with_its_name(raw):
    with (
        mock.patch.dict(os.environ, {"SECURE_SSL_REDIRECT": raw}),
        pytest.raises(ImproperlyConfigured, match="SECURE_SSL_REDIRECT"),
    ):
        StrictEnv().bool("SECURE_SSL_REDIRECT", default=True)


def run_settings(extra_env: dict, code: str = "") -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with this environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SENTRY_DSN", "MEDIA_S3_BUCKET"}
    }
    env.update(extra_env, DJANGO_SETTINGS_MODULE="hrsocial.settings")
    script = f"import django; django.setup(); from django.conf import settings\n{code}"
    return subprocess.run(
        [sys.executable, "-c", script], cwd=BASE, env=env, capture_output=True, text=True
    )


def test_the_settings_refuse_a_mistyped_ssl_redirect():
    result = run_settings({"SECURE_SSL_REDIRECT": "ture"})
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT='ture' is not a boolean" in result.stderr


# --- Readiness ----------------------------------------------------------------------------


def test_ready_reports_every_check_and_the_periodic_tasks(client, db):
    response = client.get(reverse("ready"))
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert {name: check["status"] for name, check in report["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
    }
    assert set(report["periodic_tasks"]) == {entry["task"] for entry in beat_schedule().values()}
    assert response["Cache-Control"].startswith("max-age=0")


def test_ready_reports_the_age_of_the_oldest_undelivered_email_without_naming_anyone(
    client, emma, time_machine
):
    time_machine.move_to("2026-03-02 10:00:00+01:00", tick=False)
    with (
        mock.patch("notifications.services.transaction.on_commit"),
        mock.patch("django.db.transaction.on_commit"),
    ):
        notify([emma], "general", "Jouw vraag over LinkedIn", "Hallo")
    time_machine.move_to("2026-03-02 10:07:30+01:00", tick=False)
    response = client.get(reverse("ready"))
    outbox = response.json()["outbox"]
    assert outbox["undelivered"] == 1
    assert outbox["oldest_undelivered_age_s"] == 450
    assert "emma" not in response.content.decode().lower()
    assert "LinkedIn" not in response.content.decode()


def test_ready_answers_503_when_the_database_is_down(client, db):
    with mock.patch.object(readiness, "check_database", side_effect=OSError("refused")):
        response = client.get(reverse("ready"))
    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "down"
    assert report["checks"]["database"] == {"status": "down", "error": "OSError", "ms": mock.ANY}
    assert "refused" not in response.content.decode()


def test_ready_is_degraded_but_200_when_the_broker_is_down(client, db):
    with mock.patch.object(readiness, "check_broker", side_effect=ConnectionError("no redis")):
        response = client.get(reverse("ready"))
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["broker"]["status"] == "down"


# --- Request ids and JSON logs ------------------------------------------------------------------


def test_each_response_carries_a_request_id_and_a_sane_incoming_one_is_kept(client, db):
    made = client.get(reverse("health"))["X-Request-ID"]
    assert len(made) == 32
    assert client.get(reverse("health"))["X-Request-ID"] != made
    kept = client.get(reverse("health"), headers={"X-Request-ID": "lb-0123456789abcdef"})
    assert kept["X-Request-ID"] == "lb-0123456789abcdef"
    forged = client.get(reverse("health"), headers={"X-Request-ID": 'x" injected\n{"level"'})
    assert len(forged["X-Request-ID"]) == 32


def test_log_lines_of_a_request_are_json_with_its_request_id(client, db):
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("hrsocial")
    logger.addHandler(handler)
    try:
        with mock.patch(
            "hrsocial.views.readiness",
            side_effect=lambda: logger.warning("checking", extra={"part": "db"}) or (True, {}),
        ):
            response = client.get(reverse("ready"))
    finally:
        logger.removeHandler(handler)
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["message"] == "checking"
    assert line["level"] == "WARNING"
    assert line["part"] == "db"
    assert line["request_id"] == response["X-Request-ID"]


def test_production_logs_are_json_by_default():
    result = run_settings(
        {"DEBUG": "false", "SECRET_KEY": "x" * 50},
        "import logging; logging.getLogger('hrsocial').warning('hallo %s', 'wereld')",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stderr.strip().splitlines()[-1])["message"] == "hallo wereld"


# --- Sentry -------------------------------------------------------------------------------------


class Captured(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type == "event":
                self.events.append(item.payload.json)


@pytest.fixture
def sentry():
    transport = Captured()
    sentry_init(dsn="https://public@sentry.invalid/1", environment="test", transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.init()


def test_sentry_reports_carry_no_email_address_and_no_question_text(client, emma, sentry):
    question = "Mag ik over mijn burn-out posten"
    client.force_login(emma)
    with mock.patch(
        "hrsocial.views.search_everything",
        side_effect=RuntimeError("lookup failed for emma@example.com"),
    ):
        client.raise_request_exception = False
        response = client.get(reverse("search"), {"q": question})
    assert response.status_code == 500
    try:
        secret_text = question  # a local variable: never sent
        raise ValueError(f"cannot save {len(secret_text)} characters for emma@example.com")
    except ValueError:
        sentry_sdk.capture_exception()
    logging.getLogger("helpdesk").error("Question %s could not be saved", question)
    sentry_sdk.flush()
    assert len(sentry.events) == 3
    sent = json.dumps(sentry.events)
    assert "emma@example.com" not in sent
    assert "burn-out" not in sent
    assert "Question %s could not be saved" in sent
    assert "RuntimeError" in sent and "[e-mail]" in sent


def test_the_scrubber_drops_request_bodies_cookies_users_and_local_variables():
    event = {
        "request": {
            "url": "https://hr.example.org/helpdesk/new/",
            "data": {"question": "Mijn manager plaatst foto's van mij"},
            "cookies": {"sessionid": "abc"},
            "headers": {"Cookie": "sessionid=abc", "X-Email": "a@b.nl"},
            "query_string": "q=geheim",
        },
        "user": {"email": "emma@example.com", "id": 3},
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": "no account for Emma.Jansen+hr@example.co.uk",
                    "stacktrace": {"frames": [{"function": "f", "vars": {"text": "geheim"}}]},
                }
            ]
        },
        "breadcrumbs": {"values": [{"message": "mail to x@y.org", "data": {"to": "x@y.org"}}]},
    }
    sent = json.dumps(scrub_event(event))
    for secret in ("foto's", "sessionid", "geheim", "example.co", "emma@", "x@y.org", "a@b.nl"):
        assert secret not in sent
    assert "https://hr.example.org/helpdesk/new/" in sent
    assert "no account for [e-mail]" in sent


# --- Queues and storage -----------------------------------------------------------------------


def test_every_routed_task_exists():
    app.loader.import_default_modules()
    assert set(settings.CELERY_TASK_ROUTES) <= set(app.tasks)


def test_separate_queues_route_email_and_fanouts_apart():
    result = run_settings(
        {
            "CELERY_QUEUE": "default",
            "CELERY_NOTIFICATIONS_QUEUE": "mail",
            "CELERY_BULK_QUEUE": "bulk",
        },
        "from hrsocial.celery import app\n"
        "r = lambda name: app.amqp.router.route({}, name)['queue'].name\n"
        "print(r('notifications.tasks.deliver_notifications'), "
        "r('guidelines.tasks.announce_version'), r('helpdesk.tasks.check_response_targets'))\n"
        "print(*sorted(f'{q.name}:{q.exchange.name}:{q.routing_key}' "
        "for q in app.amqp.queues.values()))",
    )
    assert result.returncode == 0, result.stderr
    routed, consumed = result.stdout.splitlines()
    assert routed.split() == ["mail", "bulk", "default"]
    # What a worker started without --queues (make worker, the Procfile) consumes.
    # Each with its own exchange and key: shared ones would copy every message to every queue.
    assert consumed.split() == ["bulk:bulk:bulk", "default:default:default", "mail:mail:mail"]


def test_with_a_bucket_uploads_go_to_s3_and_attachments_stay_without_url():
    result = run_settings(
        {"MEDIA_S3_BUCKET": "hr-media", "MEDIA_S3_ENDPOINT_URL": "http://127.0.0.1:9"},
        "from django.core.files.storage import storages\n"
        "from helpdesk.models import Attachment\n"
        "print(type(storages['default']).__name__, type(Attachment.file.field.storage).__name__)\n"
        "try:\n    Attachment.file.field.storage.url('2026/01/x.pdf')\n"
        "except ValueError:\n    print('no url')",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["S3Storage PrivateS3Storage", "no url"]


def test_attachments_use_the_configured_private_storage():
    from django.core.files.storage import storages

    from helpdesk.models import Attachment

    assert Attachment.file.field.storage is storages["helpdesk_attachments"]
    with pytest.raises(ValueError):
        Attachment.file.field.storage.url("2026/01/x.pdf")


def test_gunicorns_access_log_is_json_without_the_query_string():
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    from hrsocial.serving import JsonAccessLogger

    config = Config()
    config.set("accesslog", "-")
    logger = JsonAccessLogger(config)
    lines = []
    logger.access_log = SimpleNamespace(info=lambda fmt, line: lines.append(line))
    response = SimpleNamespace(
        status="200 OK", sent=512, headers=[("Content-Type", "text/html"), ("X-Request-ID", "abc")]
    )
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/search/", "QUERY_STRING": "q=jansen"}
    logger.access(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=12.5))
    entry = json.loads(lines[0])
    assert entry["path"] == "/search/" and "jansen" not in lines[0]
    assert (entry["status"], entry["bytes"], entry["request_id"]) == (200, 512, "abc")
    assert entry["duration_ms"] == 12.5


def serve_check(extra_env: dict) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    return subprocess.run(
        [sys.executable, "-m", "hrsocial.serving", "--check"],
        cwd=BASE,
        env={**env, **extra_env},
        capture_output=True,
        text=True,
    )


def test_make_serve_refuses_development_settings_and_says_why():
    result = serve_check({})
    assert result.returncode == 2
    assert "DEBUG is on" in result.stderr
    assert "SECRET_KEY is missing" in result.stderr
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr
    assert "REDIS_URL must be set" in result.stderr


def test_make_serve_refuses_to_start_without_a_secret_key():
    result = serve_check({"DEBUG": "false"})
    assert result.returncode == 2
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_make_serve_accepts_production_settings():
    result = serve_check(
        {
            "DEBUG": "false",
            "SECRET_KEY": "s" * 50,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/hrsocial_prod_unused",
            "REDIS_URL": "redis://127.0.0.1:6379/8",
        }
    )
    assert result.returncode == 0, result.stderr


def test_collectstatic_succeeds_with_the_production_storage(tmp_path, settings):
    """`make serve` and the image run collectstatic with hashed, compressed files: a file
    referring to one that is not there (a vendored library's source map) stops the deploy."""
    from django.core.management import call_command

    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
