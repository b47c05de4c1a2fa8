"""A rate or average over events one person can repeat (clicks per share) is gated by the
number of PEOPLE behind it, which the section counts at request time (`Section.people`), not
by its base: six shares by two people show no click-through, however many clicks."""

import datetime

import pytest
from django.utils import timezone

from insights import figures
from insights.figures import Selection
from insights.privacy import publish
from tests.insights.helpers import days_ago, department
from tests.sharing.factories import KitFactory, ShareFactory


def breakdown(dashboard, key):
    return next(b for s in dashboard.sections for b in s.breakdowns if b.key == key)


def series(dashboard, key):
    return next(x for s in dashboard.sections for x in s.series if x.key == key)


def at(days):
    day = days_ago(days)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())


def shares_by(dept, sharers: int, shares: int, clicks: int, channel="linkedin"):
    """`shares` links made by the first `sharers` people of `dept`, with `clicks` clicks in
    the daily figures (as the nightly build would write them)."""
    from insights.models import DailyFigure

    people = list(dept.members.order_by("pk"))[:sharers]
    for n in range(shares):
        ShareFactory(sharer=people[n % sharers], department=dept, channel=channel,
                     kit=KitFactory(), created_at=at(10))  # fmt: skip
    for key in ("sharing.click_through", f"sharing.click_through_{channel}"):
        DailyFigure.objects.create(
            day=days_ago(10), figure=key, department=dept, amount=clicks, base=shares
        )


def period():
    return Selection(start=days_ago(60), end=days_ago(1))


@pytest.fixture
def departments(db):
    return department("Deel", 12), department("Groot", 20), department("Groter", 30)


def test_six_shares_by_two_people_show_no_click_through(departments):
    deel, groot, groter = departments
    shares_by(deel, sharers=2, shares=6, clicks=120)
    shares_by(groot, sharers=8, shares=8, clicks=40)
    shares_by(groter, sharers=9, shares=9, clicks=45)

    shown = publish(figures.dashboard(period()))
    rows = dict(breakdown(shown, "sharing.click_through").rows)
    assert rows["Deel"].hidden and rows["Deel"].value is None
    # Complementary suppression still works: beside the total, the next-smallest is hidden.
    assert rows["Groot"].hidden
    assert rows["Groter"].value == 5
    channel = dict(breakdown(shown, "sharing.click_through_linkedin").rows)
    assert channel["Deel"].hidden

    chosen = Selection(start=days_ago(60), end=days_ago(1), department=deel.pk)
    alone = series(publish(figures.dashboard(chosen)), "sharing.click_through")
    assert alone.total.hidden
    assert all(cell.hidden for cell in alone.cells)


def test_six_shares_by_five_people_show_their_click_through(departments):
    deel, groot, groter = departments
    shares_by(deel, sharers=5, shares=6, clicks=120)
    shares_by(groot, sharers=8, shares=8, clicks=40)
    shares_by(groter, sharers=9, shares=9, clicks=45)

    rows = dict(breakdown(publish(figures.dashboard(period())), "sharing.click_through").rows)
    assert rows["Deel"].value == 20
    assert rows["Groot"].value == 5
    assert rows["Groter"].value == 5

    chosen = Selection(start=days_ago(60), end=days_ago(1), department=deel.pk)
    alone = series(publish(figures.dashboard(chosen)), "sharing.click_through")
    assert alone.total.value == 20


def no_shows_by(dept, people: int, enrolments: int):
    """`enrolments` no-shows of the first `people` of `dept` in sessions that ended ten days
    ago, and the daily figure the nightly build would have written for them."""
    from insights.models import DailyFigure
    from tests.trainings.factories import SessionFactory
    from trainings.models import Enrolment

    members = list(dept.members.order_by("pk"))[:people]
    for n in range(enrolments):
        session = SessionFactory(starts_at=at(10) - datetime.timedelta(hours=2), ends_at=at(10))
        Enrolment.objects.create(
            session=session, person=members[n % people], status="booked",
            attendance="no_show", created_at=at(20), booked_at=at(20),
        )  # fmt: skip
    DailyFigure.objects.create(day=days_ago(10), figure="trainings.no_show_rate",
                               department=dept, amount=enrolments, base=enrolments)  # fmt: skip


