import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test.utils import override_settings
from django.urls import reverse

from alumni import services
from alumni.models import Membership
from hrsocial.models import AuditEntry
from people.models import User
from people.services import employment_end
from tests.factories import AlumnusFactory, UserFactory

PASSWORD = "Lange-zin-2026!"


def _sign_up(client, **extra):
    data = {
        "full_name": "Sanne de Vries",
        "email": "sanne.prive@example.org",
        "kind": "alumnus",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post(reverse("account_signup"), data)


@pytest.fixture
def sanne_left(db):
    """Sanne worked here (number 4711) until her employment ended."""
    import datetime

    sanne = UserFactory(
        full_name="Sanne de Vries", email="sanne@bedrijf.example", employee_number="4711",
        end_date=datetime.date(2024, 1, 31), start_date=datetime.date(2020, 1, 1),
    )  # fmt: skip
    employment_end(person=sanne)
    sanne.refresh_from_db()
    return sanne


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_it_verifies_a_sign_up_at_once_when_name_and_employee_number_match(client, sanne_left):
    response = _sign_up(client, former_employee_number="4711")
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="sanne.prive@example.org")
    assert membership.status == Membership.Status.VERIFIED
    assert membership.auto_verified and membership.former_person == sanne_left
    assert AuditEntry.objects.filter(action="alumni.membership_auto_verify").exists()


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_it_verifies_by_former_work_email_too_whatever_its_case(client, sanne_left):
    _sign_up(client, full_name="sanne  de vries", former_work_email="Sanne@Bedrijf.example")
    membership = Membership.objects.get(user__email="sanne.prive@example.org")
    assert membership.is_verified


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_it_queues_a_sign_up_whose_claims_do_not_match(client, sanne_left):
    _sign_up(client, full_name="Iemand Anders", former_employee_number="4711")
    membership = Membership.objects.get(user__email="sanne.prive@example.org")
    assert membership.status == Membership.Status.PENDING


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_it_never_matches_a_current_employee(client, db):
    UserFactory(full_name="Sanne de Vries", employee_number="4711")
    _sign_up(client, former_employee_number="4711")
    assert Membership.objects.get().status == Membership.Status.PENDING


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_a_sign_up_with_an_address_in_use_creates_nothing_and_mails_the_owner(client, sanne_left):
    """allauth keeps which addresses have an account secret: the page looks the same, the
    address's owner gets an e-mail saying they already have an account."""
    _sign_up(client, email="sanne@bedrijf.example", former_employee_number="4711")
    assert not Membership.objects.exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sanne@bedrijf.example"]
    assert User.objects.filter(email__iexact="sanne@bedrijf.example").count() == 1


@override_settings(SELF_SIGNUP_ENABLED=True)
def test_a_sign_up_waiting_for_verification_sees_only_the_waiting_page(client, db):
    _sign_up(client)
    user = User.objects.get(email="sanne.prive@example.org")
    EmailAddress.objects.filter(user=user).update(verified=True)
    client.force_login(user)
    for url in (
        reverse("home"),
        reverse("alumni:index"),
        reverse("people:profile", args=[user.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url == reverse("alumni:waiting")
    response = client.get(reverse("alumni:waiting"))
    assert response.status_code == 200
    assert (
        "Wachten op verificatie" in response.content.decode()
        or "verific" in response.content.decode()
    )


def test_hr_approves_a_sign_up_and_the_network_opens(client, hanna):
    person = AlumnusFactory(full_name="Piet Pending")
    membership = services.membership_sign_up(user=person)
    client.force_login(hanna)
    queue = client.get(reverse("alumni:verification-queue"))
    assert "Piet Pending" in queue.content.decode()
    client.post(reverse("alumni:membership-approve", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.status == Membership.Status.VERIFIED and membership.decided_by == hanna
    assert AuditEntry.objects.filter(action="alumni.membership_approve").exists()
    client.force_login(person)
    assert client.get(reverse("alumni:index")).status_code == 200


def test_a_rejection_needs_a_reason_and_the_person_reads_it(client, hanna):
    person = AlumnusFactory(full_name="Piet Pending")
    membership = services.membership_sign_up(user=person)
    client.force_login(hanna)
    client.post(reverse("alumni:membership-reject", args=[membership.pk]), {"reason": "  "})
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    client.post(
        reverse("alumni:membership-reject", args=[membership.pk]),
        {"reason": "Niet bekend in onze administratie"},
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REJECTED
    assert AuditEntry.objects.filter(action="alumni.membership_reject").exists()
    client.force_login(person)
    assert client.get(reverse("alumni:index")).url == reverse("alumni:waiting")
    assert (
        "Niet bekend in onze administratie"
        in client.get(reverse("alumni:waiting")).content.decode()
    )


def test_a_decided_sign_up_cannot_be_decided_again(client, hanna):
    membership = services.membership_sign_up(user=AlumnusFactory())
    services.membership_approve(membership=membership, approved_by=hanna)
    client.force_login(hanna)
    response = client.post(
        reverse("alumni:membership-reject", args=[membership.pk]), {"reason": "Toch niet"}
    )
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.is_verified


def test_alumni_whom_hr_created_are_members_without_a_sign_up(client, anouk, emma):
    client.force_login(anouk)
    assert client.get(reverse("alumni:index")).status_code == 200
    client.force_login(emma)
    assert client.get(reverse("alumni:index")).status_code == 403
    assert client.get(reverse("alumni:verification-queue")).status_code == 403


def test_hr_sees_the_sign_ups_to_verify_among_the_to_dos(client, hanna):
    services.membership_sign_up(user=AlumnusFactory())
    client.force_login(hanna)
    assert reverse("alumni:verification-queue") in client.get(reverse("home")).content.decode()
    assert len(mail.outbox) == 0


def test_the_sign_up_hears_hr_s_decision_through_the_outbox(hanna):
    """The waiting page promises an e-mail: approve and reject each send one."""
    from notifications.models import Notification

    welcome = services.membership_sign_up(user=AlumnusFactory(full_name="Welkom Lid"))
    refused = services.membership_sign_up(user=AlumnusFactory(full_name="Geweigerd Lid"))
    services.membership_approve(membership=welcome, approved_by=hanna)
    services.membership_reject(membership=refused, rejected_by=hanna, reason="Onbekend bij HR")
    (yes,) = Notification.objects.filter(recipient=welcome.user, category="alumni.membership")
    assert yes.title == "Welkom in het alumninetwerk" and yes.url == reverse("alumni:index")
    (no,) = Notification.objects.filter(recipient=refused.user, category="alumni.membership")
    assert "Onbekend bij HR" in no.body


def test_the_remembered_membership_status_follows_hr_s_decision_at_once(client, hanna):
    """The status every page asks for is cached (alumni.permissions.MEMBERSHIP_STATUS): a
    verified member whom HR's decision (or leaving) changes is never let in on the old one."""
    person = AlumnusFactory(full_name="Piet Pending")
    membership = services.membership_sign_up(user=person)
    client.force_login(person)
    assert client.get(reverse("alumni:index")).url == reverse("alumni:waiting")
    services.membership_approve(membership=membership, approved_by=hanna)
    assert client.get(reverse("alumni:index")).status_code == 200
    membership.status, membership.reject_reason = Membership.Status.REJECTED, "Toch niet"
    membership.save()  # e.g. HR in the admin
    assert client.get(reverse("alumni:index")).url == reverse("alumni:waiting")
    membership.delete()  # no sign-up left: HR vouches for the account
    assert client.get(reverse("alumni:index")).status_code == 200
