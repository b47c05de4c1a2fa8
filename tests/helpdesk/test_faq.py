"""The FAQ: HR publishes an answered question, anonymised; everyone reads, searches, votes."""

import pytest
from django.urls import reverse

from helpdesk import services
from helpdesk.models import FaqEntry, FaqVote
from hrsocial.models import AuditEntry
from tests.helpdesk.factories import FaqEntryFactory, ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(emma, hanna, category):
    question, _token = ask(
        emma,
        category=category,
        subject="Mag ik tweeten over het zonnepark van Emma Jansen?",
        body="Ik, Emma Jansen van Communicatie, wil tweeten over klant De Linde.",
    )
    services.question_reply(
        question=question,
        author=hanna,
        body="Hoi Emma,\n\nDat mag, zodra het project is aangekondigd.",
    )
    return question


def test_hr_publishes_an_answer_without_the_askers_name_or_text(client, hanna, answered):
    client.force_login(hanna)
    form = client.get(reverse("helpdesk:faq-create", args=[answered.reference]))
    suggested = form.context["form"].initial["answer"]
    assert "Emma" not in suggested and "Dat mag, zodra het project is aangekondigd." in suggested
    assert suggested.startswith("Hoi,")
    assert form.context["form"]["title"].value() in (None, "")
    response = client.post(
        reverse("helpdesk:faq-create", args=[answered.reference]),
        {"category": answered.category.pk, "title": "Mag ik tweeten over een nieuw project?",
         "answer": suggested, "is_published": "on"},
    )  # fmt: skip
    entry = FaqEntry.objects.get()
    assert response["Location"] == entry.get_absolute_url()
    assert entry.source_question == answered and entry.created_by == hanna
    assert "De Linde" not in entry.answer
    assert AuditEntry.objects.filter(action="helpdesk.faq_create").exists()


def test_an_faq_entry_needs_a_question_and_an_answer(client, hanna, answered):
    client.force_login(hanna)
    response = client.post(
        reverse("helpdesk:faq-create", args=[answered.reference]),
        {"category": answered.category.pk, "title": "", "answer": ""},
    )
    assert response.status_code == 200
    assert not FaqEntry.objects.exists()


def test_every_employee_reads_the_faq_but_not_drafts(client, emma, anouk):
    FaqEntryFactory(title="Mag ik tweeten over mijn werk?")
    draft = FaqEntryFactory(title="Nog niet klaar", is_published=False)
    client.force_login(emma)
    page = client.get(reverse("helpdesk:faq")).content.decode()
    assert "Mag ik tweeten over mijn werk?" in page and "Nog niet klaar" not in page
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(anouk)
    assert client.get(reverse("helpdesk:faq")).status_code == 403


def test_the_faq_is_searchable_and_in_english_too(client, emma, in_english):
    FaqEntryFactory(title="Mag ik over klanten twitteren?", title_en="May I tweet about clients?")
    FaqEntryFactory(title="Werktijd en sociale media", answer="Af en toe mag dat.")
    client.force_login(emma)
    response = client.get(reverse("helpdesk:faq"), {"q": "klanten"})
    assert [e.title for e in response.context["page"].object_list] == [
        "Mag ik over klanten twitteren?"
    ]
    emma.preferred_language = "en"
    emma.save()
    assert "May I tweet about clients?" in client.get(reverse("helpdesk:faq")).content.decode()


def test_the_global_search_includes_the_faq(client, emma, anouk):
    FaqEntryFactory(title="Mag ik over klanten twitteren?")
    client.force_login(emma)
    response = client.get(reverse("search"), {"q": "klanten"})
    assert "Mag ik over klanten twitteren?" in response.content.decode()
    client.force_login(anouk)
    assert "twitteren" not in client.get(reverse("search"), {"q": "klanten"}).content.decode()


def test_a_vote_counts_once_per_person_and_can_change(client, emma, cas):
    entry = FaqEntryFactory()
    client.force_login(emma)
    vote = reverse("helpdesk:faq-vote", args=[entry.pk])
    client.post(vote, {"helpful": "yes"})
    client.post(vote, {"helpful": "yes"})
    response = client.post(vote, {"helpful": "no"}, headers={"HX-Request": "true"})
    assert "0 collega’s vonden dit nuttig" in response.content.decode()
    client.force_login(cas)
    client.post(vote, {"helpful": "yes"})
    assert FaqVote.objects.count() == 2
    assert FaqVote.objects.get(voter=emma).is_helpful is False
    response = client.post(vote, {"helpful": "misschien"}, follow=True)
    assert "Kies ja of nee." in response.content.decode()


def test_hr_edits_and_unpublishes_an_entry(client, hanna, emma):
    entry = FaqEntryFactory(title="Oude titel")
    client.force_login(hanna)
    client.post(
        reverse("helpdesk:faq-edit", args=[entry.pk]),
        {"category": entry.category.pk, "title": "Nieuwe titel", "answer": "Tekst"},
    )
    entry.refresh_from_db()
    assert entry.title == "Nieuwe titel" and not entry.is_published
    client.force_login(emma)
    assert client.get(entry.get_absolute_url()).status_code == 404
