"""HR publishes a policy post with an anonymous consultation and a must-read; an employee
reads it, confirms, reacts, comments mentioning a colleague and answers anonymously; the
colleague sees the mention; HR sees the results without names and publishes a response."""

import pytest
from playwright.sync_api import expect

from news import services
from news.models import AnonymousAnswer, Comment, Confirmation, Post, Reaction
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import DepartmentFactory, UserFactory, make_hr

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_policy_post_with_a_consultation_from_publication_to_response(live_server, page):
    team = DepartmentFactory(name="Klantenservice", code="KS")
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"))
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen", department=team)
    milan = UserFactory(email="milan@example.com", full_name="Milan de Vries", department=team)
    others = [UserFactory(department=team) for _ in range(4)]

    # HR writes and publishes the policy post.
    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + "/news/new/")
    assert_accessible(page)
    page.get_by_label("Soort").select_option("policy")
    page.get_by_label("Titel").fill("Nieuwe regels voor thuiswerken")
    page.get_by_label("Waarom").fill("Omdat jullie om duidelijkheid vroegen.")
    page.get_by_label("Tekst").fill("Je mag twee dagen per week thuiswerken.")
    page.get_by_label("Verplicht te lezen", exact=False).check()
    page.get_by_label("Publiceren (nu of op het geplande moment)").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe regels voor thuiswerken")
    post = Post.objects.get()
    assert post.is_live() and post.requires_confirmation

    # …and adds an anonymous consultation.
    page.get_by_role("link", name="Raadpleging").click()
    page.get_by_label("Opent").fill("2026-01-01T09:00")
    page.get_by_label("Sluit").fill("2036-01-01T09:00")
    page.get_by_label("Anoniem", exact=False).check()
    page.get_by_label("Vraag 1").fill("Ben je het eens?")
    page.locator("[name=q1_kind]").select_option("choice")
    page.locator("[name=q1_choices]").fill("Ja\nNee")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Raadpleging: wat vind jij?")).to_be_visible()
    for person in others:
        services.consultation_answer(
            consultation=post.consultation, person=person,
            data={f"answer-{post.consultation.questions.get().pk}": "Nee"},
        )  # fmt: skip

    # The employee reads, confirms, reacts, comments and answers.
    page.context.clear_cookies()
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/news/")
    page.get_by_role("link", name="Nieuwe regels voor thuiswerken").click()
    assert_accessible(page)
    page.get_by_role("button", name="Ik heb dit gelezen en begrepen").click()
    expect(page.get_by_text("Je hebt bevestigd", exact=False)).to_be_visible()
    page.get_by_role("button", name="Leuk").click()
    expect(page.locator('[data-count="like"]')).to_have_text("1")
    page.get_by_label("Je reactie", exact=False).fill("Goed nieuws, @milan!")
    page.get_by_role("button", name="Plaats reactie").click()
    expect(page.get_by_text("Goed nieuws, @milan!")).to_be_visible()
    expect(page.get_by_text("definitief zodra je het verstuurt", exact=False)).to_be_visible()
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Verstuur mijn antwoord (definitief)").click()
    expect(page.get_by_text("Dank je voor je antwoord.")).to_be_visible()
    assert Confirmation.objects.filter(person=emma).exists()
    assert Reaction.objects.filter(person=emma).exists() and Comment.objects.exists()
    assert AnonymousAnswer.objects.filter(choice="Ja").count() == 1

    # The colleague sees the mention.
    page.context.clear_cookies()
    use_session_of(page, live_server, milan)
    page.goto(live_server.url + "/notifications/")
    expect(page.get_by_text("Emma Jansen noemde je", exact=False)).to_be_visible()

    # HR sees the results without names and publishes a response.
    page.context.clear_cookies()
    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + f"/news/{post.pk}/consultation/report/")
    assert_accessible(page)
    expect(page.get_by_text("Ja: 1 (20%)")).to_be_visible()
    assert "Emma Jansen" not in page.content()
    page.goto(live_server.url + f"/news/{post.pk}/consultation/respond/")
    page.get_by_label("Wat je zei, wat we deden").fill("We houden twee dagen aan.")
    page.get_by_role("button", name="Publiceer en laat het de deelnemers weten").click()
    expect(page.get_by_text("We houden twee dagen aan.")).to_be_visible()
