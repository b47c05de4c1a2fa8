"""Sign in as an employee, switch the language, open and read a notification."""

import re

import pytest
from playwright.sync_api import expect

from notifications.services import notify
from tests.e2e.conftest import assert_accessible, sign_in, use_session_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_signs_in_switches_language_and_reads_a_notification(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    notify(
        [emma],
        "general",
        lambda: "Nieuwe tips staan klaar",
        "Lees ze in vijf minuten.",
        url="/notifications/",
    )

    sign_in(page, live_server, emma)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hallo Emma")
    expect(page.get_by_test_id("unread-count")).to_contain_text("1")
    assert_accessible(page)

    # Switch to English: the page and her profile follow.
    page.get_by_role("button", name=re.compile("^EN")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello Emma")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    emma.refresh_from_db()
    assert emma.preferred_language == "en"

    # Open the notification centre and read the notification.
    page.get_by_role("link", name=re.compile("Notifications")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    assert_accessible(page)
    page.get_by_role("button", name="Nieuwe tips staan klaar", exact=True).click()
    expect(page.get_by_test_id("unread-count")).to_have_count(0)
    assert emma.notifications.get().read_at is not None


def test_mark_as_read_works_in_place_with_htmx(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    notify([emma], "general", lambda: "Eerste", url="/")
    notify([emma], "general", lambda: "Tweede", url="/")
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/notifications/")
    page.get_by_role("button", name="Markeer als gelezen: Tweede").click()
    expect(page.get_by_role("button", name="Markeer als gelezen: Tweede")).to_have_count(0)
    expect(page.get_by_role("button", name="Markeer als gelezen: Eerste")).to_have_count(1)
    assert emma.notifications.filter(read_at__isnull=True).count() == 1


def test_the_navigation_fits_a_phone(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    page.set_viewport_size({"width": 375, "height": 740})
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/")
    menu = page.get_by_role("button", name="Menu tonen of verbergen")
    expect(menu).to_be_visible()
    menu.click()
    expect(page.get_by_role("link", name="Meldingen")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"
