import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import CommandError, call_command

from hrsocial.models import AuditEntry
from people.models import User
from people.services import people_import
from tests.factories import DepartmentFactory, JobRoleFactory, UserFactory

HEADER = (
    "employee_number,email,full_name,department,job_role,manager,"
    "start_date,end_date,preferred_language\n"
)


@pytest.fixture
def organisation(db, in_english):
    DepartmentFactory(name="Communicatie", code="COM")
    DepartmentFactory(name="ICT", code="ICT")
    JobRoleFactory(title="Communicatieadviseur")
    JobRoleFactory(title="Teamleider")


def run(text, **kwargs):
    return people_import(data=text.encode("utf-8"), **kwargs)


def test_it_creates_people_with_managers_further_down_the_file(organisation):
    result = run(
        HEADER
        + "1001,emma@example.com,Emma Jansen,Communicatie,Communicatieadviseur,1002,"
        + "2021-02-15,,nl\n"
        + "1002,milan@example.com,Milan de Vries,COM,Teamleider,,01-09-2016,,en\n"
    )
    assert result.ok, result.errors
    assert len(result.created) == 2
    emma = User.objects.get(email="emma@example.com")
    assert emma.manager.email == "milan@example.com"
    assert emma.department.name == "Communicatie"
    assert emma.start_date.isoformat() == "2021-02-15"
    assert User.objects.get(employee_number="1002").preferred_language == "en"
    # The HRIS vouches for the address; the password is set from the invitation.
    assert EmailAddress.objects.get(email="emma@example.com").verified
    assert not emma.has_usable_password()
    assert AuditEntry.objects.filter(action="people.import").count() == 1


def test_it_updates_by_employee_number_and_then_by_email(organisation):
    UserFactory(email="old@example.com", employee_number="1001", full_name="Emma J.")
    UserFactory(email="milan@example.com", full_name="Milan")
    result = run(
        HEADER
        + "1001,emma@example.com,Emma Jansen,Communicatie,,,,,nl\n"
        + "1002,milan@example.com,Milan de Vries,ICT,,,,,nl\n"
    )
    assert result.ok, result.errors
    assert result.created == []
    assert User.objects.get(employee_number="1001").email == "emma@example.com"
    assert User.objects.get(email="milan@example.com").employee_number == "1002"
    assert User.objects.count() == 2


def test_a_second_identical_import_changes_nothing(organisation):
    text = HEADER + "1001,emma@example.com,Emma Jansen,Communicatie,,,2021-02-15,,nl\n"
    run(text)
    result = run(text)
    assert (len(result.created), len(result.updated), result.unchanged) == (0, 0, 1)


def test_it_reports_every_bad_row_with_its_line_and_imports_nothing(organisation):
    UserFactory(email="taken@example.com", employee_number="9999")
    result = run(
        HEADER
        + "1001,emma@example.com,Emma Jansen,Communicatie,,,2021-02-15,,nl\n"  # fine
        + "1002,emma@example.com,Emma Twee,Communicatie,,,,,nl\n"  # duplicate e-mail
        + "1003,bram@example.com,Bram,Onbekend,,,,,nl\n"  # unknown department
        + "1004,noor@example.com,Noor,ICT,,7777,,,nl\n"  # unknown manager
        + "1005,thijs@example.com,Thijs,ICT,,,31-02-2020,,nl\n"  # bad date
        + "1006,sem@example.com,Sem,ICT,,,2022-01-01,2021-01-01,nl\n"  # end before start
        + "1007,zoe@example.com,Zoë,ICT,,,,,fr\n"  # unknown language
        + "1008,not-an-email,Kevin,ICT,,,,,nl\n"  # bad e-mail
        + "1009,taken@example.com,Ilse,ICT,,,,,nl\n"  # e-mail of employee 9999
        + "1010,gijs@example.com,Gijs,ICT,Astronaut,,,,nl\n"  # unknown job role
    )
    assert not result.ok
    problems = {(e.line, e.message) for e in result.errors}
    lines = sorted({line for line, _message in problems})
    assert lines == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    messages = " ".join(message for _line, message in problems)
    for expected in ("Duplicate e-mail", "Unknown department", "Unknown manager", "not a date",
                     "end date is before", "Unknown language", "not a valid e-mail",
                     "belongs to employee number", "Unknown job role"):  # fmt: skip
        assert expected in messages, expected
    assert not User.objects.filter(email="emma@example.com").exists()


def test_it_refuses_a_management_cycle(organisation):
    result = run(
        HEADER
        + "1,a@example.com,Anna,ICT,,2,,,nl\n"
        + "2,b@example.com,Bas,ICT,,1,,,nl\n"
        + "3,c@example.com,Chantal,ICT,,,,,nl\n"
    )
    assert not result.ok
    assert any("Management cycle" in e.message for e in result.errors)
    assert User.objects.count() == 0


def test_it_refuses_a_cycle_through_people_already_in_the_portal(organisation):
    boss = UserFactory(email="boss@example.com", employee_number="1")
    UserFactory(email="middle@example.com", employee_number="2", manager=boss)
    result = run(HEADER + "1,boss@example.com,Boss,ICT,,2,,,nl\n")
    assert not result.ok
    assert "Management cycle" in result.errors[0].message
    boss.refresh_from_db()
    assert boss.manager is None


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"name;department\nEmma;ICT\n", "Required column missing: email"),
        (b'email,full_name\n"emma@example.com,Emma\n', "Malformed CSV"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a CSV"),
        (b"email,full_name\nemma@example.com,Emma,extra\n", "3 values where the header has 2"),
    ],
)
def test_a_malformed_file_gets_a_clear_message(organisation, data, message):
    result = people_import(data=data)
    assert not result.ok
    assert message in str(result.errors[0])


def test_semicolons_and_a_byte_order_mark_from_dutch_excel_are_fine(organisation):
    data = "\ufeffe-mail;naam;afdeling\nemma@example.com;Emma Jansen;Communicatie\n".encode()
    result = people_import(data=data)
    assert result.ok, result.errors
    assert User.objects.get().department.name == "Communicatie"


def test_windows_1252_names_survive(organisation):
    data = "email,full_name\nzoe@example.com,Zoë Willems\n".encode("cp1252")
    assert people_import(data=data).ok
    assert User.objects.get().full_name == "Zoë Willems"


def test_new_people_get_an_invitation_when_asked(organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(HEADER + "1,emma@example.com,Emma Jansen,ICT,,,,,en\n", invite=True)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["emma@example.com"]
    assert "set your password" in message.subject  # in her language: English
    assert "/accounts/password/reset/key/" in message.body


def test_problems_are_reported_in_dutch_by_default(db):
    from django.utils import translation

    with translation.override("nl"):
        result = people_import(
            data=b"email,full_name\nemma@example.com,Emma\nemma@example.com,Emma\n"
        )
    assert str(result.errors[0]) == (
        "regel 3: E-mailadres emma@example.com komt dubbel voor (ook op regel 2)."
    )


def test_the_command_prints_the_errors_and_fails(organisation, tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text(HEADER + "1,emma@example.com,Emma,Onbekend,,,,,nl\n")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_people", str(path))
    assert "line 2: Unknown department" in capsys.readouterr().err


def test_the_command_imports(organisation, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(HEADER + "1,emma@example.com,Emma,ICT,,,,,nl\n")
    call_command("import_people", str(path))
    assert User.objects.filter(email="emma@example.com").exists()
