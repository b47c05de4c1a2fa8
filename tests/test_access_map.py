"""Every URL is declared with the answer each role gets, and gets exactly that answer."""

import importlib
import pkgutil
from types import SimpleNamespace

from django.db import transaction
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.access import LOGIN, ROLES, Route
from tests.factories import (
    AlumnusFactory,
    DepartmentFactory,
    FreelancerFactory,
    UserFactory,
    make_hr,
)

# Django's admin checks its own permissions (is_staff plus model permissions); a few of its
# pages are checked below instead of all of its hundreds of generated URLs.
SELF_GUARDED_NAMESPACES = {"admin"}


def all_patterns(resolver=None, namespaces=(), prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from all_patterns(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            if namespaces and namespaces[0] in SELF_GUARDED_NAMESPACES:
                continue
            if pattern.name:
                yield ":".join((*namespaces, pattern.name))
            else:
                yield "path:" + prefix + str(pattern.pattern)


def declared_routes() -> list[Route]:
    routes, setups = [], []
    for module_info in pkgutil.iter_modules(tests.__path__):
        if not module_info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{module_info.name}.access_map")
        except ModuleNotFoundError as error:
            if error.name != f"tests.{module_info.name}.access_map":
                raise
            continue
        routes += module.ROUTES
        if hasattr(module, "setup"):
            setups.append(module.setup)
    return routes, setups


def build_world(setups) -> SimpleNamespace:
    communication = DepartmentFactory(name="Communicatie", code="COM")
    manager = UserFactory(email="manager@example.com", full_name="Milan de Vries",
                          department=communication)  # fmt: skip
    world = SimpleNamespace(
        manager=manager,
        employee=UserFactory(
            email="employee@example.com",
            full_name="Emma Jansen",
            department=communication,
            manager=manager,
        ),  # fmt: skip
        hr=make_hr(
            UserFactory(email="hr@example.com", full_name="Hanna Bakker", is_staff=True), lead=True
        ),  # fmt: skip
        colleague=UserFactory(email="colleague@example.com", full_name="Cas Peters"),
        alumnus=AlumnusFactory(email="alumnus@example.com", full_name="Anouk Visser"),
        freelancer=FreelancerFactory(email="freelancer@example.com", full_name="Femke Smit"),
    )
    for setup in setups:
        setup(world)
    return world


class AccessMapTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.routes, setups = declared_routes()
        cls.world = build_world(setups)

    def test_every_url_pattern_is_declared(self):
        existing = set(all_patterns())
        declared = {route.name for route in self.routes}
        self.assertEqual(
            sorted(existing - declared), [], "URL patterns missing from the access map"
        )
        self.assertEqual(sorted(declared - existing), [], "access map entries without a URL")

    maxDiff = None

    def test_each_role_gets_the_declared_answer(self):
        failures = []
        login_path = reverse("account_login")
        for route in self.routes:
            url = self._url(route)
            for role in ROLES:
                expected = route.expect[role]
                status, location = self._request(route, url, role)
                if expected == LOGIN:
                    ok = status == 302 and location.startswith(login_path)
                else:
                    ok = status == expected
                if not ok:
                    failures.append(
                        f"{route.method.upper()} {url} as {role}: expected {expected}, "
                        f"got {status} {location}"
                    )
        self.assertEqual(failures, [], "\n" + "\n".join(failures))

    def _url(self, route: Route) -> str:
        if route.name.startswith("path:"):
            return "/" + route.name.removeprefix("path:").lstrip("^").rstrip("$")
        kwargs = route.kwargs(self.world) if route.kwargs else {}
        return reverse(route.name, kwargs=kwargs) + route.query

    def _request(self, route: Route, url: str, role: str):
        """One request in a savepoint that is rolled back: a POST that succeeds for one role
        does not change what the next role sees."""
        with transaction.atomic():
            self.client.logout()
            headers = route.headers
            if role != "visitor" and route.auth:
                headers = {**headers, **route.auth(getattr(self.world, role))}
            elif role != "visitor":
                self.client.force_login(getattr(self.world, role))
            data = route.data(self.world) if callable(route.data) else (route.data or {})
            send = getattr(self.client, route.method)
            response = (
                send(url, data, headers=headers)
                if route.method == "post"
                else send(url, headers=headers)
            )
            transaction.set_rollback(True)
        return response.status_code, response.get("Location", "")


class AdminAccessTest(TestCase):
    """The admin's own guard: visitors and non-staff are sent to its login, HR gets in."""

    @classmethod
    def setUpTestData(cls):
        cls.employee = UserFactory()
        cls.hr = make_hr(UserFactory(is_staff=True))

    def test_visitors_are_sent_to_sign_in(self):
        response = self.client.get(reverse("admin:people_user_changelist"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("account_login")))

    def test_employees_without_admin_access_are_refused(self):
        self.client.force_login(self.employee)
        response = self.client.get(reverse("admin:people_user_changelist"), follow=True)
        self.assertEqual(response.status_code, 403)

    def test_hr_staff_can_open_people(self):
        self.client.force_login(self.hr)
        for name in ("admin:index", "admin:people_user_changelist"):
            self.assertEqual(self.client.get(reverse(name)).status_code, 200, name)
