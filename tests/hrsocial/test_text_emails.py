"""Subjects and plain-text parts of every e-mail are plain text: what people and HR wrote
("foto's", "Q&A", "<3") arrives as written, never as "foto&#x27;s"; only the HTML part
escapes."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core import mail
from django.test import TestCase

from hrsocial.emails import build_templated_email
from notifications.services import notify
from people.adapters import AccountAdapter
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = "Foto's & <b>vet</b>"
NAME = "D'Arcy&<Co>"  # a first name as the HRIS may deliver it
ENTITIES = ("&#x27;", "&#39;", "&amp;", "&lt;", "&gt;", "&quot;")
TEMPLATES = Path(settings.BASE_DIR, "templates")


def prefixes(folder: str) -> list[str]:
    """Every e-mail in a folder, by its subject template."""
    return sorted(
        str(path.relative_to(TEMPLATES)).removesuffix("_subject.txt")
        for path in (TEMPLATES / folder).glob("*_subject.txt")
    )


def hostile_context(recipient) -> dict:
    notification = SimpleNamespace(
        title=HOSTILE, body=HOSTILE, absolute_url="https://portal.example.com/?a=1&b=2"
    )
    return {
        "recipient": recipient,
        "person": recipient,
        "notification": notification,
        "notifications": [notification],
        "url": "https://portal.example.com/?a=1&b=2",
        "email": recipient.email,
        "portal_name": HOSTILE,
        "site_domain": "portal.example.com",
        "password_reset_url": "https://portal.example.com/reset/?a=1&b=2",
        "activate_url": "https://portal.example.com/confirm/?a=1&b=2",
        "signup_url": "https://portal.example.com/signup/?a=1&b=2",
        "self_signup_enabled": True,
        # Recruitment's e-mails to candidates and referred friends, who are not users.
        "application": SimpleNamespace(
            name=NAME, get_status_url="https://portal.example.com/s?a=1&b=2"
        ),
        "vacancy": SimpleNamespace(title=HOSTILE, slug="webredacteur"),
        "referrer": SimpleNamespace(full_name=HOSTILE),
        "referral": SimpleNamespace(note=HOSTILE),
        "question": SimpleNamespace(name=NAME, question=HOSTILE, answer=HOSTILE),
        "vacancy_url": "https://portal.example.com/vacatures/webredacteur/?a=1&b=2",
        "never_again_url": "https://portal.example.com/nooit/?a=1&b=2",
    }


def assert_plain(message):
    for part in (message.subject, message.body):
        assert not [entity for entity in ENTITIES if entity in part], part
    # Every e-mail greets the person by name (a referred friend by the full name HR has).
    assert f"{NAME}," in message.body or f"{NAME} Jansen," in message.body


@pytest.fixture(params=["nl", "en"])
def recipient(request):
    return UserFactory(
        full_name=f"{NAME} Jansen", email="o'brien@example.com", preferred_language=request.param
    )


@pytest.mark.parametrize("template", prefixes("emails"))
def test_the_portal_s_e_mails_are_plain_text_in_subject_and_text_part(template, recipient):
    message = build_templated_email(
        template=template, recipient=recipient, context=hostile_context(recipient)
    )
    assert_plain(message)
    assert "&lt;Co&gt;" in message.alternatives[0][0]  # the HTML part still escapes


@pytest.mark.parametrize("template", prefixes("account/email"))
def test_allauth_s_e_mails_are_plain_text_in_subject_and_text_part(template, recipient):
    adapter = AccountAdapter()
    message = adapter.render_mail(template, recipient.email, hostile_context(recipient))
    assert_plain(message)


def test_a_notification_about_hr_content_arrives_as_written(recipient):
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify([recipient], "general", f"Nieuw: {HOSTILE}", HOSTILE, url="/")
    (message,) = mail.outbox
    assert message.subject == f"Nieuw: {HOSTILE}"
    assert_plain(message)
    assert HOSTILE in message.body
