"""A boomerang: an alumnus hired again becomes an employee again through the HRIS import, in
their one network account with its history, found by former employee number or private
e-mail; and the import's optional private e-mail column (issue 17, item 4)."""

import datetime

import pytest
from allauth.account.models import EmailAddress

from alumni import services
from alumni.models import Departure, EventRegistration, Interest, Membership, Profile
from alumni.sweep import members_left_sweep
from hrsocial.models import AuditEntry
from people.importer import read_people_file
from people.models import User
from people.services import employment_end, people_import
from tests.factories import AlumnusFactory, UserFactory

HEADER = "employee_number,email,full_name,start_date,end_date,private_email\n"


def run(text, **kwargs):
    return people_import(data=text.encode("utf-8"), **kwargs)


@pytest.fixture
def sanne(db):
    """Sanne worked here (number 4711) until 2024, then joined the network with her private
    address (verified at once: her claims matched), showed interest in a gig."""
    old = UserFactory(
        full_name="Sanne de Vries", email="sanne@bedrijf.example", employee_number="4711",
        start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2024, 1, 31),
    )  # fmt: skip
    employment_end(person=old)
    network = AlumnusFactory(full_name="Sanne de Vries", email="sanne.prive@example.org")
    EmailAddress.objects.update_or_create(
        user=network, email=network.email, defaults={"verified": True, "primary": True}
    )
    membership = services.membership_sign_up(user=network, employee_number="4711")
    assert membership.is_verified and membership.former_person == old
    Profile.objects.create(user=network, in_directory=True, receives_newsletter=True)
    return network


def test_a_rehired_alumnus_becomes_an_employee_in_the_one_account_by_former_number(sanne):
    old = User.objects.get(email="sanne@bedrijf.example")
    result = run(HEADER + "4711,sanne.devries@bedrijf.example,Sanne de Vries,2026-11-01,,\n")
    assert result.ok, result.errors
    assert result.created == []
    sanne.refresh_from_db()
    assert sanne.kind == User.Kind.EMPLOYEE and sanne.is_employee
    assert sanne.email == "sanne.devries@bedrijf.example"
    assert sanne.employee_number == "4711" and sanne.employment_ended_at is None
    # Its history stays: the membership and profile are the same rows.
    assert Membership.objects.get(user=sanne).is_verified
    assert Profile.objects.filter(user=sanne).exists()
    # The old, ended account gave up the number; no second employee account exists.
    old.refresh_from_db()
    assert old.employee_number is None and old.kind == User.Kind.FORMER_EMPLOYEE
    assert User.objects.filter(full_name="Sanne de Vries", kind="employee").count() == 1
    assert AuditEntry.objects.filter(action="people.import_boomerang", target_id=sanne.pk)
    # She signs in with the work address now; the network's lists drop her within a day.
    assert EmailAddress.objects.get(user=sanne).email == "sanne.devries@bedrijf.example"
    assert members_left_sweep() == 1
    assert not Profile.objects.get(user=sanne).in_directory


def test_a_rehired_alumnus_is_found_by_private_e_mail_with_a_new_number(db):
    network = AlumnusFactory(full_name="Joost Bakker", email="joost@prive.example")
    result = run(
        HEADER + "9001,joost.bakker@bedrijf.example,Joost Bakker,2026-11-01,,joost@prive.example\n"
    )
    assert result.ok, result.errors
    network.refresh_from_db()
    assert network.kind == User.Kind.EMPLOYEE and network.employee_number == "9001"
    assert User.objects.filter(email__startswith="joost").count() == 1
    # The private address is kept for the invitation when Joost leaves again.
    assert Departure.objects.get(person=network).private_email == "joost@prive.example"


def test_the_preview_shows_the_boomerang_as_a_return_not_a_new_person(sanne):
    from people.importer import preview_changes

    plan = read_people_file(
        (HEADER + "4711,sanne.devries@bedrijf.example,Sanne de Vries,2026-11-01,,\n").encode()
    )
    (change,) = preview_changes(plan).changes
    assert change.action == "returned" and {"kind", "email"} <= set(change.fields)


