"""HR opens the insights dashboard, filters a department, records an initiative with a pilot
group and sees its figure against the rest."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import UserFactory, make_hr
from tests.insights.helpers import days_ago, department, figure

pytestmark = pytest.mark.django_db(transaction=True)


def test_hr_measures_an_initiative_in_a_pilot_group_against_the_rest(live_server, page):
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"), lead=True)
    sales, service, small = department("Sales", 6), department("Service", 7), department("Klein", 4)
    for weeks in range(20):
        day = days_ago(2 + weeks * 7)
        figure("guidelines.acknowledgement_rate", sales, 30 + (20 if weeks < 6 else 0), 60, day=day)
        figure("guidelines.acknowledgement_rate", service, 42, 70, day=day)
        figure("guidelines.acknowledgement_rate", small, 20, 32, day=day)
        figure("trainings.enrolments", sales, 3, day=day)

    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + "/insights/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inzichten")
    expect(page.get_by_role("heading", name="Tips voor sociale media")).to_be_visible()
    assert page.locator("canvas[data-chart]").count() >= 4
    assert_accessible(page)

    # A department of four cannot be shown on its own: a clear message.
    page.get_by_label("Afdeling", exact=True).select_option(label="Klein")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("alert")).to_contain_text("Klein heeft minder dan 5 mensen")

    page.get_by_label("Afdeling", exact=True).select_option(label="Service")
    page.get_by_label("Per", exact=True).select_option(label="week")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator("main")).to_contain_text("Service,")
    assert_accessible(page)

    page.get_by_role("link", name="Initiatieven").click()
    page.get_by_role("link", name="Initiatief vastleggen").click()
    page.get_by_label("Titel").fill("Tips bespreken in het werkoverleg")
    page.get_by_label("Praktijk").select_option(label="Tips voor sociale media")
    page.get_by_label("Begin").fill(days_ago(42).isoformat())
    aim = page.get_by_label("Het cijfer dat het moet verbeteren")
    aim.select_option(label="Percentage bevestigd")
    page.get_by_label("Nulmeting").fill("55")
    page.get_by_label("Doel").fill("80")
    page.get_by_label("Sales", exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Vastleggen").click()

    expect(page.get_by_text("Het initiatief is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tips bespreken in het werkoverleg")
    expect(page.locator("canvas[data-chart='comparison-chart']")).to_be_visible()
    table = page.get_by_role("table", name="Percentage bevestigd per week")
    expect(table.get_by_role("columnheader", name="Pilotgroep")).to_be_visible()
    expect(table.get_by_role("columnheader", name="De rest")).to_be_visible()
    expect(table).to_contain_text("83\u00a0%")  # Sales since the start: 50 of 60
    expect(table).to_contain_text("60\u00a0%")  # the rest: 42 of 70 and 20 of 32 → 62 of 102
    assert_accessible(page)

    page.get_by_role("link", name="Bewijsrapport (afdrukken)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bewijsrapport")
    assert_accessible(page)
