"""HR: sessions with fill rate and waitlist, the report, CSV and XLSX exports, editing the
catalogue."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hrsocial.models import AuditEntry
from tests.exports import read_csv, read_xlsx
from tests.factories import DepartmentFactory, UserFactory
from tests.queries import count_queries
from tests.trainings.factories import SessionFactory
from trainings import services
from trainings.models import Enrolment, Feedback, Session, Training, TrainingCompetency


@pytest.fixture
def hr(client, hanna):
    client.force_login(hanna)
    return client


def test_the_session_list_shows_fill_rate_and_waitlist(hr, emma, milan, cas, training):
    session = SessionFactory(training=training, capacity=2)
    for person in (emma, milan, cas):
        services.enrolment_create(session=session, person=person)
    response = hr.get(reverse("trainings:hr-sessions"))
    (row,) = response.context["page"].object_list
    assert (row.seats_taken, row.fill_rate, row.waitlist_count) == (2, 100, 1)
    assert "2 / 2" in response.content.decode()


def session_list_queries(client, rows: int) -> int:
    for _number in range(rows):
        session = SessionFactory(capacity=1)
        services.enrolment_create(session=session, person=UserFactory())
        services.enrolment_create(session=session, person=UserFactory())
    queries = count_queries(client, reverse("trainings:hr-sessions"))
    page = client.get(reverse("trainings:hr-sessions")).context["page"]
    assert len(page.object_list) == Session.objects.count()
    return queries


def test_the_session_list_query_count_does_not_grow(client, hanna):
    client.force_login(hanna)
    assert session_list_queries(client, 5) == session_list_queries(client, 45)  # 5, then 50


def test_the_sessions_export_is_a_dutch_excel_friendly_csv(hr, hanna, training):
    training.title = '=HYPERLINK("http://evil")'
    training.save()
    SessionFactory(training=training, capacity=8)
    response = hr.get(reverse("trainings:hr-sessions-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, row = read_csv(response)
    assert header[0] == "Training" and header[6] == "Bezet"
    assert row[0].startswith("'="), "a formula is written as text"
    assert row[5:8] == ["8", "0", "0"]
    assert AuditEntry.objects.filter(action="trainings.export_sessions", actor=hanna).exists()


def test_the_sessions_export_comes_as_xlsx_too(hr, training):
    training.title = "\tTab"
    training.save()
    session = SessionFactory(training=training, capacity=8)
    header, row = read_xlsx(hr.get(reverse("trainings:hr-sessions-csv") + "?format=xlsx"))
    assert header[0] == "Training"
    assert row[0] == "'\tTab", "tab and carriage return are guarded as well"
    assert row[1] == timezone.localtime(session.starts_at).replace(
        tzinfo=None, second=0, microsecond=0
    )
    assert row[5:8] == [8, 0, 0]


@pytest.fixture
def history(emma, milan, cas, hanna, training):
    """A session last week: Emma and Milan (Communicatie) present, Cas (ICT) no-show; two
    ratings from Communicatie, one from ICT."""
    session = SessionFactory(training=training, capacity=5)
    enrolments = [services.enrolment_create(session=session, person=p) for p in (emma, milan, cas)]
    start = timezone.now() - timedelta(days=7)
    Session.objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=2)
    )
    session.refresh_from_db()
    services.attendance_register(
        session=session,
        registered_by=hanna,
        attendance={
            enrolments[0].pk: Enrolment.Attendance.PRESENT,
            enrolments[1].pk: Enrolment.Attendance.PRESENT,
            enrolments[2].pk: Enrolment.Attendance.NO_SHOW,
        },
    )
    extra = UserFactory(department=emma.department)
    Enrolment.objects.create(
        session=session, person=extra, status="booked", booked_at=start, attendance="present"
    )
    for person, rating in ((emma, 4), (milan, 5), (extra, 3)):
        services.feedback_give(person=person, training=training, session=session, rating=rating)
    return session


def _rated_by(history, department, *ratings):
    """Ratings from more people of `department` (their seats do not matter here)."""
    for rating in ratings:
        Feedback.objects.create(
            person=UserFactory(department=department), training=history.training,
            session=history, department=department, rating=rating,
        )  # fmt: skip


def test_the_report_counts_completion_and_satisfaction(hr, history, emma):
    _rated_by(history, emma.department, 4, 4)  # five people rated
    response = hr.get(reverse("trainings:hr-report"))
    (row,) = response.context["by_training"]
    assert (row.sessions, row.seats, row.present, row.no_show) == (1, 4, 3, 1)
    assert row.completion_rate == 75
    assert row.completions == 2
    assert (row.ratings, row.average_rating) == (5, 4.0)
    departments = {r.department_name: r for r in response.context["by_department"]}
    assert departments["Communicatie"].average_rating == 4.0
    assert departments["ICT"].ratings == 0 and departments["ICT"].no_show == 1


def test_satisfaction_needs_five_people_and_a_department_is_not_the_total_minus_the_rest(
    hr, history, emma, cas
):
    """Three people rated: nothing shows (three was enough before). With five people in
    Communicatie and one in ICT, ICT is hidden and so is Communicatie: the total minus
    Communicatie would give ICT's rating away."""
    (row,) = hr.get(reverse("trainings:hr-report")).context["by_training"]
    assert row.ratings == 3 and row.average_rating is None and row.too_few_ratings
    _rated_by(history, emma.department, 4, 4)
    _rated_by(history, cas.department, 1)
    response = hr.get(reverse("trainings:hr-report"))
    departments = {r.department_name: r for r in response.context["by_department"]}
    assert departments["ICT"].average_rating is None
    assert departments["Communicatie"].raters == 5
    assert departments["Communicatie"].average_rating is None  # complementary suppression
    assert response.context["total"].average_rating == 3.5  # six people: shown
    export = {line[1]: line for line in read_csv(hr.get(reverse("trainings:hr-report-csv")))}
    assert export["Communicatie"][9] == "" and export["ICT"][9] == ""


