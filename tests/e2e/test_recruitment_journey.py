"""An employee shares a vacancy's kit on LinkedIn; a visitor follows her personal link, asks
a question and applies with a PDF CV; HR answers the question and moves the application to
interview; the employee sees "in behandeling"; the candidate's status page shows it."""

import re

import pytest
from playwright.sync_api import expect

from recruitment.models import Application
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import UserFactory, make_hr
from tests.recruitment.factories import PDF, VacancyFactory

pytestmark = pytest.mark.django_db(transaction=True)


def switch_to(page, live_server, user):
    page.context.clear_cookies()
    if user is not None:
        use_session_of(page, live_server, user)


def test_refer_ask_apply_answer_and_follow_the_status(live_server, page, tmp_path, settings):
    settings.RECRUITMENT_CV_ROOT = tmp_path
    settings.SITE_URL = live_server.url  # the share kit's links lead to the public page here
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"), lead=True)
    vacancy = VacancyFactory(
        title="Communicatieadviseur online", slug="communicatieadviseur-online"
    )

    # Emma opens the vacancy's share kit, writes her LinkedIn text and copies it.
    switch_to(page, live_server, emma)
    page.goto(live_server.url + f"/recruitment/vacancies/{vacancy.pk}/")
    assert_accessible(page)
    page.get_by_test_id("share-kit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Communicatieadviseur online")
    page.get_by_label("Jouw tekst").fill(
        "Wij zoeken een communicatieadviseur online. Iets voor jou?"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Delen met mijn persoonlijke link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delen op LinkedIn")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.get_by_role("button", name="Tekst kopiëren").click()
    expect(page.get_by_role("status")).to_have_text("Gekopieerd: plak de tekst in je bericht.")
    assert page.evaluate("navigator.clipboard.readText()").startswith("Wij zoeken")
    href = page.get_by_role("link", name="LinkedIn openen").get_attribute("href")
    assert href.startswith("https://www.linkedin.com/sharing/share-offsite/?url=")
    code = re.search(r"%2Fs%2F([A-Za-z0-9_-]+)$", href).group(1)

    # A visitor follows Emma's personal link to the public vacancy page.
    switch_to(page, live_server, None)
    page.goto(f"{live_server.url}/s/{code}")
    assert page.url.startswith(f"{live_server.url}/vacatures/{vacancy.slug}/")

    # The visitor (the sharing cookie now remembers Emma's link) asks a question and applies.
    page.goto(live_server.url + f"/vacatures/{vacancy.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Communicatieadviseur online")
    assert_accessible(page)
    page.get_by_role("link", name="Stel een vraag over deze functie").click()
    page.get_by_label("E-mailadres voor het antwoord").fill("sanne@example.org")
    page.get_by_label("Je vraag").fill("Kan ik ook 24 uur per week werken?")
    assert_accessible(page)
    page.get_by_role("button", name="Mijn vraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je vraag")
    page.get_by_role("link", name="Terug naar de vacature").click()
    page.get_by_role("link", name="Solliciteren").first.click()
    page.get_by_label("Naam").fill("Sanne Visser")
    page.get_by_label("E-mailadres").fill("sanne@example.org")
    page.get_by_label("Motivatie").fill("Ik vertel graag jullie verhaal.")
    page.get_by_label(re.compile("Cv")).set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label(re.compile("Een jaar na de procedure")).check()
    assert_accessible(page)
    page.get_by_role("button", name="Mijn sollicitatie versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je sollicitatie")
    status_url = page.get_by_test_id("status-link").get_attribute("href")
    application = Application.objects.get()
    assert application.referrer == emma and application.long_retention
    assert application.channel == "linkedin"

    # HR answers the question and moves the application to interview.
    switch_to(page, live_server, hanna)
    page.goto(live_server.url + "/recruitment/hr/questions/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("24 uur")).click()
    page.get_by_label("Antwoord").fill("Ja, 24 tot 32 uur kan.")
    page.get_by_role("button", name="Bewaren en het antwoord mailen").click()
    page.goto(live_server.url + f"/recruitment/hr/vacancies/{vacancy.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Sanne Visser").click()
    page.get_by_label("Fase").select_option("interview")
    page.get_by_role("button", name="Fase wijzigen").click()
    expect(page.get_by_test_id("stage")).to_have_text("gesprek")
    assert_accessible(page)

    # Emma sees only the coarse status.
    switch_to(page, live_server, emma)
    page.goto(live_server.url + "/recruitment/referrals/")
    expect(page.get_by_test_id("coarse-status")).to_have_text("in behandeling")
    expect(page.get_by_text("Sanne Visser")).to_have_count(0)
    assert_accessible(page)

    # The candidate's status page, and the answered question on the public page.
    switch_to(page, live_server, None)
    page.goto(live_server.url + status_url)
    expect(page.get_by_test_id("status")).to_have_text("gesprek")
    assert_accessible(page)
    page.goto(live_server.url + f"/vacatures/{vacancy.slug}/")
    expect(page.get_by_text("Ja, 24 tot 32 uur kan.")).to_be_visible()
