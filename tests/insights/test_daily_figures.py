"""The nightly builder turns the practice apps' daily aggregates into DailyFigure rows."""

import datetime

from django.utils import timezone

from helpdesk.models import SelfServiceResolution
from insights.figures import Selection, dashboard
from insights.models import DailyFigure
from insights.privacy import publish
from insights.services import daily_figures_build
from insights.tasks import build_daily_figures
from tests.helpdesk.factories import QuestionFactory
from tests.insights.helpers import department
from tests.trainings.factories import SessionFactory
from trainings.models import Enrolment


def yesterday_noon():
    day = timezone.localdate() - datetime.timedelta(days=1)
    zone = timezone.get_current_timezone()
    return day, datetime.datetime.combine(day, datetime.time(12), tzinfo=zone)


def test_it_counts_questions_and_first_responses_per_department_of_the_askers(db):
    sales = department("Sales", 6)
    day, noon = yesterday_noon()
    askers = list(sales.members.all())
    for asker in askers[:3]:
        QuestionFactory(asker=asker, created_at=noon - datetime.timedelta(hours=4),
                        first_responded_at=noon)  # fmt: skip
    QuestionFactory(asker=None, is_anonymous=True, created_at=noon)
    SelfServiceResolution.objects.create(source="faq", object_id=1, title="Tweeten")

    daily_figures_build(day=day)

    questions = {
        r.department_id: r.amount for r in DailyFigure.objects.filter(figure="helpdesk.questions")
    }
    assert questions == {sales.pk: 3, None: 1}
    hours = DailyFigure.objects.get(figure="helpdesk.first_response_hours", department=sales)
    assert (hours.amount, hours.base) == (12.0, 3)


def test_it_counts_enrolments_per_department(db):
    sales = department("Sales", 6)
    day, noon = yesterday_noon()
    session = SessionFactory()
    for person in sales.members.all()[:2]:
        Enrolment.objects.create(session=session, person=person, status="booked",
                                 created_at=noon, booked_at=noon)  # fmt: skip
    daily_figures_build(day=day)
    assert DailyFigure.objects.get(figure="trainings.enrolments", department=sales).amount == 2


def test_it_rebuilds_a_day_instead_of_adding_to_it(db):
    sales = department("Sales", 6)
    day, noon = yesterday_noon()
    QuestionFactory(asker=sales.members.first(), created_at=noon)
    daily_figures_build(day=day)
    daily_figures_build(day=day)
    assert DailyFigure.objects.filter(figure="helpdesk.questions").count() == 1


def test_it_runs_as_a_periodic_task_declared_by_the_app():
    from hrsocial.plugins import beat_schedule

    assert beat_schedule()["insights-daily-figures"]["task"] == "insights.tasks.build_daily_figures"
    assert callable(build_daily_figures)


def test_it_reads_the_whole_dashboard_with_the_same_queries_for_more_departments(
    db, django_assert_max_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            publish(dashboard(Selection(start=timezone.localdate() - datetime.timedelta(days=365),
                                        end=timezone.localdate())))  # fmt: skip
        return len(captured)

    department("Een", 6)
    few = queries()
    for n in range(6):
        dept = department(f"Afdeling {n}", 5)
        for days in range(0, 300, 7):
            day = timezone.localdate() - datetime.timedelta(days=days)
            DailyFigure.objects.create(
                day=day, figure="helpdesk.questions", department=dept, amount=2
            )
    # departments 2, sums 2; the people behind figures over events (Section.people): sharing 1,
    # competencies 2 (the reviewed, the cycles), trainings 3, helpdesk 2, recruitment 3 (the
    # candidates who applied, were hired, the sharers whose vacancy links were clicked)
    assert queries() == few <= 15


def test_it_renders_the_dashboard_page_with_as_many_queries_for_fifty_departments(client, hanna):
    from tests.queries import count_queries

    client.force_login(hanna)
    for n in range(5):
        figure_everywhere(department(f"Klein {n}", 5))
    few = count_queries(client, "/insights/")
    for n in range(45):
        figure_everywhere(department(f"Groot {n}", 5))
    assert count_queries(client, "/insights/") == few


def figure_everywhere(dept):
    for days in range(1, 60, 10):
        DailyFigure.objects.create(
            day=timezone.localdate() - datetime.timedelta(days=days),
            figure="trainings.enrolments", department=dept, amount=1,
        )  # fmt: skip