def test_satisfaction_of_a_small_group_is_not_shown(hr, history, emma):
    Enrolment.objects.filter(person__department=emma.department).exclude(
        person__email__in=["emma@example.com", "milan@example.com"]
    ).delete()
    history.feedback.exclude(person__email__in=["emma@example.com", "milan@example.com"]).delete()
    response = hr.get(reverse("trainings:hr-report"))
    (row,) = response.context["by_training"]
    assert row.ratings == 2 and row.average_rating is None
    assert "te weinig beoordelingen" in response.content.decode()


def test_the_report_export_has_a_row_per_training_and_department(hr, history, emma):
    _rated_by(history, emma.department, 4, 4)
    rows = read_csv(hr.get(reverse("trainings:hr-report-csv")))
    assert rows[0][:2] == ["Training", "Afdeling"]
    by_department = {row[1]: row for row in rows[1:]}
    assert by_department["Communicatie"][2:8] == ["1", "3", "3", "0", "100", "2"]
    assert by_department["Communicatie"][9] == "4,0"
    assert by_department["ICT"][5] == "1"


def test_a_period_without_activity_shows_nothing(hr, history):
    response = hr.get(reverse("trainings:hr-report") + "?start=2001-01-01&end=2001-12-31")
    assert response.context["by_training"] == []
    assert "In deze periode is er niets gebeurd." in response.content.decode()


def comments_by(session, people: int, text="Heel praktisch"):
    for n in range(people):
        person = UserFactory()
        Feedback.objects.create(person=person, training=session.training, session=session,
                                rating=4, comment=f"{text} {n}")  # fmt: skip


def test_comments_are_shown_without_names_once_ten_people_wrote_one(hr, history, emma):
    history.feedback.filter(person=emma).update(comment="Heel praktisch")
    comments_by(history, 9, "Goed voorbereid")
    page = hr.get(reverse("trainings:hr-training-feedback", kwargs={"pk": history.training_id}))
    text = page.content.decode()
    assert "Heel praktisch" in text and "Goed voorbereid 8" in text
    assert "Emma Jansen" not in text
    assert "minstens tien mensen" not in text


def test_comments_of_fewer_than_ten_people_are_not_shown(hr, history, emma):
    history.feedback.filter(person=emma).update(comment="Heel praktisch")
    comments_by(history, 8, "Goed voorbereid")
    page = hr.get(reverse("trainings:hr-training-feedback", kwargs={"pk": history.training_id}))
    text = page.content.decode()
    assert "Heel praktisch" not in text and "Goed voorbereid" not in text
    assert "minstens tien mensen" in text
    assert "4 van de 5" in text  # the ratings stay


def test_hr_creates_a_training_with_its_competencies(hr, linkedin):
    data = {
        "title": "Social recruiting",
        "summary": "Vacatures delen die gezien worden.",
        "format": "classroom",
        "level": "advanced",
        "language": "nl",
        "duration_minutes": 180,
        "provider": "internal",
        "cost": "0",
        "is_published": "on",
        "competencies-TOTAL_FORMS": "2",
        "competencies-INITIAL_FORMS": "0",
        "competencies-0-competency": linkedin.pk,
        "competencies-0-level": "3",
    }
    response = hr.post(reverse("trainings:hr-training-create"), data)
    assert response.status_code == 302
    training = Training.objects.get(title="Social recruiting")
    assert list(training.competency_links.values_list("competency", "level")) == [(linkedin.pk, 3)]


