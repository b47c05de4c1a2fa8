"""Account pre-hijack: someone signs up with a future hire's address before HR imports them."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from hrsocial.models import AuditEntry
from people.models import User
from people.services import people_import

HIJACKER_PASSWORD = "Lange-zin-2026!"


@pytest.fixture
def pre_hijacked(client, db):
    """An attacker signs up as an alumnus with noor@example.com and keeps a session."""
    with override_settings(SELF_SIGNUP_ENABLED=True):
        response = client.post(
            reverse("account_signup"),
            {
                "full_name": "Noor Aanvaller",
                "email": "noor@example.com",
                "kind": "alumnus",
                "password1": HIJACKER_PASSWORD,
                "password2": HIJACKER_PASSWORD,
            },
        )
    assert response.status_code == 302
    account = User.objects.get(email="noor@example.com")
    client.force_login(account)  # as if the attacker were signed in somewhere
    mail.outbox.clear()
    return account


def test_it_never_keeps_the_password_of_an_unverified_account(
    pre_hijacked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = people_import(data=b"email,full_name\nnoor@example.com,Noor de Wit\n")
    assert result.ok
    noor = User.objects.get(pk=pre_hijacked.pk)
    assert noor.kind == User.Kind.EMPLOYEE
    assert not noor.check_password(HIJACKER_PASSWORD)
    assert not noor.has_usable_password()
    assert EmailAddress.objects.get(user=noor).verified
    assert AuditEntry.objects.filter(
        action="people.import_reset_unverified", target_id=str(noor.pk)
    ).exists()
    # The real Noor is invited, although this import did not invite new people.
    assert [m.to for m in mail.outbox] == [["noor@example.com"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_it_ends_the_sessions_of_the_unverified_account(client, pre_hijacked):
    assert "_auth_user_id" in client.session  # signed in (waiting for HR's verification)
    people_import(data=b"email,full_name\nnoor@example.com,Noor de Wit\n")
    assert not any(
        s.get_decoded().get("_auth_user_id") == str(pre_hijacked.pk) for s in Session.objects.all()
    )
    response = client.get(reverse("home"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_keeps_the_password_of_a_verified_alumnus(anouk):
    anouk.set_password("anouk-own-password")
    anouk.save()
    EmailAddress.objects.update_or_create(
        user=anouk, email=anouk.email, defaults={"verified": True, "primary": True}
    )
    people_import(data=b"email,full_name,kind\nanouk@example.com,Anouk Visser,employee\n")
    anouk.refresh_from_db()
    assert anouk.check_password("anouk-own-password")
