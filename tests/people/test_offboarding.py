"""Leavers lose their access: on the day after their end date, or at once when an import or
HR sets a date in the past (issue 10, point 2)."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Question
from hrsocial.models import AuditEntry
from people.models import HR_GROUP, HR_LEADS_GROUP, User
from people.services import people_import
from tests.competencies.factories import ReviewFactory
from tests.factories import TEST_PASSWORD, UserFactory
from tests.helpdesk.factories import QuestionFactory
from tests.trainings.factories import SessionFactory
from trainings import services as trainings
from trainings.models import Enrolment

HEADER = "employee_number,email,full_name,department,manager,start_date,end_date\n"
YESTERDAY = lambda: timezone.localdate() - datetime.timedelta(days=1)  # noqa: E731


def _signed_in(client, person):
    assert client.login(email=person.email, password=TEST_PASSWORD)
    assert client.get(reverse("people:directory")).status_code == 200
    return client


def test_it_ends_access_when_an_import_brings_a_past_end_date(client, emma, milan):
    _signed_in(client, emma)
    result = people_import(
        data=(
            HEADER + f"{emma.employee_number or 'E1'},{emma.email},Emma Jansen,,"
            f"{milan.email},2020-01-01,2025-06-30\n"
        ).encode()
    )
    assert result.ok, result.errors
    emma.refresh_from_db()
    assert emma.kind == User.Kind.FORMER_EMPLOYEE and not emma.is_employee
    assert emma.employment_ended_at is not None
    # Signed out at once, and signing in again gives no employee pages.
    assert client.get(reverse("people:directory")).status_code == 302
    assert client.login(email=emma.email, password=TEST_PASSWORD)
    assert client.get(reverse("people:directory")).status_code == 403
    assert client.get(reverse("helpdesk:question-create")).status_code == 403
    assert AuditEntry.objects.filter(action="people.employment_end", target_id=str(emma.pk))


def test_a_reimport_of_the_same_file_does_not_end_the_employment_twice(emma):
    row = f"E1,{emma.email},Emma Jansen,,,2020-01-01,2025-06-30\n"
    people_import(data=(HEADER + row).encode())
    people_import(data=(HEADER + row).encode())
    assert AuditEntry.objects.filter(action="people.employment_end").count() == 1
    emma.refresh_from_db()
    assert emma.kind == User.Kind.FORMER_EMPLOYEE


def test_an_end_date_moved_back_into_the_future_gives_the_access_back(client, emma):
    people_import(data=(HEADER + f"E1,{emma.email},Emma Jansen,,,2020-01-01,2025-06-30\n").encode())
    later = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    people_import(data=(HEADER + f"E1,{emma.email},Emma Jansen,,,2020-01-01,{later}\n").encode())
    emma.refresh_from_db()
    assert emma.is_employee and emma.employment_ended_at is None
    assert client.login(email=emma.email, password=TEST_PASSWORD)
    assert client.get(reverse("people:directory")).status_code == 200
    assert AuditEntry.objects.filter(action="people.employment_resume").exists()


def test_the_end_date_itself_is_still_a_working_day(emma):
    emma.end_date = timezone.localdate()
    emma.save()
    call_command("run_periodic_tasks", "people-end-employments", stdout=StringIO())
    emma.refresh_from_db()
    assert emma.is_employee


def test_the_daily_task_ends_the_employment_the_day_after_the_end_date(emma):
    moment = datetime.datetime(2027, 1, 29, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        emma.end_date = datetime.date(2027, 1, 29)
        emma.save()
        call_command("run_periodic_tasks", "people-end-employments", stdout=StringIO())
        emma.refresh_from_db()
        assert emma.is_employee
    with time_machine.travel(moment + datetime.timedelta(days=1), tick=False):
        call_command("run_periodic_tasks", "people-end-employments", stdout=StringIO())
        emma.refresh_from_db()
        assert not emma.is_employee


def test_a_leaving_manager_loses_the_role_and_the_reports_move_up(milan, emma):
    boss = UserFactory(email="directeur@example.com")
    milan.manager = boss
    milan.end_date = YESTERDAY()
    milan.save()
    from people.services import employment_sync

    employment_sync(person=milan)
    emma.refresh_from_db()
    assert emma.manager == boss
    milan = User.objects.get(pk=milan.pk)
    assert not milan.is_manager


def test_a_leaving_hr_lead_loses_the_hr_groups_and_the_admin(hanna):
    hanna.is_staff = True
    hanna.save()
    hanna.end_date = YESTERDAY()
    hanna.save()
    from people.services import employment_sync

    employment_sync(person=hanna)
    hanna = User.objects.get(pk=hanna.pk)
    assert not hanna.groups.filter(name__in=[HR_GROUP, HR_LEADS_GROUP]).exists()
    assert not hanna.is_staff and not hanna.is_hr
    entry = AuditEntry.objects.get(action="people.employment_end")
    assert sorted(entry.detail["groups"]) == sorted([HR_GROUP, HR_LEADS_GROUP])


def test_hr_setting_a_past_end_date_in_the_admin_ends_it_at_once(client, emma):
    admin = UserFactory(email="beheer@example.com", is_staff=True, is_superuser=True)
    admin.groups.add(Group.objects.get_or_create(name=HR_GROUP)[0])
    from people.services import employment_sync

    emma.end_date = YESTERDAY()
    emma.save()
    employment_sync(person=emma, changed_by=admin)
    emma.refresh_from_db()
    assert emma.kind == User.Kind.FORMER_EMPLOYEE
    assert AuditEntry.objects.get(action="people.employment_end").actor == admin


def test_the_leavers_open_records_are_handled(emma, cas, hanna):
    session = SessionFactory(capacity=1)
    seat = trainings.enrolment_create(session=session, person=emma)
    waiting = trainings.enrolment_create(session=session, person=cas)
    other = SessionFactory(capacity=1)
    trainings.enrolment_create(session=other, person=UserFactory())
    waitlist_place = trainings.enrolment_create(session=other, person=emma)
    question = QuestionFactory(asker=emma)
    handled_by_hanna = QuestionFactory(asker=cas, assignee=hanna)
    open_review = ReviewFactory(employee=emma)

    from people.services import employment_end

    employment_end(person=emma)
    emma.refresh_from_db()
    assert Enrolment.objects.get(pk=seat.pk).status == Enrolment.Status.CANCELLED
    assert Enrolment.objects.get(pk=waitlist_place.pk).status == Enrolment.Status.CANCELLED
    assert Enrolment.objects.get(pk=waiting.pk).status == Enrolment.Status.BOOKED  # promoted
    assert Question.objects.get(pk=question.pk).status == "closed"
    assert Question.objects.get(pk=handled_by_hanna.pk).assignee == hanna  # hanna stays
    assert not type(open_review).objects.filter(pk=open_review.pk).exists()


def test_questions_assigned_to_a_leaving_hr_colleague_go_back_to_the_queue(cas, hanna):
    question = QuestionFactory(asker=cas, assignee=hanna, status="open")
    from people.services import employment_end

    employment_end(person=hanna)
    assert Question.objects.get(pk=question.pk).assignee is None


@pytest.mark.parametrize("kind", [User.Kind.ALUMNUS, User.Kind.FREELANCER])
def test_it_leaves_alumni_and_freelancers_alone(db, kind):
    person = UserFactory(kind=kind, end_date=datetime.date(2020, 1, 1))
    call_command("run_periodic_tasks", "people-end-employments", stdout=StringIO())
    person.refresh_from_db()
    assert person.kind == kind
