"""An employee asks HR anonymously, HR answers with a saved reply, the employee reads and rates
the answer, and HR publishes it to the FAQ."""

import re

import pytest
from playwright.sync_api import expect

from helpdesk import services
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import UserFactory, make_hr
from tests.helpdesk.factories import CategoryFactory, FaqEntryFactory, SavedReplyFactory, ask

pytestmark = pytest.mark.django_db(transaction=True)


def switch_to(page, live_server, user):
    page.context.clear_cookies()
    use_session_of(page, live_server, user)


def test_anonymous_question_answered_rated_and_published(live_server, page):
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    hanna = make_hr(
        UserFactory(email="hanna@example.com", full_name="Hanna Bakker", is_staff=True), lead=True
    )
    category = CategoryFactory(name="Eigen accounts en posts")
    category.team.set([hanna])
    FaqEntryFactory(
        category=category,
        title="Mag ik over een klant twitteren?",
        answer="Alleen met toestemming van de klant.",
    )
    SavedReplyFactory(
        title="Projecten delen",
        body="Hoi {first_name},\n\nDat mag, zodra het project is aangekondigd.\n\nGroet,\nHR",
    )

    # Emma asks anonymously; while she types, the FAQ suggests an answer.
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/helpdesk/ask/")
    page.get_by_label("Onderwerp").fill("Mag ik twitteren over het zonnepark van een klant?")
    expect(page.get_by_text("Misschien beantwoordt dit je vraag al")).to_be_visible()
    expect(page.get_by_text("Mag ik over een klant twitteren?")).to_be_visible()
    page.get_by_label("Categorie").select_option(label="Eigen accounts en posts")
    page.get_by_role("textbox", name="Je vraag").fill(
        "We openen volgende maand het zonnepark. Mag ik daarover tweeten?"
    )
    page.get_by_label("Anoniem vragen").check()
    assert_accessible(page)
    page.get_by_role("button", name="Naar HR sturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je vraag is verstuurd")
    private_link = page.get_by_role("textbox", name="Privélink").input_value()
    assert "/helpdesk/private/" in private_link
    assert_accessible(page)

    # Hanna sees an anonymous question in the queue and answers it with a saved reply.
    switch_to(page, live_server, hanna)
    page.goto(live_server.url + "/helpdesk/queue/")
    row = page.get_by_role("row", name=re.compile("zonnepark"))
    expect(row).to_contain_text("Anoniem")
    expect(page.get_by_text("Emma")).to_have_count(0)
    assert_accessible(page)
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("zonnepark")
    page.get_by_label("Standaardantwoord").select_option(label="Projecten delen (beantwoord)")
    page.get_by_role("button", name="Invoegen").click()
    reply_box = page.get_by_role("textbox", name="Antwoord aan de vraagsteller")
    expect(reply_box).to_have_value(re.compile("^Hoi collega,"))
    assert_accessible(page)
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Je antwoord is naar de vraagsteller gestuurd.")).to_be_visible()
    manage_url = page.url

    # The periodic task tells anonymous askers about news, without naming the question.
    assert services.anonymous_askers_notify() == 1

    # Emma sees the news, reads the answer through her private link and rates it.
    switch_to(page, live_server, emma)
    page.goto(live_server.url + "/")
    expect(page.get_by_test_id("unread-count")).to_contain_text("1")
    page.goto(private_link)
    expect(page.get_by_text("Dat mag, zodra het project is aangekondigd.")).to_be_visible()
    page.get_by_label("5", exact=True).check()
    page.get_by_label("Opmerking (optioneel)").fill("Helder, dank je!")
    assert_accessible(page)
    page.get_by_role("button", name="Beoordeling versturen").click()
    expect(page.get_by_text("Je gaf dit antwoord een 5 van de 5. Dank je wel!")).to_be_visible()

    # Hanna publishes the answer to the FAQ, phrased for everyone.
    switch_to(page, live_server, hanna)
    page.goto(manage_url)
    expect(page.get_by_text("5 van de 5")).to_be_visible()
    page.get_by_role("link", name="Publiceren bij de veelgestelde vragen").click()
    page.get_by_role("textbox", name="Vraag (Nederlands)").fill(
        "Mag ik tweeten over een nieuw project?"
    )
    expect(page.get_by_role("textbox", name="Antwoord (Nederlands)")).to_have_value(
        re.compile("Dat mag, zodra het project is aangekondigd.")
    )
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mag ik tweeten over een nieuw project?"
    )

    # Every employee now finds it in the FAQ.
    switch_to(page, live_server, emma)
    page.goto(live_server.url + "/helpdesk/faq/?q=project")
    page.get_by_role("link", name="Mag ik tweeten over een nieuw project?").click()
    page.get_by_role("button", name="Ja").click()
    expect(page.get_by_text("1 collega vond dit nuttig")).to_be_visible()
    assert_accessible(page)