def test_bad_training_input_is_explained_and_nothing_saved(hr, linkedin):
    data = {
        "title": "Dure interne training",
        "summary": "x",
        "format": "elearning",
        "level": "starter",
        "language": "nl",
        "duration_minutes": 60,
        "provider": "internal",
        "cost": "100",
        "competencies-TOTAL_FORMS": "1",
        "competencies-INITIAL_FORMS": "0",
        "competencies-0-competency": linkedin.pk,
        "competencies-0-level": "9",
    }
    response = hr.post(reverse("trainings:hr-training-create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Alleen een externe training kan geld kosten." in page
    assert "Een e-learning heeft de link naar de online cursus nodig." in page
    assert not Training.objects.exists() and not TrainingCompetency.objects.exists()


def session_data(start, end, capacity=10):
    return {
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": end.strftime("%Y-%m-%dT%H:%M"),
        "location": "Amersfoort",
        "trainer": "Sanne Bos",
        "capacity": capacity,
    }


def test_hr_adds_a_session_in_dutch_time(hr, training):
    response = hr.post(
        reverse("trainings:hr-session-create", kwargs={"pk": training.pk}),
        {
            **session_data(timezone.now(), timezone.now()),
            "starts_at": "2031-06-12T10:00",
            "ends_at": "2031-06-12T12:00",
        },  # fmt: skip
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.starts_at.isoformat() == "2031-06-12T08:00:00+00:00"


def test_an_end_before_the_start_is_refused_with_a_message(hr, training):
    start = timezone.localtime() + timedelta(days=3)
    response = hr.post(
        reverse("trainings:hr-session-create", kwargs={"pk": training.pk}),
        session_data(start, start - timedelta(hours=1)),
    )
    assert response.status_code == 200
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert not Session.objects.exists()


def test_a_capacity_below_the_seats_taken_is_refused_with_a_message(hr, emma, milan, session):
    services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    local = timezone.localtime(session.starts_at)
    response = hr.post(
        reverse("trainings:hr-session-edit", kwargs={"pk": session.pk}),
        session_data(local, local + timedelta(hours=2), capacity=1),
    )
    assert response.status_code == 200
    assert "Er zijn al 2 plekken bezet" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 2 and session.seats_taken == 2


def test_hr_cancels_a_session(hr, emma, session):
    services.enrolment_create(session=session, person=emma)
    response = hr.post(
        reverse("trainings:hr-session-cancel", kwargs={"pk": session.pk}), {"reason": "Ziek"}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled and session.seats_taken == 0


def test_departments_without_people_do_not_break_the_report(hr, history):
    DepartmentFactory(name="Leeg")
    assert hr.get(reverse("trainings:hr-report")).status_code == 200


def test_ratings_show_from_five_people_without_their_session_or_order(hr, history):
    """Three people rated: HR, who knows who sat in the session, sees no rating at all. From
    five, the ratings show, highest first, without the session each came from."""
    url = reverse("trainings:hr-training-feedback", kwargs={"pk": history.training_id})
    text = hr.get(url).content.decode()
    assert "van de 5" not in text and "minstens vijf mensen" in text
    comments_by(history, 2)
    text = hr.get(url).content.decode()
    assert "minstens vijf mensen" not in text
    shown = [int(r) for r in re.findall(r"<strong>(\d) van de 5</strong>", text)]
    assert shown == sorted(shown, reverse=True) and len(shown) == 5
    assert "sessie van" not in text


def test_the_export_hides_a_cell_its_department_total_would_give_away():
    """Per training and department the cells add up both ways. ICT's rating of the second
    training (one person) hides Communicatie's beside it (the training's total); then each
    department's other cell must go as well, or the department's row minus it gives the
    hidden one away."""
    from trainings.reports import Row, satisfaction_suppress

    def cell(training, department, raters):
        return Row(training_id=training, department_id=department, ratings=raters,
                   raters=raters, rating_sum=4.0 * raters)  # fmt: skip

    cells = [cell(1, "comm", 6), cell(2, "comm", 6), cell(1, "ict", 6), cell(2, "ict", 1)]
    satisfaction_suppress(cells, by=("training", "department"))
    assert [c.average_rating for c in cells] == [None, None, None, None]
    open_cells = [cell(1, "comm", 6), cell(2, "comm", 6), cell(1, "ict", 6), cell(2, "ict", 7)]
    satisfaction_suppress(open_cells, by=("training", "department"))
    assert [c.average_rating for c in open_cells] == [4.0, 4.0, 4.0, 4.0]
