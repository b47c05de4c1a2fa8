"""The shared pages pass axe-core's WCAG 2.1 AA rules, signed out and signed in."""

import pytest

from notifications.services import notify
from tests.e2e.conftest import assert_accessible, assert_valid_html, use_session_of
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


def test_the_html_check_fails_on_invalid_markup(page):
    """The journeys' HTML check can fail: htmx's bare `hx-*` attributes are not HTML (the
    portal writes `data-hx-*`), and a `datetime` with microseconds is not a valid date."""
    page.set_content(
        '<!doctype html><html lang="nl"><head><title>t</title></head><body><main>'
        '<div hx-get="/x">a</div><time datetime="2026-12-02T02:14:51.762903+01:00">b</time>'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError) as failure:
        assert_valid_html(page)
    assert "hx-get" in str(failure.value) and "fraction of a second" in str(failure.value)
    page.set_content(
        '<!doctype html><html lang="nl"><head><title>t</title></head><body><main>'
        '<div data-hx-get="/x">a</div></main></body></html>'
    )
    assert_valid_html(page)


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
