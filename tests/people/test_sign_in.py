import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from people.models import User
from people.services import person_create
from tests.factories import TEST_PASSWORD, UserFactory


def test_people_sign_in_with_their_email_address(client, emma):
    response = client.post(
        reverse("account_login"), {"login": "EMMA@example.com", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").context["user"] == emma


def test_an_unverified_address_cannot_sign_in(client, db):
    UserFactory(email="new@example.com", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "new@example.com", "password": TEST_PASSWORD}
    )
    assert response["Location"] == reverse("account_email_verification_sent")


def test_failed_logins_are_rate_limited_per_address(client, emma):
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": emma.email, "password": "wrong"})
    # Even the right password is refused for the rest of the window.
    response = client.post(
        reverse("account_login"), {"login": emma.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200  # the form again, not a redirect into the portal
    assert "Te veel inlogpogingen" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_employees_cannot_sign_themselves_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "someone@example.com",
            "password1": "x-Long-pass-1",
            "password2": "x-Long-pass-1",
        },
    )
    assert not User.objects.filter(email="someone@example.com").exists()
    assert response.status_code == 200
    assert b"signup" in response.content.lower() or b"aanmelden" in response.content.lower()


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_alumni_and_freelancers_can_sign_up_when_it_is_opened(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Anouk Visser",
            "email": "anouk@example.com",
            "kind": "alumnus",
            "password1": "Lange-zin-2026!",
            "password2": "Lange-zin-2026!",
        },
    )
    assert response.status_code == 302
    anouk = User.objects.get(email="anouk@example.com")
    assert anouk.kind == User.Kind.ALUMNUS
    assert anouk.full_name == "Anouk Visser"
    assert not EmailAddress.objects.get(user=anouk).verified  # mandatory verification
    assert len(mail.outbox) == 1


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_sign_up_cannot_choose_to_be_an_employee(client, db):
    client.post(
        reverse("account_signup"),
        {
            "full_name": "Stiekem",
            "email": "sneaky@example.com",
            "kind": "employee",
            "password1": "Lange-zin-2026!",
            "password2": "Lange-zin-2026!",
        },
    )
    assert not User.objects.filter(email="sneaky@example.com").exists()


def test_an_invited_employee_sets_a_password_and_is_signed_in(
    client, hanna, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person_create(
            created_by=hanna, email="Nieuw@Example.com", full_name="Nina Nieuw", invite=True
        )
    (invitation,) = mail.outbox
    assert invitation.to == ["nieuw@example.com"]
    assert "Kies mijn wachtwoord" in invitation.alternatives[0][0]
    link = re.search(
        r"http://127\.0\.0\.1:8000(/accounts/password/reset/key/\S+/)", invitation.body
    )
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "Lange-zin-2026!", "password2": "Lange-zin-2026!"}, follow=True
    )
    nina = User.objects.get(email="nieuw@example.com")
    assert nina.has_usable_password()
    assert response.context["user"] == nina
    # The link works once.
    assert "password/reset/key" in link.group(1)
    again = client.get(link.group(1), follow=True)
    assert b"Lange-zin" not in again.content


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("people:directory"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url", ["/health/", "/accounts/login/", "/accounts/password/reset/"])
def test_some_pages_are_public(client, db, url):
    assert client.get(url).status_code == 200