def test_hr_s_preview_page_lists_the_boomerang_as_returning_in_dutch(client, sanne, hanna):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from people.models import ImportBatch

    client.force_login(hanna)
    data = (HEADER + "4711,sanne.devries@bedrijf.example,Sanne de Vries,2026-11-01,,\n").encode()
    client.post(reverse("people:import"), {"file": SimpleUploadedFile("people.csv", data)})
    batch = ImportBatch.objects.latest("uploaded_at")
    assert batch.preview["counts"]["returned"] == 1 and batch.preview["counts"]["updated"] == 0
    page = client.get(reverse("people:import-detail", args=[batch.reference])).content.decode()
    assert "1 oud-collega komt terug" in page
    assert "Terug in dienst: leden van het alumninetwerk" in page and "Sanne de Vries" in page


def test_the_old_ended_employment_in_an_export_leaves_the_network_account_alone(sanne):
    result = run(HEADER + "4711,sanne@bedrijf.example,Sanne de Vries,2020-01-01,2024-01-31,\n")
    assert result.ok, result.errors
    sanne.refresh_from_db()
    assert sanne.kind == User.Kind.ALUMNUS and sanne.email == "sanne.prive@example.org"


def test_a_sign_up_still_waiting_is_no_boomerang(db):
    waiting = AlumnusFactory(full_name="Iemand", email="iemand@prive.example")
    services.membership_sign_up(user=waiting, employee_number="5555")
    assert Membership.objects.get(user=waiting).status == Membership.Status.PENDING
    result = run(HEADER + "5555,iemand@bedrijf.example,Iemand,2026-11-01,,iemand@prive.example\n")
    assert result.ok, result.errors
    waiting.refresh_from_db()
    assert waiting.kind == User.Kind.ALUMNUS
    assert User.objects.get(email="iemand@bedrijf.example").kind == User.Kind.EMPLOYEE


def test_gig_and_event_history_stay_on_the_one_account(sanne, hanna):
    from alumni.models import Gig

    gig = Gig.objects.create(title="Klus", description="x", starts_on=datetime.date(2026, 1, 5))
    Interest.objects.create(gig=gig, member=sanne)
    gig.status = Gig.Status.FILLED
    gig.picked = sanne
    gig.save()
    run(HEADER + "4711,sanne.devries@bedrijf.example,Sanne de Vries,2026-11-01,,\n")
    members_left_sweep()
    assert Gig.objects.get(pk=gig.pk).picked == sanne  # a filled gig keeps who did it
    assert Interest.objects.filter(member=sanne).exists()
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("geen-adres", "“geen-adres” is geen geldig privé-e-mailadres."),
        ("x@bedrijf.example", "Het privé-e-mailadres is hetzelfde als het werkadres."),
    ],
)
def test_a_bad_private_e_mail_is_refused_in_dutch_and_nothing_saved(db, value, message):
    from django.utils import translation

    with translation.override("nl"):
        result = run(HEADER + f"1,x@bedrijf.example,Iemand,2026-01-01,,{value}\n")
    assert not result.ok
    assert [e.message for e in result.errors] == [message]
    assert not User.objects.exists()


def test_the_private_e_mail_column_is_optional_and_kept_for_the_invitation(db):
    result = run(
        "email,full_name,privé e-mail\n"
        "emma@bedrijf.example,Emma Jansen,Emma@Prive.example\n"
        "milan@bedrijf.example,Milan de Vries,\n"
    )
    assert result.ok and result.ignored_columns == []
    emma = User.objects.get(email="emma@bedrijf.example")
    assert Departure.objects.get(person=emma).private_email == "emma@prive.example"
    assert not Departure.objects.filter(person__email="milan@bedrijf.example").exists()
    assert run("email,full_name\nemma@bedrijf.example,Emma Jansen\n").ok
    assert Departure.objects.get(person=emma).private_email == "emma@prive.example"


def test_rehired_under_the_old_work_address_the_network_account_takes_it_over(sanne):
    old = User.objects.get(email="sanne@bedrijf.example")
    result = run(HEADER + "4711,sanne@bedrijf.example,Sanne de Vries,2026-11-01,,\n")
    assert result.ok, result.errors
    sanne.refresh_from_db()
    old.refresh_from_db()
    assert sanne.is_employee and sanne.email == "sanne@bedrijf.example"
    assert old.kind == User.Kind.FORMER_EMPLOYEE and old.employee_number is None
    assert old.email.endswith("@boomerang.invalid")
    assert not EmailAddress.objects.filter(user=old).exists()
    assert User.objects.filter(kind="employee", full_name="Sanne de Vries").count() == 1
