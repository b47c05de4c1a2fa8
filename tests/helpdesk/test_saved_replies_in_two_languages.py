"""Saved replies in two languages: HR picks one by its title in HR's own language, and the
text that goes into the reply is in the asker's language (Dutch when no English exists)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpdesk.factories import SavedReplyFactory, ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(db):
    return SavedReplyFactory(
        title="Ontvangen",
        title_en="Received",
        body="Hoi {first_name}, we zoeken het uit.",
        body_en="Hi {first_name}, we are looking into it.",
    )


def inserted(client, question, saved) -> str:
    response = client.get(
        reverse("helpdesk:saved-reply", args=[question.reference]),
        {"reply": saved.pk},
        headers={"HX-Request": "true"},
    )
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Hi Ann, we are looking into it."), ("nl", "Hoi Ann, we zoeken het uit.")],
)
def test_the_reply_text_is_in_the_asker_s_language(client, hanna, saved, language, expected):
    question, _token = ask(UserFactory(full_name="Ann Smith", preferred_language=language))
    client.force_login(hanna)  # HR works in Dutch
    assert expected in inserted(client, question, saved)
    page = client.get(question.get_manage_url(), {"reply": saved.pk}).content.decode()
    assert expected in page


def test_without_an_english_text_an_english_asker_gets_the_dutch_one(client, hanna):
    saved = SavedReplyFactory(title="Alleen Nederlands", body="Hoi {first_name}!")
    question, _token = ask(UserFactory(full_name="Ann Smith", preferred_language="en"))
    client.force_login(hanna)
    assert "Hoi Ann!" in inserted(client, question, saved)


def test_hr_picks_a_saved_reply_by_its_title_in_hr_s_language(client, hanna, saved):
    question, _token = ask(UserFactory())
    hanna.preferred_language = "en"
    hanna.save(update_fields=["preferred_language"])
    client.force_login(hanna)
    page = client.get(question.get_manage_url()).content.decode()
    # The title in HR's language, then the status the reply sets.
    assert f'<option value="{saved.pk}">Received (' in page
