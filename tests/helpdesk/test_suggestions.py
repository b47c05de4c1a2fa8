"""Suggestions while typing a question: ranked by relevance, the exact FAQ title first, more
than three when they are good, weak ones left out. Runs on SQLite and on PostgreSQL (with
DATABASE_URL set), where the candidates come from full-text search and trigrams."""

import pytest
from django.db import connection
from django.urls import reverse

from helpdesk.suggestions import Texts, faq_suggestions, guideline_suggestions, relevance
from tests.helpdesk.factories import FaqEntryFactory

pytestmark = pytest.mark.django_db


def titles(entries):
    return [entry.title for entry in entries]


def test_the_faq_entry_whose_exact_title_is_typed_comes_first():
    exact = FaqEntryFactory(title="Mag ik over een klant twitteren?", answer="Met toestemming.")
    # Newer, and with the subject's words more often: before, these came first.
    FaqEntryFactory(
        title="Twitteren over klanten en klantprojecten",
        answer="Twitteren over een klant: vraag de klant. Twitteren mag over klantprojecten.",
    )
    FaqEntryFactory(title="Klanten noemen op LinkedIn", answer="Twitteren over klanten: nee.")
    FaqEntryFactory(title="Aan een klant twitteren", answer="Klant, klant, twitteren.")

    found = faq_suggestions("Mag ik over een klant twitteren?")

    assert found[0] == exact
    assert faq_suggestions("mag ik over een klant twitteren")[0] == exact  # no "?", lower case


def test_a_title_being_typed_comes_first_before_it_is_finished():
    FaqEntryFactory(title="Thuiswerken en de vergoeding", answer="Thuiswerken: zie de regeling.")
    typed = FaqEntryFactory(title="Thuiswerken op vrijdag", answer="Overleg met je team.")
    assert faq_suggestions("Thuiswerken op vr")[0] == typed


def test_more_than_three_good_suggestions_are_shown():
    for n in range(5):
        FaqEntryFactory(title=f"Thuiswerken en regel {n}", answer="Over thuiswerken.")
    assert len(faq_suggestions("Thuiswerken")) == 5


def test_entries_are_ranked_by_how_much_of_the_subject_they_share_not_by_name_or_age():
    both = FaqEntryFactory(title="Zonnepark van een klant op Instagram", answer="Na de opening.")
    one = FaqEntryFactory(title="Aankondiging zonnepark", answer="Wacht op de persdienst.")
    FaqEntryFactory(title="Aan de slag", answer="Het zonnepark van de klant.")

    found = faq_suggestions("Zonnepark van een klant op Instagram zetten")

    assert found == [both, one]  # the answer-only match is too weak next to these


def test_weak_matches_are_left_out_when_there_are_strong_ones():
    strong = FaqEntryFactory(
        title="Foto's van collega's op Instagram", answer="Vraag je collega's om toestemming."
    )
    FaqEntryFactory(title="Reiskosten", answer="Declareer je reis; foto's van bonnen volstaan.")

    assert faq_suggestions("Foto's van collega's op Instagram plaatsen") == [strong]


def test_unpublished_entries_are_never_suggested():
    FaqEntryFactory(title="Thuiswerken op vrijdag", is_published=False)
    assert faq_suggestions("Thuiswerken op vrijdag") == []


def test_word_forms_and_typos_count_less_than_the_word_itself():
    exact = relevance("klant", Texts(("klant",)))
    form = relevance("klant", Texts(("klanten",)))
    typo = relevance("twitteren", Texts(("twiteren",)))
    nothing = relevance("klant", Texts(("reiskosten",)))
    assert exact > form > typo > nothing == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="typos are found by trigrams")
def test_on_postgresql_a_typo_and_a_dutch_word_form_find_the_entry():
    entry = FaqEntryFactory(title="Mag ik over klanten twitteren?", answer="Met toestemming.")
    assert faq_suggestions("twiteren") == [entry]
    assert faq_suggestions("klant") == [entry]


def test_tips_are_ranked_by_their_title_too(emma):
    from tests.guidelines.factories import published_tip

    published_tip(title="Noem klanten alleen met toestemming", tip="Vraag het eerst.")
    best = published_tip(title="Twitteren over klanten", tip="Vraag de klant om toestemming.")

    found = guideline_suggestions(emma, "Twitteren over een klant")

    assert found[0] == best


def test_the_suggestions_page_shows_them_in_that_order(client, emma):
    FaqEntryFactory(title="Aan een klant twitteren", answer="Klant, twitteren.")
    FaqEntryFactory(title="Mag ik over een klant twitteren?", answer="Met toestemming.")
    client.force_login(emma)
    page = client.get(
        reverse("helpdesk:suggestions"), {"subject": "Mag ik over een klant twitteren?"}
    ).content.decode()
    assert page.index("Mag ik over een klant twitteren?") < page.index("Aan een klant twitteren")
