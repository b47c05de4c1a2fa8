"""Shared fixtures. The personas make access tests read naturally:

emma (employee) reports to milan (manager); hanna is HR (and HR lead); cas is an
employee in another department; anouk is an alumna; femke a freelancer.
"""

import os
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test.utils import override_settings

from tests.factories import (
    AlumnusFactory,
    DepartmentFactory,
    FreelancerFactory,
    UserFactory,
    make_hr,
)

# Playwright's sync API runs an event loop in the test thread; live_server tests use the ORM
# from the same thread, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_fast = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    # Tasks run in-process in tests, on every database; tests/notifications/test_worker.py
    # switches to a real worker.
    CELERY_TASK_ALWAYS_EAGER=True,
    CELERY_TASK_EAGER_PROPAGATES=True,
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    # E-mail goes out on commit, as with a worker (the embedded mode waits for the runner).
    NOTIFICATIONS_DELIVER_IN_REQUEST=True,
    SECURE_SSL_REDIRECT=False,
)


def pytest_configure(config):
    _fast.enable()
    from hrsocial.celery import app

    app.conf.update(task_always_eager=True, task_eager_propagates=True)


@pytest.fixture(autouse=True)
def _second_factor_requirement(request, settings):
    """Two-factor sign-in for HR is on in the browser journeys (their sign-in completes it,
    tests/e2e/conftest.py) and in tests marked `second_factor_required`; the other tests sign
    HR in with force_login and test what HR pages do, not the sign-in."""
    marked = request.node.get_closest_marker("second_factor_required") is not None
    settings.MFA_REQUIRED_FOR_HR = marked or "e2e" in request.node.path.parts


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached values must not leak from one test to the next."""
    yield
    cache.clear()


@pytest.fixture
def communication(db):
    return DepartmentFactory(name="Communicatie", code="COM")


@pytest.fixture
def milan(communication):
    return UserFactory(
        email="milan@example.com", full_name="Milan de Vries", department=communication
    )


@pytest.fixture
def emma(milan, communication):
    return UserFactory(
        email="emma@example.com", full_name="Emma Jansen", department=communication, manager=milan
    )


@pytest.fixture
def hanna(db):
    return make_hr(
        UserFactory(email="hanna@example.com", full_name="Hanna Bakker", is_staff=True), lead=True
    )


@pytest.fixture
def cas(db):
    return UserFactory(
        email="cas@example.com",
        full_name="Cas Peters",
        department=DepartmentFactory(name="ICT", code="ICT"),
    )


@pytest.fixture
def anouk(db):
    return AlumnusFactory(email="anouk@example.com", full_name="Anouk Visser")


@pytest.fixture
def femke(db):
    return FreelancerFactory(email="femke@example.com", full_name="Femke Smit")


@pytest.fixture
def personas(emma, milan, hanna, cas, anouk, femke):
    return SimpleNamespace(
        employee=emma, manager=milan, hr=hanna, colleague=cas, alumnus=anouk, freelancer=femke
    )


@pytest.fixture
def in_english():
    """Run the test with English active (Dutch is the default), for readable assertions."""
    from django.utils import translation

    with translation.override("en"):
        yield
