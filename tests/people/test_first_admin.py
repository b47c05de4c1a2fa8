"""Starting a real installation: `create_hr_admin` and e-mails that name the portal."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sites.models import Site
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from hrsocial.audit import AuditEntry
from hrsocial.sites import site_follow_settings
from people.models import User

NEW_PASSWORD = "Eerste-beheerder-2026!"


def _link_from(output: str) -> str:
    return next(line.strip() for line in output.splitlines() if "/accounts/password/" in line)


def test_it_creates_an_hr_lead_who_sets_a_password_and_signs_in(client, db):
    out = StringIO()
    call_command("create_hr_admin", "Hanna.Bakker@Zuiderlicht.nl", "--name", "Hanna Bakker",
                 stdout=out)  # fmt: skip
    hanna = User.objects.get(email="hanna.bakker@zuiderlicht.nl")
    assert hanna.is_hr and hanna.is_hr_lead and hanna.is_staff and hanna.is_superuser
    assert not hanna.has_usable_password()
    assert EmailAddress.objects.get(user=hanna).verified
    assert AuditEntry.objects.filter(action="people.create_hr_admin").exists()

    link = _link_from(out.getvalue())
    response = client.get(link, follow=True)  # allauth moves the key into the session
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "hanna.bakker@zuiderlicht.nl", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302  # no "verify your e-mail first"
    assert client.get(reverse("helpdesk:queue")).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_it_upgrades_an_existing_person_and_can_run_twice(emma):
    call_command("create_hr_admin", emma.email, stdout=StringIO())
    call_command("create_hr_admin", emma.email, stdout=StringIO())
    emma.refresh_from_db()
    assert emma.is_hr_lead and emma.is_superuser
    assert User.objects.filter(email=emma.email).count() == 1


def test_it_refuses_what_is_not_an_address(db):
    with pytest.raises(CommandError, match="Not an e-mail address"):
        call_command("create_hr_admin", "hanna", stdout=StringIO())
    assert not User.objects.exists()


@override_settings(SITE_URL="https://hr.zuiderlicht.nl")
def test_the_site_follows_site_url(db):
    site_follow_settings()
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("hr.zuiderlicht.nl", "hrsocial")


@pytest.mark.parametrize(
    ("language", "browser", "expected", "unexpected"),
    [
        ("nl", "en", "Kies een nieuw wachtwoord", "Choose a new password"),
        ("en", "nl", "Choose a new password", "Kies een nieuw wachtwoord"),
    ],
)
def test_allauth_mails_name_the_portal_in_the_recipients_language(
    client, emma, language, browser, expected, unexpected
):
    emma.preferred_language = language
    emma.save()
    site_follow_settings()
    client.post(
        reverse("account_reset_password"), {"email": emma.email}, HTTP_ACCEPT_LANGUAGE=browser
    )
    (message,) = mail.outbox
    text = message.body + message.subject
    assert expected in message.subject
    assert unexpected not in text
    assert "example.com!" not in text and "Hallo van example.com" not in text
    assert "hrsocial" in text
    html = message.alternatives[0][0]
    assert "/accounts/password/reset/key/" in html
    assert "&#x27;" not in message.body and "&amp;" not in message.body