@pytest.mark.parametrize(("people", "shown"), [(1, False), (5, True)])
def test_no_shows_of_one_person_in_eight_sessions_show_no_rate(departments, people, shown):
    deel, groot, groter = departments
    no_shows_by(deel, people, 8)
    no_shows_by(groot, 8, 8)
    no_shows_by(groter, 9, 9)
    rows = dict(breakdown(publish(figures.dashboard(period())), "trainings.no_show_rate").rows)
    assert rows["Deel"].hidden is not shown
    assert rows["Groter"].value == 100


def reviews_of(dept, people: int, competencies: int):
    """Reviews done ten days ago of the first `people` of `dept`, each with `competencies`
    lines a level under the required one, and the daily figure built from them."""
    from competencies.models import AssessmentLine, Review
    from insights.models import DailyFigure
    from tests.competencies.factories import CompetencyFactory, ReviewFactory

    known = [CompetencyFactory() for _n in range(competencies)]
    for person in list(dept.members.order_by("pk"))[:people]:
        review = ReviewFactory(employee=person, status=Review.Status.REVIEWED, reviewed_at=at(10))
        for competency in known:
            AssessmentLine.objects.create(review=review, competency=competency, self_level=2,
                                          manager_level=2, required_level=3)  # fmt: skip
    lines = people * competencies
    DailyFigure.objects.create(day=days_ago(10), figure="competencies.average_gap",
                               department=dept, amount=lines, base=lines)  # fmt: skip


@pytest.mark.parametrize(("people", "shown"), [(2, False), (5, True)])
def test_the_gaps_of_two_people_over_many_competencies_show_no_average(departments, people, shown):
    deel, groot, groter = departments
    reviews_of(deel, people, 6)
    reviews_of(groot, 8, 1)
    reviews_of(groter, 9, 1)
    rows = dict(breakdown(publish(figures.dashboard(period())), "competencies.average_gap").rows)
    assert rows["Deel"].hidden is not shown
    assert rows["Groter"].value == 1


def answered_for(dept, askers: int, questions: int):
    """`questions` of the first `askers` of `dept` first answered ten days ago after four
    hours, and the daily figure built from them."""
    from helpdesk.models import Question
    from insights.models import DailyFigure
    from tests.helpdesk.factories import ask

    members = list(dept.members.order_by("pk"))[:askers]
    for n in range(questions):
        question, _token = ask(members[n % askers])
        Question.objects.filter(pk=question.pk).update(
            created_at=at(10) - datetime.timedelta(hours=4), first_responded_at=at(10)
        )
    DailyFigure.objects.create(day=days_ago(10), figure="helpdesk.first_response_hours",
                               department=dept, amount=4 * questions, base=questions)  # fmt: skip


@pytest.mark.parametrize(("askers", "shown"), [(1, False), (5, True)])
def test_six_questions_of_one_asker_show_no_response_time(departments, askers, shown):
    deel, groot, groter = departments
    answered_for(deel, askers, 6)
    answered_for(groot, 8, 8)
    answered_for(groter, 9, 9)
    table = breakdown(publish(figures.dashboard(period())), "helpdesk.first_response_hours")
    rows = dict(table.rows)
    assert rows["Deel"].hidden is not shown
    assert rows["Groter"].value == 4


def ratings_by(dept, people: int, ratings: int):
    """`ratings` ratings of 4 given ten days ago by the first `people` of `dept` (one per
    session, as the form allows), and the daily figure built from them."""
    from insights.models import DailyFigure
    from tests.trainings.factories import SessionFactory
    from trainings.models import Feedback

    members = list(dept.members.order_by("pk"))[:people]
    for n in range(ratings):
        session = SessionFactory(starts_at=at(11), ends_at=at(11) + datetime.timedelta(hours=2))
        feedback = Feedback.objects.create(person=members[n % people], training=session.training,
                                           session=session, department=dept, rating=4)  # fmt: skip
        Feedback.objects.filter(pk=feedback.pk).update(created_at=at(10))
    DailyFigure.objects.create(day=days_ago(10), figure="trainings.satisfaction",
                               department=dept, amount=4 * ratings, base=ratings)  # fmt: skip


