"""Logs and error reports for production: one JSON object per line, each with the id of the
request it belongs to, and optional Sentry reports without personal data.

* `RequestIdMiddleware` takes the load balancer's `X-Request-ID` (when it looks like an id) or
  makes one, keeps it for the logs of this request and sends it back in the response, so a
  line in the proxy's log, gunicorn's access log and the portal's log can be matched.
* `JsonFormatter` (LOG_FORMAT=json, the default with DEBUG off) writes records as JSON.
* `sentry_init` turns Sentry on when SENTRY_DSN is set. People's data never leaves: no
  request bodies (question texts, answers), cookies, headers, local variables or SQL
  parameters, and e-mail addresses are masked in everything that is sent.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# What a proxy may hand us as a request id; anything else (too long, odd characters) is replaced
# so that a client cannot write into our logs.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(self.header, "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response.headers[self.header] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (empty outside a request: tasks, commands)."""

    def filter(self, record):
        if not getattr(record, "request_id", ""):
            record.request_id = request_id_var.get()
        return True


# Attributes every LogRecord has; anything else was passed in `extra=` and is logged too.
_RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", ""):
            entry["request_id"] = record.request_id
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


# --- Sentry -----------------------------------------------------------------------------------

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
EMAIL_MASK = "[e-mail]"
# Parts of a request that carry what people wrote or who they are.
_REQUEST_KEYS_DROPPED = ("data", "cookies", "headers", "query_string", "env")


def _masked(value):
    if isinstance(value, str):
        return EMAIL.sub(EMAIL_MASK, value)
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    return value


def scrub_event(event, hint=None):
    """Sentry's `before_send`: what may leave the portal about an error is where it happened
    (stack, URL path, logger) and its type, never the data of the people involved."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in _REQUEST_KEYS_DROPPED:
            request.pop(key, None)
    event.pop("user", None)
    event.pop("extra", None)
    # A log message is sent as its template ("Delivery of %s failed"), never its arguments.
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        event["logentry"] = {"message": logentry.get("message", "")}
    for exception in (event.get("exception") or {}).get("values") or []:
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    for thread in (event.get("threads") or {}).get("values") or []:
        for frame in (thread.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    for breadcrumb in (event.get("breadcrumbs") or {}).get("values") or []:
        # SQL breadcrumbs hold queries (never parameters: record_sql_params is off), log
        # breadcrumbs hold messages: kept, with addresses masked below.
        breadcrumb.pop("data", None)
    return _masked(event)


def scrub_breadcrumb(breadcrumb, hint=None):
    breadcrumb.pop("data", None)
    record = (hint or {}).get("log_record")
    if record is not None:
        breadcrumb["message"] = str(record.msg)  # the template, not the arguments
    return _masked(breadcrumb)


def sentry_init(*, dsn: str, environment: str, transport=None):
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        # Collect nothing about people in the first place; scrub_event is the second line.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "off"}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "queues": False,
            "stack_frame_variables": False,
        },
        # Release and server names are not sent (no version strings, no host names).
        release=None,
        server_name="",
        # Errors only: no performance traces (their spans would carry SQL and URLs).
        traces_sample_rate=0.0,
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        transport=transport,
    )
