"""An employee reads the tips, acknowledges them, and checks a draft before posting it."""

import re

import pytest
from playwright.sync_api import expect

from guidelines.models import Acknowledgement, Guideline, Rule
from guidelines.services import rules_ensure
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import DepartmentFactory, UserFactory, make_hr
from tests.guidelines.factories import CategoryFactory, add_terms, published_tip

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_reads_acknowledges_and_checks_a_draft(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    basics = CategoryFactory(name="De basis", order=0)
    clients = CategoryFactory(name="Klanten en vertrouwelijkheid", order=10)
    golden = published_tip(
        title="Gebruik je gezond verstand",
        tip="Zou je het ook hardop zeggen bij een klant? Dan kun je het meestal posten.",
        category=basics,
        is_golden_rule=True,
    )
    client_tip = published_tip(
        title="Vraag eerst of je over een project mag vertellen",
        tip="Niet elke klant wil dat de buitenwereld weet dat we voor hen werken.",
        body="Sommige klanten werken met ons **onder geheimhouding**.",
        category=clients,
    )
    privacy = published_tip(
        title="Persoonsgegevens blijven binnen", tip="Geen telefoonnummers.", category=clients
    )
    add_terms(
        Rule.Kind.CONFIDENTIAL,
        "Bakkerij Van der Veen",
        explanation="Vraag eerst of je deze klant mag noemen.",
        internal_note="Klant onder geheimhouding.",
    )
    Rule.objects.filter(kind=Rule.Kind.CONFIDENTIAL).update(guideline=client_tip)
    Rule.objects.filter(kind=Rule.Kind.PHONE).update(guideline=privacy)
    from guidelines.checker.ruleset import ruleset_changed

    ruleset_changed()

    # The home page says which tips are waiting.
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/")
    todo = page.get_by_role("region", name="Tips om te lezen")
    expect(todo).to_contain_text("Er wachten 3 tips op je ‘gelezen en begrepen’.")
    todo.get_by_role("link", name="Naar de tips").click()

    # The overview: the golden rule first, tips grouped by category, readable explanations.
    expect(page.get_by_role("heading", level=1)).to_have_text("Tips voor sociale media")
    expect(page.get_by_role("heading", level=2).nth(1)).to_contain_text(
        "Gebruik je gezond verstand"
    )
    page.locator(f"#tip-{client_tip.pk} summary").click()
    expect(page.get_by_text("onder geheimhouding")).to_be_visible()
    assert_accessible(page)

    # A tip is confirmed only after opening it: the overview links to it instead.
    expect(
        page.get_by_role("button", name=re.compile("Gelezen en begrepen.*Persoonsgegevens"))
    ).to_have_count(0)
    expect(page.locator("#ack-summary")).to_contain_text("Open elke tip om hem te lezen")
    page.get_by_role(
        "link", name=re.compile("Open de tip om te bevestigen.*Persoonsgegevens")
    ).click()

    # On the tip's page, "read and understood" shows the new state without a reload.
    expect(page.get_by_role("heading", level=1)).to_have_text("Persoonsgegevens blijven binnen")
    # A link's click does not wait for the page's deferred scripts (a goto does): without
    # htmx yet, the button posts the form and reloads, which a busy CI run can show.
    page.wait_for_load_state()
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name=re.compile("Gelezen en begrepen.*Persoonsgegevens")).click()
    done = page.locator(f"#ack-{privacy.pk}").get_by_role("status")
    expect(done).to_contain_text("Gelezen en begrepen")
    expect(done).to_be_focused()
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)

    # Back on the overview, two more opened, then those two confirmed in one click.
    for tip in (client_tip, golden):
        page.goto(live_server.url + tip.get_absolute_url())
    page.goto(live_server.url + "/guidelines/")
    expect(page.locator(f"#ack-{privacy.pk}").get_by_role("status")).to_contain_text(
        "Gelezen en begrepen"
    )
    page.get_by_role("button", name="Ik heb de 2 tips die ik opende gelezen en begrepen").click()
    expect(page.get_by_role("status").first).to_contain_text("je hebt 2 tips bevestigd")
    expect(page.get_by_text("Je hebt alle tips gelezen en begrepen. Dank je wel!")).to_be_visible()
    assert not Guideline.objects.outstanding_for(emma).exists()

    # "Mag ik dit posten?": a client's name and a phone number are both found.
    page.get_by_role("link", name="Mag ik dit posten? Check je concept").click()
    page.get_by_label("Je concept").fill(
        "Trots op ons nieuwe zonnedak bij bakkerij van der Veen! Vragen? Bel me: 06-12345678 "
        "<script>alert('x')</script>"
    )
    page.get_by_label("Netwerk (optioneel)").select_option("linkedin")
    page.get_by_role("button", name="Check mijn concept").click()
    verdict = page.locator("#verdict-heading")
    expect(verdict).to_contain_text("Niet posten")
    expect(verdict).to_be_focused()
    findings = page.get_by_test_id("findings")
    expect(findings).to_contain_text("Vertrouwelijke termen")
    expect(findings).to_contain_text("bakkerij van der Veen")
    expect(findings).to_contain_text("Vraag eerst of je deze klant mag noemen.")
    expect(findings).not_to_contain_text("Klant onder geheimhouding.")  # HR's internal note
    expect(findings).to_contain_text("Telefoonnummers")
    expect(findings).to_contain_text("06-12345678")
    preview = page.get_by_test_id("draft-preview")
    expect(preview.locator("mark")).to_have_count(2)
    expect(preview).to_contain_text("<script>alert('x')</script>")  # shown as text, not run
    assert_accessible(page)

    # Each finding links to the tip it comes from.
    findings.get_by_role("link", name=re.compile("Vraag eerst of je over een project")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vraag eerst of je over een project mag vertellen"
    )


