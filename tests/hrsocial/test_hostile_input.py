"""Bad input gets a clear answer, never a 500.

Every URL of the access map (tests/<app>/access_map.py, so a new URL is covered without touching
this file) is sent hostile variants as every role: GET with hostile query parameters, POST with
hostile values for the fields of the forms that post there (read from the pages that show them,
from the view's own form classes and from the access map's data), hostile files, hostile JSON
and hostile URL arguments. Roles the access map lets in get every variant; roles it refuses get
one request that mixes them. Any 5xx fails, with the URL, role, input and exception.
"""

import inspect
import json
import types
import uuid
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django import forms
from django.db import connection, transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.access import LOGIN, ROLES
from tests.helpdesk.factories import docx_bytes
from tests.test_access_map import build_world, declared_routes

PROJECT = ("hrsocial", "people", "notifications", "guidelines", "trainings", "helpdesk",
           "competencies")  # fmt: skip
REFUSED = {LOGIN, 401, 403, 404, 405}
GENERIC_FIELDS = ("next", "q", "page", "pk", "id", "status", "sort", "category", "token")
HOSTILE = {
    "empty": "",
    "1 MB": "x" * 1_000_000,
    "NUL": "a\x00b",
    "CRLF": "a\r\nLocation: /elsewhere",
    "CR": "a\rb",  # a lone carriage return: a check for "\n" alone lets it into a header
    "huge integer": "9" * 40,
    "64-bit overflow": str(2**63),
    "negative": "-1",
    "float": "1e309",
    "wrong type": "zz",
    "bad date": "2026-13-45",
    "unicode": "\u202e\ufeff\U0001f44d",
    "list for a scalar": ["1", "zz", "9" * 40],
}
# On PostgreSQL the suite runs the variants that can fail in the database itself (NUL in
# text, integers out of range, lists); everything else is about our own code and already runs
# on SQLite. This keeps CI's second run within its time.
DATABASE_VARIANTS = {"empty", "NUL", "huge integer", "64-bit overflow", "list for a scalar"}


def _variants():
    if connection.vendor == "postgresql":
        return [(label, value) for label, value in HOSTILE.items() if label in DATABASE_VARIANTS]
    return list(HOSTILE.items())


MIXED = ["", "a\x00b", "a\r\nb", "-1", "zz", "9" * 40]


def _bad_crc_docx() -> bytes:
    content = bytearray(docx_bytes())
    # Flip a byte of the first member's data: the archive lists fine, reading it fails the CRC.
    start = 30 + len("[Content_Types].xml")
    content[start] ^= 0xFF
    return bytes(content)


HOSTILE_FILES = {
    "bad CRC docx": ("concept.docx", _bad_crc_docx()),
    "truncated docx": ("concept.docx", docx_bytes()[:60]),
    "empty pdf": ("leeg.pdf", b""),
    "truncated png": ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xffIHDR"),
    "program as jpg": ("foto.jpg", b"MZ\x90\x00"),
}
NESTED = "[" * 100_000 + "]" * 100_000
HOSTILE_JSON = {
    "deeply nested": NESTED,
    "nested object": '{"text": ' + NESTED + "}",
    "invalid": "{not json",
    "wrong types": '{"text": 5, "network": ["linkedin"]}',
    "list": "[1, 2, 3]",
    "huge integer": '{"text": ' + "9" * 5000 + "}",
    "NUL": '{"text": "a\\u0000b", "network": "\\u0000"}',
    "lone surrogate": '{"text": "\\ud800"}',
}


