"""The trainings panels on "Mijn overzicht" and the section on the profile."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.queries import count_queries
from tests.trainings.factories import PaidTrainingFactory, SessionFactory, TrainingFactory
from trainings import services
from trainings.models import Session


def home(client, person):
    client.force_login(person)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_employee_sees_upcoming_sessions_proposals_and_feedback(client, emma, milan, session):
    services.enrolment_create(session=session, person=emma)
    services.training_propose(
        training=TrainingFactory(title="Schrijven voor sociale media"),
        employee=emma,
        proposed_by=milan,
    )
    past = SessionFactory(training=TrainingFactory(title="Personal branding"))
    enrolment = services.enrolment_create(session=past, person=emma)
    start = timezone.now() - timedelta(days=1)
    Session.objects.filter(pk=past.pk).update(starts_at=start, ends_at=start + timedelta(hours=1))
    services.feedback_requests_send()

    page = home(client, emma)
    assert "Je trainingen" in page
    assert "LinkedIn voor beginners" in page
    assert "Schrijven voor sociale media" in page
    assert reverse("trainings:enrolment-feedback", kwargs={"pk": enrolment.pk}) in page


def test_nothing_to_show_means_no_panel(client, cas):
    assert "Je trainingen" not in home(client, cas)


def test_a_freed_seat_within_a_day_is_offered_on_the_home_page(client, emma, milan, cas, linkedin):
    session = SessionFactory(capacity=1, starts_at=timezone.now() + timedelta(hours=10))
    first = services.enrolment_create(session=session, person=cas)
    services.enrolment_create(session=session, person=emma)
    services.enrolment_cancel(enrolment=first, cancelled_by=cas)
    assert "Neem hem" in home(client, emma)


def test_the_manager_approves_paid_trainings_on_the_home_page(client, emma, milan):
    session = SessionFactory(training=PaidTrainingFactory(title="Personal branding"))
    enrolment = services.enrolment_create(session=session, person=emma)
    page = home(client, milan)
    assert "Trainingsaanvragen om goed te keuren" in page
    assert "Personal branding" in page

    response = client.post(
        reverse("trainings:enrolment-approve", kwargs={"pk": enrolment.pk}), {"next": "/"}
    )
    assert response["Location"] == "/"
    enrolment.refresh_from_db()
    assert enrolment.is_confirmed
    assert "Trainingsaanvragen om goed te keuren" not in home(client, milan)


def test_declining_without_a_reason_is_refused_on_the_home_page(client, emma, milan):
    session = SessionFactory(training=PaidTrainingFactory())
    enrolment = services.enrolment_create(session=session, person=emma)
    client.force_login(milan)
    response = client.post(
        reverse("trainings:enrolment-decline", kwargs={"pk": enrolment.pk}),
        {"reason": ""},
        follow=True,
    )
    assert "Laat je collega weten waarom." in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.awaits_approval


def home_queries(client, manager, reports: int) -> int:
    for _number in range(reports):
        person = UserFactory(manager=manager)
        services.enrolment_create(
            session=SessionFactory(training=PaidTrainingFactory()), person=person
        )
        services.enrolment_create(session=SessionFactory(), person=manager)
    client.force_login(manager)
    return count_queries(client, reverse("home"))


def test_the_home_panels_run_a_fixed_number_of_queries(client, milan):
    assert home_queries(client, milan, 2) == home_queries(client, milan, 12)


def test_the_profile_section_runs_a_fixed_number_of_queries(client, emma, hanna):
    def profile_queries():
        client.force_login(hanna)
        return count_queries(client, reverse("people:profile", kwargs={"pk": emma.pk}))

    def complete(n):
        for _ in range(n):
            services.elearning_complete(
                training=TrainingFactory(format="elearning", elearning_url="https://x.nl"),
                person=emma,
            )

    complete(2)
    few = profile_queries()
    complete(10)
    assert profile_queries() == few