def test_on_a_phone_an_opened_tip_is_confirmed_in_place_on_the_overview(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    tips = [
        published_tip(title=f"Tip over {subject}", tip="Deel wat je trots maakt.")
        for subject in ("foto's", "klanten", "vacatures")
    ]
    page.set_viewport_size({"width": 375, "height": 740})
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + tips[0].get_absolute_url())
    page.goto(live_server.url + "/guidelines/")
    summary = page.locator("#ack-summary")
    expect(summary).to_contain_text("Er wachten 3 tips op je ‘gelezen en begrepen’.")
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name=re.compile("Gelezen en begrepen.*foto's")).click()
    expect(page.locator(f"#ack-{tips[0].pk}").get_by_role("status")).to_be_focused()
    # The summary above the tips followed (an out-of-band swap), still without a reload.
    expect(summary).to_contain_text("Er wachten 2 tips op je ‘gelezen en begrepen’.")
    assert page.evaluate("window.notReloaded") is True
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)


def test_without_javascript_confirming_a_tip_still_works(live_server, browser):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    tip = published_tip(title="Vertel waar je werkt", tip="Zet je werkgever in je profiel.")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + tip.get_absolute_url())
    page.get_by_role("button", name=re.compile("Gelezen en begrepen")).click()
    expect(page.get_by_role("status").first).to_contain_text("je hebt ‘Vertel waar je werkt’")
    expect(page.locator(f"#ack-{tip.pk}")).to_contain_text("Gelezen en begrepen")
    assert not Guideline.objects.outstanding_for(emma).exists()
    context.close()


def test_the_checker_explains_an_empty_draft_and_works_on_a_phone(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    page.set_viewport_size({"width": 375, "height": 740})
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/guidelines/check/")
    page.get_by_role("button", name="Check mijn concept").click()
    expect(page.get_by_text("Plak of typ eerst de tekst van je bericht.")).to_be_visible()
    expect(page.get_by_label("Je concept")).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)


def test_hr_changes_a_tip_materially_and_sees_who_must_read_it_again(live_server, page):
    rules_ensure()  # as the migration left them (an earlier journey's flush removed them)
    communication = DepartmentFactory(name="Communicatie", code="COM")
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen", department=communication)
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"))
    tip = published_tip(title="Deel wat al openbaar is", tip="Cijfers pas na publicatie.")
    other = published_tip(title="Vertel waar je werkt", tip="Zet je werkgever in je profiel.")
    for person in (emma, hanna):
        for acknowledged in (tip, other):
            Acknowledgement.objects.create(person=person, guideline=acknowledged, version=1)

    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + "/guidelines/manage/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Bewerken.*Deel wat al openbaar is")).click()
    page.get_by_label("De tip in één zin (Nederlands)").fill(
        "Cijfers en plannen pas na publicatie."
    )
    page.get_by_label("Inhoudelijk: iedereen leest de tip opnieuw").check()
    page.get_by_label("Wat is er veranderd (Nederlands)").fill("Plannen toegevoegd.")
    assert_accessible(page)
    page.get_by_role("button", name="Wijziging publiceren").click()
    expect(page.get_by_role("status").first).to_contain_text("Versie 2 is gepubliceerd.")

    # Only the changed tip asks again; the report says who.
    page.get_by_role("link", name="Leesbevestigingen").click()
    per_tip = page.get_by_role("region", name="Per tip", exact=True).get_by_role("row")
    expect(per_tip.filter(has_text="Deel wat al openbaar is")).to_contain_text("0 / 2")
    expect(per_tip.filter(has_text="Vertel waar je werkt")).to_contain_text("2 / 2")
    per_department = page.get_by_role("region", name="Per afdeling").get_by_role("row")
    expect(per_department.filter(has_text="Communicatie")).to_contain_text("50%")
    expect(
        page.get_by_role("region", name="Wie nog niet alle tips heeft bevestigd")
    ).to_contain_text("Emma Jansen")
    assert_accessible(page)
    assert {g.title for g in Guideline.objects.outstanding_for(emma)} == {"Deel wat al openbaar is"}

    page.get_by_role("link", name="Checkerregels").click()
    assert_accessible(page)
    page.get_by_role("link", name="Vertrouwelijke termen").click()
    page.get_by_label("Woorden of woordgroepen, één per regel").fill("Project Eikenhout\nC++")
    page.get_by_role("button", name="Toevoegen aan de lijst").click()
    expect(page.get_by_role("status").first).to_contain_text("2 termen toegevoegd.")
    assert_accessible(page)