def test_hr_triages_the_queue_and_answers_with_a_saved_reply_that_sets_the_status(
    live_server, page
):
    """HR's day: take a question from the queue, answer it with a saved reply whose status
    ("waiting for asker") comes along, and the asker sees the reply and where it stands."""
    from helpdesk.models import Question

    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    hanna = make_hr(
        UserFactory(email="hanna@example.com", full_name="Hanna Bakker", is_staff=True), lead=True
    )
    category = CategoryFactory(name="Eigen accounts en posts")
    SavedReplyFactory(
        title="Meer informatie nodig",
        body="Hoi {first_name},\n\nOm welk kanaal gaat het?\n\nGroet,\nHR",
        status="waiting",
    )
    SavedReplyFactory(title="Projecten delen", body="Hoi {first_name}, dat mag.")
    question, _token = ask(
        emma,
        subject="Mag ik mijn presentatie delen?",
        body="Ik gaf een talk op een congres.",
        category=category,
    )
    Question.objects.filter(pk=question.pk).update(assignee=None, status="new")

    # Hanna triages the queue: she takes the unassigned question.
    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + "/helpdesk/queue/")
    row = page.get_by_role("row", name=re.compile("presentatie"))
    expect(row).to_contain_text("Niemand")
    assert_accessible(page)
    row.get_by_role("button", name=re.compile("Aan mij toewijzen")).click()
    expect(page.get_by_text(f"Vraag #{question.reference} is nu van jou.")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("presentatie"))
    expect(row).to_contain_text("Hanna Bakker")
    expect(row.get_by_role("button", name=re.compile("Aan mij toewijzen"))).to_have_count(0)
    row.get_by_role("link").click()

    # She answers with the saved reply that asks for more: its status comes with it.
    page.get_by_label("Standaardantwoord").select_option(
        label="Meer informatie nodig (wacht op vraagsteller)"
    )
    page.get_by_role("button", name="Invoegen").click()
    reply_box = page.get_by_role("textbox", name="Antwoord aan de vraagsteller")
    expect(reply_box).to_have_value(re.compile("^Hoi Emma,"))
    expect(page.get_by_role("radio", name="Wacht op vraagsteller")).to_be_checked()
    expect(page.get_by_role("radio", name="Status houden (open)")).not_to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Je antwoord is naar de vraagsteller gestuurd.")).to_be_visible()
    expect(page.locator("h1 + .badge")).to_have_text("Wacht op vraagsteller")
    expect(page.get_by_role("button", name="Status wijzigen")).to_have_count(0)  # one details form

    # Emma sees the reply and that HR waits for her; opening it marks it read.
    switch_to(page, live_server, emma)
    page.goto(live_server.url + "/helpdesk/")
    page.get_by_role("link", name=re.compile("presentatie")).click()
    expect(page.get_by_text("Om welk kanaal gaat het?")).to_be_visible()
    expect(page.locator("h1 + .badge")).to_contain_text("Wacht op")
    assert_accessible(page)
    page.wait_for_load_state("networkidle")
    question.refresh_from_db()
    assert not question.has_unread_reply
