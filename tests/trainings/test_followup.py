"""Reminders, feedback, attendance, e-learning and completed trainings on the profile."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hrsocial.plugins import beat_schedule
from notifications.models import Notification
from tests.trainings.factories import ElearningFactory
from trainings import services
from trainings.models import Completion, Enrolment, Feedback, Session
from trainings.tasks import send_feedback_requests, send_reminders


def move(session, *, starts_in: timedelta, hours: int = 2):
    start = timezone.now() + starts_in
    Session.objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=hours)
    )
    session.refresh_from_db()
    return session


@pytest.fixture
def finished(emma, session):
    """Emma had a seat in a session that ended an hour ago."""
    enrolment = services.enrolment_create(session=session, person=emma)
    enrolment.session = move(session, starts_in=-timedelta(hours=3))
    return enrolment


def test_the_reminder_goes_out_once_a_day_before(
    emma, milan, cas, session, django_capture_on_commit_callbacks
):
    services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    services.enrolment_create(session=session, person=cas)  # waitlist: no reminder
    assert send_reminders() == 0, "a week ahead: too early"

    with time_machine.travel(session.starts_at - timedelta(hours=20)):
        with django_capture_on_commit_callbacks(execute=True):
            assert send_reminders() == 2
        assert send_reminders() == 0, "only once"
    reminders = Notification.objects.filter(category="trainings.reminder")
    assert sorted(reminders.values_list("recipient__email", flat=True)) == [
        "emma@example.com",
        "milan@example.com",
    ]
    assert reminders.first().title == "Morgen: LinkedIn voor beginners"
    assert len(mail.outbox) == 2


def test_enrolling_on_the_day_itself_needs_no_separate_reminder(emma, session):
    move(session, starts_in=timedelta(hours=3))
    services.enrolment_create(session=session, person=emma)
    assert send_reminders() == 0


def test_a_feedback_request_goes_out_once_after_the_session(emma, finished):
    assert send_feedback_requests() == 1
    assert send_feedback_requests() == 0
    request = Notification.objects.get(category="trainings.feedback")
    assert request.recipient == emma
    assert request.url == finished.get_absolute_url()


def test_no_shows_are_not_asked_for_feedback(emma, hanna, finished):
    services.attendance_register(
        session=finished.session,
        registered_by=hanna,
        attendance={finished.pk: Enrolment.Attendance.NO_SHOW},
    )
    assert send_feedback_requests() == 0


def test_feedback_is_given_once_with_a_rating_from_one_to_five(client, emma, finished):
    client.force_login(emma)
    url = reverse("trainings:enrolment-feedback", kwargs={"pk": finished.pk})
    for bad in ("0", "6", "vijf", ""):
        response = client.post(url, {"rating": bad, "comment": "Leerzaam"})
        assert response.status_code == 200
        assert "Geef een cijfer van 1 tot en met 5." in response.content.decode()
    assert not Feedback.objects.exists()

    response = client.post(url, {"rating": "4", "comment": "Veel praktische tips"})
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.comment, feedback.department) == (
        4,
        "Veel praktische tips",
        emma.department,
    )
    response = client.get(url, follow=True)
    assert Feedback.objects.count() == 1
    assert "één keer" in response.content.decode()


def test_the_service_refuses_a_rating_outside_one_to_five(emma, finished):
    for bad in (0, 6, -1, "5"):
        with pytest.raises(ValidationError):
            services.feedback_give(
                person=emma,
                training=finished.session.training,
                session=finished.session,
                rating=bad,
            )
    assert not Feedback.objects.exists()


def test_feedback_needs_a_finished_session_you_attended(emma, cas, session):
    enrolment = services.enrolment_create(session=session, person=emma)
    training = session.training
    assert not services.feedback_allowed(person=emma, training=training, session=session)
    move(session, starts_in=-timedelta(hours=3))
    assert services.feedback_allowed(person=emma, training=training, session=session)
    assert not services.feedback_allowed(person=cas, training=training, session=session)
    assert enrolment.pk


def test_attendance_present_completes_the_training_and_shows_on_the_profile(
    client, emma, milan, cas, hanna, finished
):
    services.attendance_register(
        session=finished.session,
        registered_by=hanna,
        attendance={finished.pk: Enrolment.Attendance.PRESENT},
    )
    completion = Completion.objects.get(person=emma)
    assert completion.source == Completion.Source.ATTENDANCE

    profile = reverse("people:profile", kwargs={"pk": emma.pk})
    for viewer in (emma, milan, hanna):
        client.force_login(viewer)
        assert "LinkedIn voor beginners" in client.get(profile).content.decode()
    client.force_login(cas)
    page = client.get(profile).content.decode()
    assert "Afgeronde trainingen" not in page, "colleagues do not see someone's training history"


def test_correcting_present_to_no_show_removes_the_completion(emma, hanna, finished):
    session = finished.session
    services.attendance_register(
        session=session, registered_by=hanna, attendance={finished.pk: "present"}
    )
    services.attendance_register(
        session=session, registered_by=hanna, attendance={finished.pk: "no_show"}
    )
    assert not Completion.objects.exists()


def test_attendance_before_the_start_is_refused(emma, hanna, session):
    enrolment = services.enrolment_create(session=session, person=emma)
    with pytest.raises(ValidationError, match="begonnen"):
        services.attendance_register(
            session=session, registered_by=hanna, attendance={enrolment.pk: "present"}
        )
    with pytest.raises(ValidationError):
        move(session, starts_in=-timedelta(hours=3))
        services.attendance_register(
            session=session, registered_by=hanna, attendance={enrolment.pk: "maybe"}
        )
    enrolment.refresh_from_db()
    assert enrolment.attendance == Enrolment.Attendance.UNKNOWN


def test_hr_registers_attendance_on_the_session_page(client, emma, milan, hanna, session):
    first = services.enrolment_create(session=session, person=emma)
    second = services.enrolment_create(session=session, person=milan)
    move(session, starts_in=-timedelta(hours=3))
    client.force_login(hanna)
    url = reverse("trainings:hr-session-attendance", kwargs={"pk": session.pk})
    response = client.post(url, {f"e{first.pk}": "present", f"e{second.pk}": "no_show"})
    assert response.status_code == 302
    assert dict(session.enrolments.values_list("person__email", "attendance")) == {
        "emma@example.com": "present",
        "milan@example.com": "no_show",
    }
    assert list(Completion.objects.values_list("person__email", flat=True)) == ["emma@example.com"]


def test_an_elearning_is_marked_done_by_the_employee(client, emma):
    elearning = ElearningFactory(title="Privacy en sociale media")
    client.force_login(emma)
    response = client.post(reverse("trainings:elearning-done", kwargs={"pk": elearning.pk}))
    assert response.status_code == 302
    assert Completion.objects.get(person=emma).source == Completion.Source.ELEARNING
    feedback = reverse("trainings:elearning-feedback", kwargs={"pk": elearning.pk})
    client.post(feedback, {"rating": "5", "comment": ""})
    assert Feedback.objects.get().session is None


def test_a_classroom_training_cannot_be_marked_done(client, emma, training):
    client.force_login(emma)
    response = client.post(
        reverse("trainings:elearning-done", kwargs={"pk": training.pk}), follow=True
    )
    assert "Alleen een e-learning" in response.content.decode()
    assert not Completion.objects.exists()


def test_the_periodic_tasks_are_scheduled():
    tasks = {entry["task"] for entry in beat_schedule().values()}
    assert {"trainings.tasks.send_reminders", "trainings.tasks.send_feedback_requests"} <= tasks
