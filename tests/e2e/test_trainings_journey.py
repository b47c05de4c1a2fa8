"""Trainings in the browser: the self-scan recommends a training, its only session is full,
Emma joins the waitlist; when Cas cancels she gets the seat, hears it, and downloads the
.ics. A second journey: the manager approves a paid training and HR registers attendance.
A third: HR cancels one participant's seat with a reason, the participant reads it, and the
first on the waitlist has the seat."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import DepartmentFactory, UserFactory, make_hr
from tests.trainings.factories import (
    CompetencyFactory,
    PaidTrainingFactory,
    ScanQuestionFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings import services
from trainings.models import Completion, Enrolment, Session

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_self_scan_leads_to_a_waitlist_place_that_becomes_a_seat(live_server, page, browser):
    communication = DepartmentFactory(name="Communicatie", code="COM")
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen", department=communication)
    cas = UserFactory(email="cas@example.com", full_name="Cas Peters", department=communication)
    online = CompetencyFactory(name="Online communicatie", order=1)
    privacy = CompetencyFactory(name="Privacybewustzijn", order=2)
    ScanQuestionFactory(competency=online, text="Ik reageer zelf op vragen onder onze berichten")
    ScanQuestionFactory(competency=online, text="Ik leg uit waarom we iets doen")
    ScanQuestionFactory(competency=privacy, text="Ik weet wat ik nooit online zet")
    linkedin = TrainingFactory(
        title="LinkedIn voor beginners", develops=[(online, 2)], summary="Profiel en netwerk."
    )
    TrainingFactory(title="Privacy voor experts", develops=[(privacy, 4)])
    session = SessionFactory(training=linkedin, capacity=1, location="Utrecht, zaal 2")
    seat_of_cas = services.enrolment_create(session=session, person=cas)

    # Emma takes the self-scan.
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/trainings/")
    assert_accessible(page)
    page.get_by_role("link", name="Doe de zelfscan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zelfscan digitale vaardigheden")
    assert_accessible(page)
    for statement in (
        "Ik reageer zelf op vragen onder onze berichten",
        "Ik leg uit waarom we iets doen",
    ):
        page.get_by_role("group", name=statement).get_by_label("Dat kan ik nog niet").check()
    page.get_by_role("group", name="Ik weet wat ik nooit online zet").get_by_label(
        "Dat doe ik zelfstandig"
    ).check()
    page.get_by_label("Klassikaal").check()
    page.get_by_role("button", name="Toon mijn uitslag").click()

    # Her result: level 1 in online communication, and the training that takes her to 2.
    expect(page.get_by_role("heading", level=1)).to_have_text("Je zelfscan")
    expect(page.get_by_role("row", name=re.compile("Online communicatie"))).to_contain_text(
        "1 – starter"
    )
    recommended = page.get_by_role("region", name="Online communicatie: van niveau 1 naar 2")
    expect(recommended.get_by_test_id("recommendations")).to_contain_text("LinkedIn voor beginners")
    expect(page.get_by_role("region", name=re.compile("Privacybewustzijn"))).to_contain_text(
        "Privacy voor experts"
    )
    assert_accessible(page)

    # The only session is full: she joins the waitlist.
    recommended.get_by_role("link", name="LinkedIn voor beginners").click()
    expect(page.get_by_role("cell", name=re.compile("Vol"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Op de wachtlijst")).click()
    expect(page.get_by_test_id("enrolment-status")).to_contain_text("Op de wachtlijst")
    expect(page.get_by_test_id("enrolment-status")).to_contain_text("nummer 1")
    assert_accessible(page)
    mine = Enrolment.objects.get(person=emma)
    assert mine.status == Enrolment.Status.WAITLISTED

    # Cas cancels, in his own browser.
    cas_page = browser.new_context().new_page()
    use_session_of(cas_page, live_server, cas)
    cas_page.goto(live_server.url + seat_of_cas.get_absolute_url())
    cas_page.get_by_role("button", name="Mijn inschrijving annuleren").click()
    expect(cas_page.get_by_role("status").or_(cas_page.locator(".alert-success"))).to_contain_text(
        "Je inschrijving is geannuleerd"
    )
    cas_page.context.close()

    # Emma has the seat, and a notification says so.
    page.goto(live_server.url + "/")
    expect(page.get_by_test_id("unread-count")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Meldingen")).click()
    page.get_by_role(
        "button", name="Je hebt een plek bij LinkedIn voor beginners", exact=True
    ).click()
    expect(page.get_by_test_id("enrolment-status")).to_contain_text("Bevestigd")

    # She downloads the .ics.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Zet in mijn agenda (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    content = Path(download.path()).read_bytes().decode()
    assert content.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:LinkedIn voor beginners" in content and "STATUS:CONFIRMED" in content

    # The confirmation e-mail carried the invitation too.
    (message,) = [m for m in mail.outbox if m.to == ["emma@example.com"]]
    assert message.subject == "Je hebt een plek bij LinkedIn voor beginners"
    assert message.attachments[0][0].endswith(".ics")


def test_the_manager_approves_and_hr_registers_attendance(live_server, page):
    communication = DepartmentFactory(name="Communicatie", code="COM")
    milan = UserFactory(
        email="milan@example.com", full_name="Milan de Vries", department=communication
    )
    emma = UserFactory(
        email="emma@example.com", full_name="Emma Jansen", department=communication, manager=milan
    )
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"))
    paid = SessionFactory(training=PaidTrainingFactory(title="Personal branding"), capacity=5)
    request = services.enrolment_create(session=paid, person=emma)

    # The manager approves on his overview page.
    use_session_of(page, live_server, milan)
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Trainingsaanvragen om goed te keuren")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Goedkeuren")).click()
    expect(page.locator(".alert-success")).to_contain_text("Goedgekeurd")
    request.refresh_from_db()
    assert request.is_confirmed

    # After the session HR registers who came.
    start = timezone.now() - timedelta(hours=4)
    Session.objects.filter(pk=paid.pk).update(starts_at=start, ends_at=start + timedelta(hours=2))
    page.context.clear_cookies()
    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + "/trainings/hr/sessions/?when=attendance")
    assert_accessible(page)
    page.get_by_role("link", name="Personal branding").click()
    page.get_by_role("group", name="Aanwezigheid van Emma Jansen").get_by_label("Aanwezig").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.locator(".alert-success")).to_contain_text("Aanwezigheid opgeslagen")
    assert_accessible(page)
    assert Completion.objects.filter(person=emma).exists()
    page.goto(live_server.url + "/trainings/hr/report/")
    expect(page.get_by_role("row", name=re.compile("Personal branding"))).to_contain_text("100%")
    assert_accessible(page)


def test_hr_cancels_a_seat_and_the_participant_reads_the_reason(live_server, page, browser):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    cas = UserFactory(email="cas@example.com", full_name="Cas Peters")
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"))
    session = SessionFactory(training=TrainingFactory(title="Video maken"), capacity=1)
    seat = services.enrolment_create(session=session, person=emma)
    waiting = services.enrolment_create(session=session, person=cas)
    reason = "Je staat die dag ingeroosterd voor de jaarafsluiting."

    # HR opens the session, chooses Emma and cancels her seat with a reason.
    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + f"/trainings/hr/sessions/{session.pk}/")
    page.get_by_role("link", name=re.compile("^Emma Jansen")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Emma Jansen")
    assert_accessible(page)
    cancel = page.get_by_role("region", name="Plek annuleren")
    cancel.get_by_role(
        "button", name="Annuleer de inschrijving en laat het de deelnemer weten"
    ).click()
    expect(page.get_by_text("Geef de reden: de deelnemer leest die.").first).to_be_visible()
    assert_accessible(page)
    seat.refresh_from_db()
    assert seat.is_booked, "nothing happens without a reason"
    page.get_by_role("region", name="Plek annuleren").get_by_label(
        "Reden (de deelnemer leest die)"
    ).fill(reason)
    page.get_by_role(
        "button", name="Annuleer de inschrijving en laat het de deelnemer weten"
    ).click()
    expect(page.locator(".alert-success")).to_contain_text("De inschrijving van Emma Jansen")
    expect(page.get_by_role("region", name="Deelnemers met een plek")).to_contain_text("Cas Peters")
    assert_accessible(page)
    waiting.refresh_from_db()
    assert waiting.is_booked

    # Emma reads it in her notifications and on her enrolment.
    emma_page = browser.new_context().new_page()
    use_session_of(emma_page, live_server, emma)
    emma_page.goto(live_server.url + "/notifications/")
    emma_page.get_by_role(
        "button", name="HR heeft je inschrijving voor Video maken geannuleerd", exact=True
    ).click()
    expect(emma_page.get_by_test_id("enrolment-status")).to_contain_text("Geannuleerd door HR")
    expect(emma_page.get_by_test_id("hr-cancel-reason")).to_contain_text(reason)
    expect(emma_page.get_by_role("link", name="Zet in mijn agenda (.ics)")).to_have_count(0)
    assert_accessible(emma_page)
    emma_page.context.close()
