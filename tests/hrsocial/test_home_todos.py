"""HR's to-dos on "Mijn overzicht": one panel with every app's to-dos, counts and links only,
and a fixed number of queries however much there is to do."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from competencies.models import Review
from helpdesk.models import Question
from hrsocial import home
from tests.competencies.factories import CycleFactory, ReviewFactory
from tests.factories import UserFactory
from tests.helpdesk.factories import QuestionFactory
from tests.trainings.factories import SessionFactory
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db


def todo_panel(html: str) -> str:
    start = html.index('aria-labelledby="panel-todos"')
    return html[start : html.index("</section>", start)]


def overdue(question):
    Question.objects.filter(pk=question.pk).update(
        response_warn_at=timezone.now() - datetime.timedelta(days=2),
        response_due_at=timezone.now() - datetime.timedelta(days=1),
    )


def past_session_with_unregistered_attendance(people):
    starts = timezone.now() - datetime.timedelta(days=3)
    session = SessionFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    for person in people:
        Enrolment.objects.create(session=session, person=person, status="booked", booked_at=starts)
    return session


def cycle_behind(people):
    today = timezone.localdate()
    cycle = CycleFactory(
        name="Najaarsronde",
        starts_on=today - datetime.timedelta(days=40),
        self_assessment_due=today - datetime.timedelta(days=20),
        ends_on=today + datetime.timedelta(days=10),
    )
    for person in people:
        ReviewFactory(cycle=cycle, employee=person)
    return cycle


def test_hr_sees_the_to_dos_of_every_app_with_links(client, emma, cas, hanna):
    QuestionFactory(asker=emma)  # nobody picked it up
    late = QuestionFactory(asker=cas, assignee=hanna, status="open")
    overdue(late)
    session = past_session_with_unregistered_attendance([emma, cas])
    cycle = cycle_behind([emma, cas])
    client.force_login(hanna)
    panel = todo_panel(client.get(reverse("home")).content.decode())
    queue = reverse("helpdesk:queue")
    assert f'<a href="{queue}?status=active&amp;assignee=none">1 vraag zonder behandelaar</a>' in (
        panel
    )
    assert f'<a href="{queue}?status=&amp;sla=overdue">1 over de reactietermijn</a>' in panel
    assert f'<a href="{queue}?status=active&amp;assignee=me">1 aan mij toegewezen</a>' in panel
    sessions = reverse("trainings:hr-sessions")
    assert (
        f'<a href="{sessions}?when=attendance">Aanwezigheid registreren voor 1 sessie</a>' in panel
    )
    assert (
        f'<a href="{cycle.get_absolute_url()}">Najaarsronde loopt achter: '
        "2 zelfbeoordelingen over de uiterste datum</a>"
    ) in panel
    # Counts and links only: nobody behind a question or a review is named.
    for person in (emma, cas):
        assert person.full_name not in panel
    assert session.training.title not in panel


def test_an_anonymous_question_is_counted_without_a_trace_of_its_asker(client, emma, hanna):
    QuestionFactory(asker=None, is_anonymous=True, asker_mailbox="x" * 64)
    client.force_login(hanna)
    panel = todo_panel(client.get(reverse("home")).content.decode())
    assert "1 vraag zonder behandelaar" in panel and emma.full_name not in panel


def test_a_confidential_question_counts_only_for_who_may_handle_it(client, emma):
    from tests.helpdesk.factories import hr_colleague

    colleague = hr_colleague()
    QuestionFactory(asker=emma, is_confidential=True, assignee=None)
    client.force_login(colleague)  # HR, not an HR lead: cannot see it
    assert 'aria-labelledby="panel-todos"' not in client.get(reverse("home")).content.decode()


def test_a_cycle_past_its_end_counts_the_reviews_not_done(client, emma, cas, hanna):
    cycle = cycle_behind([emma, cas])
    Review.objects.filter(cycle=cycle).update(status=Review.Status.AWAITING_REVIEW)
    cycle.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    cycle.save()
    client.force_login(hanna)
    panel = todo_panel(client.get(reverse("home")).content.decode())
    assert "Najaarsronde loopt achter: 2 beoordelingen niet gedaan na het einde van de ronde" in (
        panel
    )


def test_with_nothing_to_do_there_is_no_panel(client, hanna):
    client.force_login(hanna)
    assert 'aria-labelledby="panel-todos"' not in client.get(reverse("home")).content.decode()


def test_employees_alumni_and_freelancers_get_no_hr_to_dos(client, emma, milan, anouk, femke):
    QuestionFactory(asker=emma)
    past_session_with_unregistered_attendance([emma])
    cycle_behind([emma])
    for person in (emma, milan, anouk, femke):
        client.force_login(person)
        assert 'aria-labelledby="panel-todos"' not in client.get(reverse("home")).content.decode()


def test_the_panel_is_in_english_for_english_readers(client, emma, hanna):
    QuestionFactory(asker=emma)
    QuestionFactory(asker=emma)
    hanna.preferred_language = "en"
    hanna.save()
    client.force_login(hanna)
    panel = todo_panel(client.get(reverse("home")).content.decode())
    assert "To do" in panel and "2 questions without an assignee" in panel


def test_the_home_page_costs_the_same_queries_for_few_or_many_to_dos(
    client, hanna, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get(reverse("home"))  # warm the caches (roles, unread count)
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("home")).status_code == 200
        return len(context)

    def add(number):
        people = UserFactory.create_batch(number)
        for person in people:
            overdue(QuestionFactory(asker=person))
        past_session_with_unregistered_attendance(people)
        cycle_behind(people)

    client.force_login(hanna)
    add(2)
    few = queries()
    add(20)
    assert queries() == few


def test_a_new_app_adds_a_to_do_without_touching_shared_files(client, hanna):
    """What the coming news app will do for "blogs to moderate": register from its own
    home.py, nothing else."""

    @home.register_todo
    def blogs_to_moderate(request):
        if not request.user.is_hr:
            return []
        return [home.Todo(label="3 blogs te modereren", url="/news/moderate/", order=60)]

    try:
        client.force_login(hanna)
        panel = todo_panel(client.get(reverse("home")).content.decode())
        assert '<a href="/news/moderate/">3 blogs te modereren</a>' in panel
    finally:
        home._todo_providers.remove(blogs_to_moderate)
