"""HR invites a freelancer by e-mail; the freelancer signs up from the link with a KvK number,
hourly rates (HR only) and areas of expertise (issue 17, item 2)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from alumni import freelancers
from alumni.models import FreelancerInvitation, Profile
from alumni.permissions import is_member
from hrsocial.models import AuditEntry
from notifications.models import Notification
from people.models import User

PASSWORD = "Lange-zin-voor-freelancers-2026!"


@pytest.fixture
def invite(client, hanna, django_capture_on_commit_callbacks):
    def invite(email="lotte@zzp.example", name="Lotte de Zwart", message=""):
        client.force_login(hanna)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("alumni:freelancer-invite"),
                {"full_name": name, "email": email, "message": message},
            )
        client.logout()
        return response

    return invite


def _link(address="lotte@zzp.example"):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return re.search(r"https?://\S+(/alumni/join/\S+/)", message.body).group(1)


def _join(client, link, **extra):
    data = {
        "full_name": "Lotte de Zwart", "password1": PASSWORD, "password2": PASSWORD,
        "kvk_number": "87654321", "hourly_rate_min": "75", "hourly_rate_max": "95",
        "skills_text": "Salarisadministratie, Excel", **extra,
    }  # fmt: skip
    return client.post(link, data)


def test_hr_invites_and_the_e_mail_goes_through_the_outbox(invite, hanna):
    response = invite(message="We werken graag weer met je samen.")
    assert response.status_code == 302
    person = User.objects.get(email="lotte@zzp.example")
    assert person.kind == User.Kind.FREELANCER and not person.has_usable_password()
    notification = Notification.objects.get(recipient=person, category="alumni.invitation")
    assert notification.url.startswith("/alumni/join/")
    assert notification.email_status == Notification.EmailStatus.SENT
    (message,) = mail.outbox
    assert "We werken graag weer met je samen." in message.body
    assert AuditEntry.objects.filter(action="alumni.freelancer_invite", actor=hanna).exists()


def test_the_freelancer_signs_up_from_the_link(client, invite):
    invite()
    link = _link()
    assert client.get(link).status_code == 200
    response = _join(client, link)
    assert response.status_code == 302 and response.url == reverse("alumni:profile-edit")
    person = User.objects.get(email="lotte@zzp.example")
    assert person.check_password(PASSWORD) and is_member(person)
    assert person.emailaddress_set.get().verified
    profile = Profile.objects.get(user=person)
    assert profile.kvk_number == "87654321"
    assert (profile.hourly_rate_min, profile.hourly_rate_max) == (75, 95)
    assert sorted(s.name for s in profile.skills.all()) == ["excel", "salarisadministratie"]
    assert FreelancerInvitation.objects.get().accepted_at is not None
    # Signed in, and the link works only once.
    assert client.get(reverse("alumni:index")).status_code == 200
    client.logout()
    response = client.get(link)
    assert response.status_code == 400
    assert "al gebruikt" in response.content.decode()


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", "١٢٣٤٥٦٧٨", ""])
def test_a_kvk_number_of_other_than_eight_digits_is_refused_and_nothing_saved(client, invite, kvk):
    invite()
    response = _join(client, _link(), kvk_number=kvk)
    assert response.status_code == 200
    errors = response.context["form"].errors["kvk_number"]
    assert errors in (["Een KvK-nummer heeft precies acht cijfers."],
                      ["Vul je KvK-nummer in (acht cijfers)."])  # fmt: skip
    person = User.objects.get(email="lotte@zzp.example")
    assert not person.has_usable_password()
    assert not Profile.objects.filter(user=person).exists()
    assert FreelancerInvitation.objects.get().is_open


def test_other_bad_input_is_refused_in_dutch(client, invite):
    invite()
    response = _join(client, _link(), hourly_rate_min="90", hourly_rate_max="60",
                     password2="iets-anders-2026!")  # fmt: skip
    errors = response.context["form"].errors
    assert errors["hourly_rate_max"] == ["Het hoogste tarief kan niet lager zijn dan het laagste."]
    assert errors["password2"] == ["De twee wachtwoorden zijn niet gelijk."]
    assert not Profile.objects.exists()


def test_a_tampered_or_expired_link_is_refused(client, invite, monkeypatch):
    invite()
    link = _link()
    response = client.get(link[:-3] + "xx/")
    assert response.status_code == 400
    assert "niet geldig" in response.content.decode()
    monkeypatch.setattr(freelancers, "LINK_DAYS", -1)  # the link's days have passed
    response = _join(client, link)
    assert response.status_code == 400 and "verlopen" in response.content.decode()
    assert not Profile.objects.exists()


def test_an_address_with_an_account_is_refused_and_nothing_sent(client, invite, anouk):
    response = invite(email="ANOUK@example.com")
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Er is al een account met dit e-mailadres."]
    assert not FreelancerInvitation.objects.exists() and mail.outbox == []


def test_sending_again_replaces_the_link(client, invite):
    invite()
    first = _link()
    mail.outbox.clear()
    invite()
    second = _link()
    assert first != second and FreelancerInvitation.objects.count() == 1
    assert "nieuwere uitnodiging" in client.get(first).content.decode()
    assert _join(client, second).status_code == 302


def test_only_hr_invites(client, emma, anouk, femke):
    for person in (emma, anouk, femke):
        client.force_login(person)
        assert client.get(reverse("alumni:freelancer-invite")).status_code == 403


def test_the_hourly_rate_is_for_hr_only(client, hanna, femke, anouk):
    profile = Profile.objects.create(
        user=femke, kvk_number="12345678", hourly_rate_min=70, hourly_rate_max=90,
        in_directory=True,
    )  # fmt: skip
    url = reverse("alumni:profile-detail", kwargs={"pk": profile.pk})
    client.force_login(hanna)
    assert "70,00" in client.get(url).content.decode()  # in the reader's money format
    client.force_login(anouk)
    page = client.get(url).content.decode()
    assert "70,00" not in page and "12345678" not in page
