"""The shared pages pass axe-core's WCAG 2.1 AA rules, signed out and signed in."""

import pytest

from notifications.services import notify
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import AlumnusFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["/accounts/login/", "/accounts/password/reset/"]
SIGNED_IN_PAGES = ["/", "/people/", "/people/me/", "/notifications/", "/notifications/preferences/",
                   "/search/?q=jansen", "/no-such-page/"]  # fmt: skip


def test_public_pages_are_accessible(live_server, page):
    for path in PUBLIC_PAGES:
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_signed_in_pages_are_accessible(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen", bio="Schrijft.")
    notify([emma], "general", lambda: "Nieuwe tips", "Lees ze.", url="/")
    use_session_of(page, live_server, emma)
    for path in [*SIGNED_IN_PAGES, f"/people/{emma.pk}/"]:
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_an_alumnas_pages_are_accessible_and_fit_a_phone(live_server, page):
    """Her home page and the 403 page say what the portal offers her today (issue 12)."""
    anouk = AlumnusFactory(email="anouk@example.com", full_name="Anouk Visser")
    page.set_viewport_size({"width": 375, "height": 740})
    use_session_of(page, live_server, anouk)
    pages = [("/", "Wat het portaal je nu biedt"), ("/guidelines/", "Wat je hier wel kunt")]
    for path, text in pages:
        page.goto(live_server.url + path)
        assert text in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert_accessible(page)
