"""allauth's e-mails are the portal's own, in the recipient's language."""

import html
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

ZUIDERLICHT = override_settings(SITE_URL="https://hr.zuiderlicht.nl", PORTAL_NAME="Zuiderlicht HR")


def browse_in(client, language):
    """The page language the visitor chose (the portal ignores Accept-Language)."""
    client.cookies["django_language"] = language
    return {"HTTP_ACCEPT_LANGUAGE": language}


@ZUIDERLICHT
@pytest.mark.parametrize(
    ("preferred", "browser", "subject", "greeting"),
    [
        ("nl", "en", "Bevestig je e-mailadres voor Zuiderlicht HR", "Beste Daan,"),
        ("en", "nl", "Confirm your e-mail address for Zuiderlicht HR", "Hello Daan,"),
    ],
)
def test_it_sends_the_confirmation_in_the_recipients_language(
    client, db, preferred, browser, subject, greeting
):
    UserFactory(email="daan@example.org", full_name="Daan Dekker", verified=False,
                preferred_language=preferred)  # fmt: skip
    headers = browse_in(client, browser)
    client.post(reverse("account_login"), {"login": "daan@example.org", "password": TEST_PASSWORD},
                **headers)  # fmt: skip
    (message,) = mail.outbox
    assert message.subject == f"[Zuiderlicht HR] {subject}"
    assert message.body.startswith(greeting)
    assert "hr.zuiderlicht.nl" in message.body and "example.com" not in message.body
    assert re.search(r"https://hr\.zuiderlicht\.nl/accounts/confirm-email/\S+/", message.body)
    (body, kind), *_ = message.alternatives
    assert kind == "text/html" and greeting in body and "Zuiderlicht HR" in body


@ZUIDERLICHT
def test_it_sends_the_password_reset_in_the_recipients_language_with_a_working_link(client, db):
    UserFactory(email="daan@example.org", full_name="Daan Dekker", preferred_language="en")
    headers = browse_in(client, "nl")
    client.post(reverse("account_reset_password"), {"email": "daan@example.org"}, **headers)
    (message,) = mail.outbox
    assert message.subject == "[Zuiderlicht HR] Choose a new password for Zuiderlicht HR"
    path = re.search(r"https://hr\.zuiderlicht\.nl(/accounts/password/reset/key/\S+/)",
                     message.body).group(1)  # fmt: skip
    response = client.get(path, follow=True)
    assert b'name="password1"' in response.content


def test_it_answers_an_unknown_address_in_the_pages_language_without_a_sign_up_link(client, db):
    headers = browse_in(client, "en")
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"}, **headers)
    (message,) = mail.outbox
    assert message.subject == "[hrsocial] No account on hrsocial for this address"
    assert "ask them" in message.body and "/accounts/signup/" not in message.body


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_it_tells_an_existing_account_in_its_own_language_when_someone_signs_up_again(client, db):
    UserFactory(email="anouk@example.org", full_name="Anouk Visser", preferred_language="nl")
    headers = browse_in(client, "en")
    client.post(
        reverse("account_signup"),
        {"full_name": "X", "email": "anouk@example.org", "kind": "alumnus",
         "password1": "Lange-zin-2026!", "password2": "Lange-zin-2026!"},
        **headers,
    )  # fmt: skip
    (message,) = mail.outbox
    assert message.subject == "[hrsocial] Je hebt al een account op hrsocial"


def test_it_keeps_html_entities_out_of_the_plain_text(client, db):
    UserFactory(email="o.brien@example.org", full_name="D'Arcy O'Brien & Zn", verified=False)
    client.post(reverse("account_login"), {"login": "o.brien@example.org",
                                           "password": TEST_PASSWORD})  # fmt: skip
    (message,) = mail.outbox
    assert message.body.startswith("Beste D'Arcy,")
    assert html.unescape(message.body) == message.body
    assert "D&#x27;Arcy" in message.alternatives[0][0]  # the HTML part stays escaped
