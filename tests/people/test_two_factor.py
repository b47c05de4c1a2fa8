"""Two-factor sign-in (allauth.mfa): required for HR and admins, optional for everyone else."""

import time

import pytest
from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.test import RequestFactory
from django.urls import reverse

from hrsocial.audit import AuditEntry
from notifications.models import Notification
from people.permissions import SSO_MFA_SESSION_KEY, sso_counts_as_second_factor
from tests.factories import UserFactory, make_hr

pytestmark = [pytest.mark.django_db, pytest.mark.second_factor_required]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
MFA_INDEX = "/accounts/2fa/"


def current_code(secret=SECRET):
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def hr_staff():
    return make_hr(UserFactory(email="fleur@example.com"))


def admin_only():
    return UserFactory(email="beheer@example.com", is_staff=True)


def superuser():
    return UserFactory(email="root@example.com", is_staff=True, is_superuser=True)


@pytest.mark.parametrize("make", [hr_staff, admin_only, superuser])
@pytest.mark.parametrize("path", ["/people/import/", "/admin/", "/"])
def test_it_sends_hr_and_admins_without_a_second_factor_to_set_one_up(client, make, path):
    client.force_login(make())
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == MFA_INDEX


def test_it_sends_the_hr_lead_to_set_up_a_second_factor_before_hr_pages(client, hanna):
    client.force_login(hanna)
    assert client.get("/people/import/")["Location"] == MFA_INDEX
    assert client.get(MFA_INDEX).status_code == 200


@pytest.mark.parametrize("make", [hr_staff, admin_only, superuser])
def test_it_lets_hr_and_admins_in_once_a_second_factor_is_set_up(client, make):
    person = make()
    TOTP.activate(person, SECRET)
    client.force_login(person)
    assert client.get("/").status_code == 200
    if person.is_staff:
        assert client.get("/admin/").status_code == 200


def test_it_lets_an_hr_lead_with_a_second_factor_reach_the_hr_pages(client, hanna):
    TOTP.activate(hanna, SECRET)
    client.force_login(hanna)
    assert client.get("/people/import/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_recovery_codes_alone_are_not_a_second_factor(client, hanna):
    Authenticator.objects.create(
        user=hanna, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "x"}
    )
    client.force_login(hanna)
    assert client.get("/people/import/")["Location"] == MFA_INDEX


def test_it_leaves_the_second_factor_optional_for_employees(client, emma):
    client.force_login(emma)
    assert client.get("/").status_code == 200
    profile = client.get(reverse("people:profile", args=[emma.pk]))
    assert MFA_INDEX.encode() in profile.content  # the optional link


def test_it_can_be_switched_off_for_a_site(client, hanna, settings):
    settings.MFA_REQUIRED_FOR_HR = False
    client.force_login(hanna)
    assert client.get("/people/import/").status_code == 200


def test_a_password_sign_in_with_totp_asks_for_the_code_and_then_lets_hr_in(client, hanna):
    hanna.set_password("a-strong-password-123")
    hanna.save()
    TOTP.activate(hanna, SECRET)
    response = client.post(
        reverse("account_login"),
        {"login": hanna.email, "password": "a-strong-password-123"},
    )
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # a wrong code: the form again
    response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert response.status_code == 302
    assert client.get("/people/import/").status_code == 200


def test_single_sign_on_with_the_identity_providers_mfa_counts(client, hanna):
    client.force_login(hanna)
    session = client.session
    session[SSO_MFA_SESSION_KEY] = True
    session.save()
    assert client.get("/people/import/").status_code == 200


def test_it_trusts_an_amr_claim_or_a_configured_provider(settings):
    assert sso_counts_as_second_factor(provider="openid_connect", claims={"amr": ["pwd", "mfa"]})
    assert not sso_counts_as_second_factor(provider="openid_connect", claims={"amr": ["pwd"]})
    assert not sso_counts_as_second_factor(provider="microsoft", claims={})
    settings.MFA_TRUSTED_SSO_PROVIDERS = ["microsoft"]
    assert sso_counts_as_second_factor(provider="microsoft", claims={})


def test_the_sso_adapter_remembers_whether_the_providers_mfa_counts(hanna):
    from allauth.socialaccount.models import SocialAccount, SocialLogin

    from people.adapters import SocialAccountAdapter

    request = RequestFactory().get("/")
    request.session = {}
    account = SocialAccount(
        provider="openid_connect", uid="1", extra_data={"id_token": {"amr": ["mfa"]}}
    )
    SocialAccountAdapter(request).pre_social_login(request, SocialLogin(account=account))
    assert request.session[SSO_MFA_SESSION_KEY] is True


def test_an_hr_lead_resets_a_lost_second_factor_audited_and_notified(client, hanna, emma):
    TOTP.activate(hanna, SECRET)
    TOTP.activate(emma, SECRET)
    client.force_login(hanna)
    url = reverse("people:second-factor-reset", args=[emma.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert emma.authenticator_set.exists()  # a GET only asks to confirm
    response = client.post(url)
    assert response.status_code == 302
    assert not emma.authenticator_set.exists()
    entry = AuditEntry.objects.get(action="people.second_factor_reset")
    assert entry.actor == hanna and entry.target_id == str(emma.pk)
    assert Notification.objects.filter(
        recipient=emma, category="people.second_factor_reset"
    ).exists()


def test_an_hr_lead_cannot_reset_their_own_second_factor(client, hanna):
    TOTP.activate(hanna, SECRET)
    client.force_login(hanna)
    url = reverse("people:second-factor-reset", args=[hanna.pk])
    assert client.post(url).status_code == 404
    assert hanna.authenticator_set.exists()


def test_hr_staff_who_are_not_leads_cannot_reset_anyones_second_factor(client, emma):
    person = hr_staff()
    TOTP.activate(person, SECRET)
    client.force_login(person)
    url = reverse("people:second-factor-reset", args=[emma.pk])
    assert client.post(url).status_code == 403


def test_the_mfa_pages_are_the_portals_and_in_dutch(client, hanna):
    client.force_login(hanna)
    page = client.get(MFA_INDEX)
    content = page.content.decode()
    assert "{% extends" not in content and "<nav" in content  # the portal's layout
    assert "Twee-factor-authenticatie" in content and "Herstelcodes" in content