@pytest.mark.parametrize(("people", "shown"), [(1, False), (4, False), (5, True)])
def test_many_ratings_of_few_people_show_no_satisfaction(departments, people, shown):
    deel, groot, groter = departments
    ratings_by(deel, people, 8)
    ratings_by(groot, 8, 8)
    ratings_by(groter, 9, 9)
    shown_dashboard = publish(figures.dashboard(period()))
    rows = dict(breakdown(shown_dashboard, "trainings.satisfaction").rows)
    assert rows["Deel"].hidden is not shown
    # Beside the organisation's figure the next-smallest is hidden too (no subtraction).
    assert rows["Groot"].hidden is not shown
    assert rows["Groter"].value == 4

    chosen = Selection(start=days_ago(60), end=days_ago(1), department=deel.pk)
    alone = series(publish(figures.dashboard(chosen)), "trainings.satisfaction")
    assert alone.total.hidden is not shown


def cycle_of(dept, people: int, days: int = 20):
    """A cycle open from thirty days ago with reviews for the first `people` of `dept`, half
    of them done, and its daily progress rows over `days` days (as the nightly build writes
    them: every day the reviews of the open cycles, so the base grows with the days)."""
    from competencies.models import Review
    from insights.models import DailyFigure
    from tests.competencies.factories import CycleFactory, ReviewFactory

    cycle = CycleFactory(
        starts_on=days_ago(30), self_assessment_due=days_ago(20), ends_on=days_ago(1)
    )
    members = list(dept.members.order_by("pk"))[:people]
    for n, person in enumerate(members):
        done = n % 2 == 0
        ReviewFactory(cycle=cycle, employee=person,
                      status=Review.Status.REVIEWED if done else Review.Status.SELF_ASSESSMENT,
                      reviewed_at=at(25) if done else None)  # fmt: skip
    reviewed = sum(1 for n in range(people) if n % 2 == 0)
    for day in range(days):
        DailyFigure.objects.create(day=days_ago(25 - day), figure="competencies.cycle_progress",
                                   department=dept, amount=reviewed, base=people)  # fmt: skip


@pytest.mark.parametrize(("people", "shown"), [(2, False), (4, False), (5, True)])
def test_cycle_progress_of_few_people_over_many_days_shows_nothing(departments, people, shown):
    deel, groot, groter = departments
    cycle_of(deel, people)
    cycle_of(groot, 8)
    cycle_of(groter, 10)

    rows = dict(breakdown(publish(figures.dashboard(period())), "competencies.cycle_progress").rows)
    assert rows["Deel"].hidden is not shown
    # The organisation minus the others would give Deel's figure: the next-smallest goes too.
    assert rows["Groot"].hidden is not shown
    assert rows["Groter"].value == 50

    chosen = Selection(start=days_ago(60), end=days_ago(1), department=deel.pk)
    alone = series(publish(figures.dashboard(chosen)), "competencies.cycle_progress")
    assert alone.total.hidden is not shown
    if not shown:
        assert all(cell.hidden for cell in alone.cells)


def test_cycle_progress_of_a_department_of_four_shows_nothing(departments):
    four = department("Vier", 4)
    deel, groot, groter = departments
    cycle_of(four, 4)
    cycle_of(deel, 12)
    cycle_of(groot, 8)
    cycle_of(groter, 10)
    rows = dict(breakdown(publish(figures.dashboard(period())), "competencies.cycle_progress").rows)
    assert rows["Vier"].hidden and rows["Groot"].hidden
    assert rows["Deel"].value == 50


def test_overlapping_cycles_count_the_largest_not_their_sum(db):
    from competencies.api import cycle_people
    from tests.competencies.factories import CycleFactory, ReviewFactory

    dept = department("Deel", 12)
    people = list(dept.members.order_by("pk"))
    first = CycleFactory(
        starts_on=days_ago(40), self_assessment_due=days_ago(30), ends_on=days_ago(5)
    )
    second = CycleFactory(
        starts_on=days_ago(20), self_assessment_due=days_ago(10), ends_on=days_ago(1)
    )
    for person in people[:3]:  # the same three people in both cycles
        ReviewFactory(cycle=first, employee=person)
        ReviewFactory(cycle=second, employee=person)
    other = department("Ander", 6)
    third = CycleFactory(starts_on=days_ago(20), self_assessment_due=days_ago(10),
                         ends_on=days_ago(1))  # fmt: skip
    for person in other.members.all():
        ReviewFactory(cycle=third, employee=person)
    found = cycle_people(days_ago(60), days_ago(1), "month")
    # Departments share nobody: the organisation adds up its departments' largest cycles.
    assert found["period"] == {dept.pk: 3, other.pk: 6, "organisation": 9}
    assert found[days_ago(1).replace(day=1)][dept.pk] == 3
