"""Starting a real installation: the first HR lead gets in without working mail."""

import io
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sites.models import Site
from django.core import mail
from django.core.management import CommandError, call_command
from django.core.management.sql import emit_post_migrate_signal
from django.test import override_settings
from django.urls import reverse

from people.models import User

PASSWORD = "Lange-zin-2026!"


def create_hr_admin(*args, **options) -> str:
    out = io.StringIO()
    call_command("create_hr_admin", *args, stdout=out, **options)
    return out.getvalue()


def createsuperuser(email):
    call_command(
        "createsuperuser", interactive=False, email=email, full_name="Root", stdout=io.StringIO()
    )


def test_it_documents_that_createsuperuser_gives_a_technical_admin_who_must_verify(
    client, db, monkeypatch
):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    createsuperuser("root@example.org")
    root = User.objects.get(email="root@example.org")
    assert root.is_superuser and not root.is_hr
    response = client.post(reverse("account_login"), {"login": root.email, "password": PASSWORD})
    assert response["Location"] == reverse("account_email_verification_sent")
    (confirmation,) = mail.outbox
    assert "example.com" not in confirmation.subject + confirmation.body
    assert "hrsocial" in confirmation.subject and "127.0.0.1:8000" in confirmation.body
    assert "create_hr_admin" in Path(settings.BASE_DIR, "README.md").read_text()


def test_it_creates_a_verified_hr_lead_with_admin_access(db):
    out = create_hr_admin("Ada@Example.org", name="Ada Lovelace", language="en")
    ada = User.objects.get(email="ada@example.org")
    assert (ada.full_name, ada.preferred_language, ada.kind) == ("Ada Lovelace", "en", "employee")
    assert ada.is_hr and ada.is_hr_lead and ada.is_staff and ada.is_superuser
    assert not ada.has_usable_password()
    (address,) = EmailAddress.objects.filter(user=ada)
    assert (address.email, address.verified, address.primary) == ("ada@example.org", True, True)
    assert re.search(r"http://127\.0\.0\.1:8000/accounts/password/reset/key/\S+/", out)


def test_it_upgrades_a_createsuperuser_account_and_is_idempotent(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    createsuperuser("root@example.org")
    root = User.objects.get(email="root@example.org")
    create_hr_admin("root@example.org")
    create_hr_admin("ROOT@example.org", name="Rootje Admin")
    assert User.objects.filter(email__iexact="root@example.org").count() == 1
    root = User.objects.get(pk=root.pk)
    assert root.is_hr_lead and root.full_name == "Rootje Admin"
    assert root.check_password(PASSWORD)  # an existing password stays until the link is used
    assert sorted(root.groups.values_list("name", flat=True)) == ["HR", "HR leads"]
    assert list(EmailAddress.objects.filter(user=root).values_list("verified", flat=True)) == [True]


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b@c"])
def test_it_refuses_a_bad_address_and_saves_nothing(db, email):
    with pytest.raises(CommandError, match="Not an e-mail address"):
        create_hr_admin(email)
    assert not User.objects.exists()


def test_it_refuses_an_unknown_language(db):
    with pytest.raises(CommandError):
        create_hr_admin("ada@example.org", language="de")
    assert not User.objects.exists()


def test_it_link_lets_the_first_admin_choose_a_password_sign_in_and_reach_hr_pages(client, db):
    out = create_hr_admin("ada@example.org", name="Ada Lovelace")
    link = re.search(r"http://127\.0\.0\.1:8000(/accounts/password/reset/key/\S+/)", out).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    assert mail.outbox == []  # no working mail needed

    response = client.post(
        reverse("account_login"), {"login": "ada@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get(reverse("helpdesk:queue")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200
    # The link worked once.
    again = client.get(link, follow=True)
    assert b'name="password1"' not in again.content


@override_settings(SITE_URL="https://hr.zuiderlicht.nl", PORTAL_NAME="Zuiderlicht HR")
def test_it_keeps_the_site_in_step_with_site_url_after_migrate(db):
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("hr.zuiderlicht.nl", "Zuiderlicht HR")


def test_it_names_the_site_after_site_url_from_the_first_migrate(db):
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("127.0.0.1:8000", "hrsocial")