class _Forms(HTMLParser):
    """The POST forms of a page: action path -> {field name: a value a browser would send}."""

    def __init__(self, page_path):
        super().__init__()
        self.page_path, self.forms, self.current, self.select = page_path, {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            path = urlsplit(attrs.get("action") or self.page_path).path or self.page_path
            self.current = self.forms.setdefault(path, {"fields": {}, "files": set()})
        elif self.current is None or not attrs.get("name"):
            return
        elif tag == "input":
            kind, name = (attrs.get("type") or "text").lower(), attrs["name"]
            if kind == "file":
                self.current["files"].add(name)
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs or name not in self.current["fields"]:
                    self.current["fields"][name] = attrs.get("value") or "on"
            elif kind not in ("submit", "button", "reset"):
                self.current["fields"][name] = attrs.get("value") or _plausible(kind)
        elif tag == "textarea":
            self.current["fields"][attrs["name"]] = "Mag ik dit op LinkedIn zetten?"
        elif tag == "select":
            self.select = attrs["name"]
            self.current["fields"].setdefault(self.select, "")
        elif (
            tag == "option"
            and self.select
            and attrs.get("value")
            and (not self.current["fields"][self.select] or "selected" in attrs)
        ):
            self.current["fields"][self.select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def _plausible(kind):
    return {
        "number": "1",
        "email": "iemand@example.com",
        "url": "https://example.com/",
        "date": "2030-06-12",
        "time": "10:00",
        "datetime-local": "2030-06-12T10:00",
        "hidden": "",
    }.get(kind, "Mag ik dit op LinkedIn zetten?")


def _code_names(code):
    yield from code.co_names
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_names(const)


def forms_of_view(view) -> set:
    """The form classes a view (and the helpers in the project it calls) names."""
    found, seen = set(), set()

    def visit(function, depth):
        function = inspect.unwrap(function)
        if function in seen or depth > 3:
            return
        seen.add(function)
        view_class = getattr(function, "view_class", None)
        if view_class is not None:
            consider(getattr(view_class, "form_class", None), depth)
            for attr in ("get", "post", "get_form_class", "get_form", "form_valid"):
                consider(getattr(view_class, attr, None), depth)
            return
        code = getattr(function, "__code__", None)
        if code is None:
            return
        names = set(_code_names(code))
        for name in names:
            value = function.__globals__.get(name)
            if isinstance(value, types.ModuleType):
                for attr in names:
                    consider(getattr(value, attr, None), depth)
            else:
                consider(value, depth)

    def consider(value, depth):
        if isinstance(value, type) and issubclass(value, forms.BaseForm):
            found.add(value)
        elif (
            isinstance(value, types.FunctionType | types.MethodType)
            and getattr(value, "__module__", "").split(".")[0] in PROJECT
        ):
            visit(value, depth + 1)

    visit(view, 0)
    return found


class HostileInputTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        routes, setups = declared_routes()
        cls.world = build_world(setups)
        cls.targets = {}  # (method, path) -> {"roles": set, "route": first route, "query": set}
        for route in routes:
            if route.name.startswith("path:"):
                continue
            kwargs = route.kwargs(cls.world) if route.kwargs else {}
            path = reverse(route.name, kwargs=kwargs)
            target = cls.targets.setdefault(
                (route.method, path),
                {"roles": set(), "route": route, "query": set(), "data": {}},
            )
            target["roles"] |= {r for r in ROLES if route.expect[r] not in REFUSED}
            target["query"] |= {
                pair.split("=")[0] for pair in route.query.lstrip("?").split("&") if pair
            }
            data = route.data(cls.world) if callable(route.data) else (route.data or {})
            target["data"].update(data)

    def setUp(self):
        self.client = Client(raise_request_exception=False)
        self.failures = []
        self.pages = {}  # POST path -> role -> scraped form

    # The requests -----------------------------------------------------------------------

    def _send(self, role, method, path, label, **kwargs):
        with transaction.atomic():
            self.client.logout()
            if role != "visitor":
                self.client.force_login(getattr(self.world, role))
            response = getattr(self.client, method)(path, **kwargs)
            transaction.set_rollback(True)
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            cause = f"{error[0].__name__}: {str(error[1])[:120]}" if error else ""
            self.failures.append(
                f"{method.upper()} {path} as {role}, {label}: {response.status_code} {cause}"
            )
        return response

    def _roles(self, target):
        """(role, full): the roles let in get every variant, the others one mixed request."""
        return [(role, role in target["roles"]) for role in ROLES]

    def _fields(self, method, path, role):
        """Field names and a browser-like baseline for a POST to `path` as `role`."""
        target = self.targets[(method, path)]
        fields = dict.fromkeys(GENERIC_FIELDS, "")
        files = set()
        try:
            view = resolve(path).func
        except Resolver404:  # pragma: no cover - every target comes from reverse()
            view = None
        for form_class in forms_of_view(view) if view else ():
            for name, field in form_class.base_fields.items():
                fields.setdefault(name, "")
                if isinstance(field, forms.FileField):
                    files.add(name)
        scraped = self.pages.get(path, {}).get(role) or {"fields": {}, "files": set()}
        fields.update(scraped["fields"])
        files |= scraped["files"]
        fields.update({k: str(v) if not isinstance(v, list) else v
                       for k, v in target["data"].items()})  # fmt: skip
        fields.pop("csrfmiddlewaretoken", None)
        if "submission_key" in fields:  # a double-submit guard: a fresh key, as the page has
            fields["submission_key"] = str(uuid.uuid4())
        return fields, files

    def _scrape(self):
        """Read the POST forms on every GET page, as every role that may open it."""
        for (method, path), target in self.targets.items():
            if method != "get":
                continue
            for role in target["roles"]:
                response = self._send(role, "get", path, "plain")
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                parser = _Forms(path)
                parser.feed(response.content.decode(errors="replace"))
                for action, form in parser.forms.items():
                    known = self.pages.setdefault(action, {}).setdefault(
                        role, {"fields": {}, "files": set()}
                    )
                    known["fields"].update(form["fields"])
                    known["files"] |= form["files"]

    def _report(self):
        self.assertEqual(self.failures, [], "\n" + "\n".join(self.failures))

    # The tests --------------------------------------------------------------------------

    def test_it_finds_the_fields_of_the_forms_it_fills_in(self):
        """Without this, a change in how forms are found could leave the others testing
        nothing."""
        self._scrape()
        create, _files = self._fields("post", reverse("helpdesk:question-create"), "employee")
        self.assertLessEqual({"subject", "body", "category"}, set(create))
        self.assertIn("attachment", _files)
        checker, _files = self._fields("post", reverse("guidelines:api-check"), "employee")
        self.assertLessEqual({"text", "network"}, set(checker))

    def test_it_never_answers_hostile_query_strings_with_a_server_error(self):
        for (method, path), target in self.targets.items():
            if method != "get":
                continue
            names = set(GENERIC_FIELDS) | target["query"]
            view = resolve(path).func
            for form_class in forms_of_view(view):
                names |= set(form_class.base_fields)
            for role, full in self._roles(target):
                variants = _variants() if full else [("mixed", MIXED)]
                for label, value in variants:
                    if label == "1 MB" and role != min(target["roles"] or {role}):
                        continue  # one 1 MB request per page is enough
                    self._send(role, "get", path, label, data=dict.fromkeys(names, value))
                # Invalid UTF-8 in the query string, as a browser could send it.
                self._send(role, "get", path, "invalid UTF-8",
                           QUERY_STRING="&".join(f"{n}=%FF%FE%00" for n in names))  # fmt: skip
        self._report()

    def test_it_never_answers_hostile_form_posts_with_a_server_error(self):
        self._scrape()
        for (method, path), target in self.targets.items():
            if method != "post":
                continue
            for role, full in self._roles(target):
                fields, _files = self._fields(method, path, role)
                if not full:
                    self._send(role, "post", path, "mixed", data=dict.fromkeys(fields, MIXED))
                    continue
                for label, value in _variants():
                    if label == "1 MB" and role != min(target["roles"]):
                        continue  # one 1 MB request per form is enough
                    # Everything hostile, then each field hostile among plausible values.
                    self._send(role, "post", path, label, data=dict.fromkeys(fields, value))
                    if label in ("CR", "huge integer"):
                        for name in fields:
                            self._send(role, "post", path, f"{label} in {name}",
                                       data={**fields, name: value})  # fmt: skip
                self._send(role, "post", path, "invalid UTF-8",
                           data=b"&".join(n.encode() + b"=%FF\xfe%00" for n in fields),
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
        self._report()

    def test_it_never_answers_hostile_files_with_a_server_error(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        self._scrape()
        anonymous = 0
        for (method, path), target in self.targets.items():
            if method != "post":
                continue
            for role in target["roles"]:
                fields, files = self._fields(method, path, role)
                for name in files:
                    for label, (filename, content) in HOSTILE_FILES.items():
                        for extra in ({}, {"anonymous": "on"}):
                            anonymous += bool(extra)
                            upload = SimpleUploadedFile(filename, content)
                            self._send(role, "post", path, f"{label} in {name} {extra}",
                                       data={**fields, **extra, name: upload})  # fmt: skip
        self.assertGreater(anonymous, 0, "no form with a file field was found")
        self._report()

    def test_it_never_answers_hostile_json_with_a_server_error(self):
        endpoints = 0
        for (method, path), target in self.targets.items():
            view = inspect.unwrap(resolve(path).func)
            source = inspect.getsource(view) if hasattr(view, "__code__") else ""
            if method != "post" or "request.body" not in source:
                continue
            endpoints += 1
            for role, _full in self._roles(target):
                for label, body in HOSTILE_JSON.items():
                    self._send(role, "post", path, f"JSON {label}", data=body,
                               content_type="application/json")  # fmt: skip
                self._send(role, "post", path, "JSON invalid UTF-8", data=b'{"text": "\xff\xfe"}',
                           content_type="application/json")  # fmt: skip
        self.assertGreater(endpoints, 0, "no JSON endpoint was found")
        self._report()

    def test_it_never_answers_hostile_url_arguments_with_a_server_error(self):
        for route in {t["route"].name: t["route"] for t in self.targets.values()}.values():
            if not route.kwargs:
                continue
            for label, value in (("huge integer", 10**40), ("64-bit", 2**63), ("zero", 0)):
                kwargs = {
                    k: (value if isinstance(v, int) else "9" * 40 if label != "zero" else "0")
                    for k, v in route.kwargs(self.world).items()
                }
                try:
                    path = reverse(route.name, kwargs=kwargs)
                except Exception:  # the pattern's converter refuses the value: no URL at all
                    continue
                for role in ROLES:
                    self._send(role, route.method, path, f"{label} in the URL")
        self._report()

    @settings(max_examples=60, deadline=None, derandomize=True, database=None)
    @given(
        value=st.one_of(
            st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300),
            st.integers(min_value=-(10**30), max_value=10**30).map(str),
            st.lists(st.text(max_size=20), min_size=2, max_size=4),
        ),
        pick=st.integers(min_value=0, max_value=10**6),
    )
    def test_it_never_answers_generated_values_with_a_server_error(self, value, pick):
        """Generated text, numbers and lists, one field at a time, among plausible values."""
        if not self.pages:
            self._scrape()
        posts = sorted(
            (path, role)
            for (method, path), target in self.targets.items()
            if method == "post"
            for role in sorted(target["roles"])
        )
        path, role = posts[pick % len(posts)]
        fields, _files = self._fields("post", path, role)
        names = sorted(fields)
        name = names[(pick // len(posts)) % len(names)]
        self._send(role, "post", path, f"{name}={json.dumps(value)[:80]}",
                   data={**fields, name: value})  # fmt: skip
        self._report()
