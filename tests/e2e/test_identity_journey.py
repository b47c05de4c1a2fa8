"""An HR lead signs in with two factors, connects Entra ID (a SCIM token shown once, then
revoked) and resets a colleague's lost second factor; an HR colleague without one is sent to
set it up."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from tests.e2e.conftest import TOTP_SECRET, assert_accessible, sign_in, use_session_of
from tests.factories import UserFactory, make_hr

pytestmark = pytest.mark.django_db(transaction=True)


def test_hr_lead_connects_entra_id_and_resets_a_lost_second_factor(live_server, page):
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"), lead=True)
    emma = UserFactory(email="emma@example.com", full_name="Emma Jansen")
    TOTP.activate(emma, TOTP_SECRET)

    sign_in(page, live_server, hanna)  # password, then the authenticator app's code
    page.goto(live_server.url + "/provisioning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Provisioning (SCIM)")
    page.get_by_label("Naam").fill("Entra ID productie")
    page.get_by_role("button", name="Koppeling en token aanmaken").click()
    token = page.locator("#new-token").inner_text()
    assert len(token) > 30
    assert_accessible(page)
    page.reload()
    expect(page.locator("#new-token")).to_have_count(0)  # shown once
    expect(page.get_by_role("row")).to_have_count(2)  # the reload made no second connection
    page.get_by_role("button", name=re.compile("Intrekken")).click()
    expect(page.get_by_role("cell", name="ingetrokken")).to_be_visible()

    page.goto(live_server.url + f"/people/{emma.pk}/")
    page.get_by_role("link", name="Tweestapsverificatie wissen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Tweede factor wissen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Emma Jansen")
    assert not emma.authenticator_set.exists()


def test_hr_staff_without_a_second_factor_are_sent_to_set_one_up(live_server, page):
    from django.contrib.auth.hashers import make_password

    fleur = make_hr(UserFactory(email="fleur@example.com", full_name="Fleur Dekker"))
    fleur.password = make_password("x")
    fleur.save()
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(fleur)  # use_session_of would set her up
    page.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])  # fmt: skip
    page.goto(live_server.url + "/helpdesk/queue/")
    expect(page).to_have_url(live_server.url + "/accounts/2fa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Twee-factor-authenticatie")
    assert_accessible(page)
    assert use_session_of  # (the quick sign-in of the other journeys sets a factor up first)
