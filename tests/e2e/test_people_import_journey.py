"""HR imports people from the HRIS: a preview first, then the confirmed import (issue 12)."""

import pytest
from playwright.sync_api import expect

from people.models import User
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import DepartmentFactory, UserFactory, make_hr

pytestmark = pytest.mark.django_db(transaction=True)

CSV = (
    b"personeelsnummer;e-mail;naam;afdeling;leidinggevende\n"
    b"1001;noor@example.com;Noor de Wit;ICT;1002\n"
    b"1002;bram@example.com;Bram Smit;ICT;\n"
)


def choose_file(page, name, data, mime="text/csv"):
    page.get_by_label("Bestand uit het HR-systeem (CSV of XLSX)").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    page.get_by_role("button", name="Controleer het bestand").click()


@pytest.mark.parametrize("width", [1280, 375])
def test_hr_previews_a_csv_and_confirms_the_import(live_server, page, width):
    DepartmentFactory(name="ICT", code="ICT")
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"))
    page.set_viewport_size({"width": width, "height": 800})
    use_session_of(page, live_server, hanna)

    # A file with a problem first: every problem listed, nothing imported.
    page.goto(live_server.url + "/people/import/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Mensen importeren uit het HR-systeem")
    assert_accessible(page)
    choose_file(page, "people.csv", CSV.replace(b";ICT;1002", b";Maan;1002"))
    expect(page.get_by_role("alert")).to_contain_text("1 probleem gevonden")
    expect(page.get_by_text("Onbekende afdeling “Maan”.")).to_be_visible()
    assert_accessible(page)
    assert not User.objects.filter(email="noor@example.com").exists()

    # The corrected file: the preview says what will change, still nothing saved.
    page.get_by_role("link", name="Upload een verbeterd bestand").click()
    choose_file(page, "people.csv", CSV)
    expect(page.get_by_role("heading", name="Wat de import verandert")).to_be_visible()
    expect(page.get_by_test_id("import-counts")).to_contain_text("2 nieuwe personen")
    expect(page.get_by_role("cell", name="Noor de Wit")).to_be_visible()
    expect(page.get_by_label("Nu geen uitnodigingen versturen", exact=False)).to_be_checked()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not User.objects.filter(email="noor@example.com").exists()

    page.get_by_role("button", name="Bevestig en importeer").click()
    expect(page.get_by_text("Import klaar: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd.")).to_be_visible()
    assert_accessible(page)
    noor = User.objects.get(email="noor@example.com")
    assert noor.manager.email == "bram@example.com"
    assert not noor.has_usable_password()
