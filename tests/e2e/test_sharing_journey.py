"""HR creates a kit with three LinkedIn texts and a disclosure; the employee opens it from the
home page, picks and edits a text, sees the checker flag a client name, fixes it, copies the
text and gets LinkedIn's share page (the URL is asserted, not loaded); a visitor follows the
personal link twice; the employee sees one click."""

import re

import pytest
from playwright.sync_api import expect

from guidelines.models import Rule
from guidelines.services import rules_ensure, terms_add
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import UserFactory, make_hr

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = [
    "Ons nieuwe kantoor in Utrecht is open!",
    "Vanaf vandaag werken we in Utrecht, kom eens langs.",
    "Een kantoor vol daglicht: zo werken wij nu.",
]


def switch_to(page, live_server, user):
    page.context.clear_cookies()
    use_session_of(page, live_server, user)


def test_a_kit_is_created_shared_and_its_personal_link_counted_once(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"), lead=True)
    rules_ensure()  # an earlier transactional test flushed the rules the migration made
    terms_add(rule=Rule.objects.get(kind="confidential"), texts=["Bakker BV"], added_by=hanna)

    # HR creates the kit: the destination is a page of this server (a stand-in for the blog).
    switch_to(page, live_server, hanna)
    page.goto(live_server.url + "/sharing/manage/new/")
    # The Dutch fields; their English twins ("… (Engels)") follow them and stay empty.
    page.get_by_label("Titel").first.fill("Ons nieuwe kantoor")
    page.get_by_label("Samenvatting").first.fill("Zuiderlicht opent een kantoor in Utrecht.")
    page.get_by_label("Webadres").fill(live_server.url + "/health/")
    page.get_by_label("Vermelding", exact=True).fill("#ikwerkbijzuiderlicht")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De kit is opgeslagen.")).to_be_visible()
    for text in TEXTS:
        page.get_by_label("Netwerk").select_option("linkedin")
        page.locator("#id_text").fill(text)
        page.get_by_role("button", name="Tekst toevoegen").click()
        expect(page.get_by_text("De voorgestelde tekst is toegevoegd.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("De kit is gepubliceerd")).to_be_visible()

    # Emma opens it from her home page and picks the second text.
    switch_to(page, live_server, emma)
    page.goto(live_server.url + "/")
    page.get_by_role("region", name="Om te delen").get_by_role(
        "link", name="Ons nieuwe kantoor"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ons nieuwe kantoor")
    page.get_by_role("link", name="Deze tekst gebruiken").first.click()
    box = page.get_by_label("Jouw tekst")
    expect(box).to_have_value(re.compile(r"#ikwerkbijzuiderlicht$"))
    assert_accessible(page)

    # She edits it, naming a client; the checker flags it; she fixes it.
    box.fill("Gisteren bij Bakker BV ons nieuwe kantoor laten zien. #ikwerkbijzuiderlicht")
    page.get_by_role("button", name="Mijn tekst controleren").click()
    expect(
        page.get_by_text("De berichtencheck vond iets om nog eens naar te kijken")
    ).to_be_visible()
    expect(page.locator("#review").get_by_text("Bakker BV")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Jouw tekst").fill(
        "Gisteren ons nieuwe kantoor laten zien. #ikwerkbijzuiderlicht"
    )
    page.get_by_role("button", name="Mijn tekst controleren").click()
    expect(page.get_by_text("De berichtencheck vond niets in deze tekst.")).to_be_visible()
    page.get_by_role("button", name="Delen met mijn persoonlijke link").click()

    # The LinkedIn step: copy the text, then LinkedIn's own share page with the personal link.
    expect(page.get_by_role("heading", level=1)).to_have_text("Delen op LinkedIn")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.get_by_role("button", name="Tekst kopiëren").click()
    expect(page.get_by_role("status")).to_have_text("Gekopieerd: plak de tekst in je bericht.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "Gisteren ons nieuwe kantoor laten zien. #ikwerkbijzuiderlicht"
    href = page.get_by_role("link", name="LinkedIn openen").get_attribute("href")
    code = re.search(r"%2Fs%2F([A-Za-z0-9_-]+)$", href).group(1)
    assert href.startswith("https://www.linkedin.com/sharing/share-offsite/?url=")
    assert_accessible(page)

    # A visitor follows the personal link twice: one click.
    page.context.clear_cookies()
    for _time in range(2):
        page.goto(f"{live_server.url}/s/{code}")
        assert page.url.startswith(live_server.url + "/health/")

    switch_to(page, live_server, emma)
    page.goto(live_server.url + "/sharing/mine/")
    expect(page.get_by_text("Jouw gedeelde berichten leverden 1 getelde klik op.")).to_be_visible()
    assert_accessible(page)
