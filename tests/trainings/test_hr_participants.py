"""HR changes one participant: cancels a seat with a reason the person reads, or moves them
to another session; a session in the past asks for confirmation (in the service too)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from hrsocial.models import AuditEntry
from notifications.models import Notification
from tests.factories import UserFactory
from tests.trainings.factories import PaidTrainingFactory, SessionFactory
from trainings import services
from trainings.models import Enrolment

Status = Enrolment.Status
REASON = "Je staat die dag ingeroosterd voor de jaarafsluiting."


@pytest.fixture
def hr(client, hanna):
    client.force_login(hanna)
    return client


@pytest.fixture
def later(training):
    start = timezone.now() + timedelta(days=21)
    return SessionFactory(training=training, capacity=2, starts_at=start)


def past_session(training):
    start = timezone.now() - timedelta(days=3)
    return SessionFactory(training=training, starts_at=start, ends_at=start + timedelta(hours=2))


def booked_in_the_past(session, person):
    enrolment = Enrolment.objects.create(
        session=session, person=person, status=Status.BOOKED, booked_at=session.starts_at
    )
    session.seats_taken += 1
    session.save(update_fields=["seats_taken"])
    return enrolment


def test_hr_cancels_a_seat_with_a_reason_the_participant_reads_and_the_waitlist_moves_up(
    hr, client, hanna, emma, milan, cas, session, django_capture_on_commit_callbacks
):
    seat = services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    waiting = services.enrolment_create(session=session, person=cas)

    with django_capture_on_commit_callbacks(execute=True):
        response = hr.post(reverse("trainings:hr-seat-cancel", args=[seat.pk]), {"reason": REASON})

    assert response.status_code == 302
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert seat.status == Status.CANCELLED and seat.cancelled_by == hanna
    assert seat.cancel_reason == REASON
    assert waiting.status == Status.BOOKED, "the first on the waitlist got the seat"
    session.refresh_from_db()
    assert session.seats_taken == 2
    # The notification has the reason, and the e-mail drops the event from her calendar.
    notification = Notification.objects.get(recipient=emma, title__contains="geannuleerd")
    assert notification.title == "HR heeft je inschrijving voor LinkedIn voor beginners geannuleerd"
    assert REASON in notification.body
    (message,) = [m for m in mail.outbox if m.to == ["emma@example.com"]]
    assert "STATUS:CANCELLED" in message.attachments[0][1]
    # Her page says who cancelled and why.
    client.force_login(emma)
    page = client.get(seat.get_absolute_url()).content.decode()
    assert "Geannuleerd door HR" in page and REASON in page
    entry = AuditEntry.objects.get(action="trainings.seat_cancel")
    assert entry.actor == hanna and entry.target_id == str(seat.pk)


def test_a_seat_is_not_cancelled_without_a_reason(hr, emma, session):
    seat = services.enrolment_create(session=session, person=emma)
    response = hr.post(reverse("trainings:hr-seat-cancel", args=[seat.pk]), {"reason": "  "})
    assert response.status_code == 200
    assert "Geef de reden" in response.content.decode()
    seat.refresh_from_db()
    assert seat.is_booked
    with pytest.raises(ValidationError):
        services.seat_cancel(enrolment=seat, cancelled_by=UserFactory(), reason="")


def test_only_hr_cancels_someone_elses_seat(emma, milan, session):
    seat = services.enrolment_create(session=session, person=emma)
    with pytest.raises(PermissionDenied):
        services.seat_cancel(enrolment=seat, cancelled_by=milan, reason=REASON)
    seat.refresh_from_db()
    assert seat.is_booked


def test_a_session_in_the_past_needs_the_confirmation_also_without_the_form(
    hr, hanna, emma, training
):
    session = past_session(training)
    seat = booked_in_the_past(session, emma)
    url = reverse("trainings:hr-seat-cancel", args=[seat.pk])

    page = hr.get(reverse("trainings:hr-enrolment", args=[seat.pk])).content.decode()
    assert 'name="past_confirmed"' in page

    response = hr.post(url, {"reason": REASON})
    assert response.status_code == 200
    assert "Vink het vakje aan" in response.content.decode()
    seat.refresh_from_db()
    assert seat.is_booked
    with pytest.raises(ValidationError) as refused:
        services.seat_cancel(enrolment=seat, cancelled_by=hanna, reason=REASON)
    assert refused.value.code == "confirm_past"

    response = hr.post(url, {"reason": REASON, "past_confirmed": "on"})
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.status == Status.CANCELLED
    assert AuditEntry.objects.get(action="trainings.seat_cancel").detail["past"] is True


def test_someone_registered_as_present_keeps_the_seat(hanna, emma, training):
    session = past_session(training)
    seat = booked_in_the_past(session, emma)
    services.attendance_register(
        session=session, registered_by=hanna, attendance={seat.pk: Enrolment.Attendance.PRESENT}
    )
    with pytest.raises(ValidationError) as refused:
        services.seat_cancel(enrolment=seat, cancelled_by=hanna, reason=REASON, past_confirmed=True)
    assert refused.value.code == "present"


def test_hr_moves_a_person_to_a_session_with_a_free_seat(
    hr, client, hanna, emma, milan, cas, session, later, django_capture_on_commit_callbacks
):
    seat = services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    waiting = services.enrolment_create(session=session, person=cas)

    with django_capture_on_commit_callbacks(execute=True):
        response = hr.post(
            reverse("trainings:hr-enrolment-move", args=[seat.pk]), {"to_session": later.pk}
        )

    assert response.status_code == 302
    moved = Enrolment.objects.get(session=later, person=emma)
    assert moved.is_confirmed
    seat.refresh_from_db()
    assert seat.status == Status.CANCELLED and seat.moved_to == moved
    waiting.refresh_from_db()
    assert waiting.is_booked, "the seat she left went to the old session's waitlist"
    for one in (session, later):
        one.refresh_from_db()
        assert one.seats_taken == one.enrolments.booked().count()
    notification = Notification.objects.get(recipient=emma, title__startswith="HR heeft je")
    assert notification.url == moved.get_absolute_url()
    assert "Je hebt daar een plek." in notification.body
    (message,) = [m for m in mail.outbox if m.to == ["emma@example.com"]]
    assert "STATUS:CONFIRMED" in message.attachments[0][1], "the new session's invitation"
    client.force_login(emma)
    page = client.get(seat.get_absolute_url()).content.decode()
    assert moved.get_absolute_url() in page
    assert "HR heeft je naar een andere sessie verplaatst." in page and "Reden:" not in page
    entry = AuditEntry.objects.get(action="trainings.enrolment_move")
    assert entry.detail["from_session"] == session.pk and entry.detail["to_session"] == later.pk


def test_a_move_to_a_full_session_puts_the_person_on_its_waitlist(
    hanna, emma, milan, cas, session, later
):
    for person in (milan, cas):
        services.enrolment_create(session=later, person=person)
    seat = services.enrolment_create(session=session, person=emma)
    moved = services.enrolment_move(enrolment=seat, to_session=later, moved_by=hanna)
    assert moved.is_waitlisted
    later.refresh_from_db()
    session.refresh_from_db()
    assert (later.seats_taken, session.seats_taken) == (2, 0)
    body = Notification.objects.get(recipient=emma, title__startswith="HR heeft je").body
    assert "wachtlijst" in body


def test_the_managers_approval_moves_along(hanna, emma, milan):
    paid = PaidTrainingFactory()
    first, second = SessionFactory(training=paid), SessionFactory(training=paid)
    seat = services.enrolment_create(session=first, person=emma)
    services.enrolment_approve(enrolment=seat, approver=milan)
    moved = services.enrolment_move(enrolment=seat, to_session=second, moved_by=hanna)
    assert moved.approval == Enrolment.Approval.APPROVED and moved.is_confirmed


@pytest.mark.parametrize("case", ["other training", "same session", "cancelled", "started"])
def test_a_move_is_refused_and_nothing_changes(hanna, emma, session, training, case):
    seat = services.enrolment_create(session=session, person=emma)
    if case == "other training":
        target = SessionFactory()
    elif case == "same session":
        target = session
    elif case == "cancelled":
        target = SessionFactory(training=training)
        services.session_cancel(session=target, cancelled_by=hanna)
    else:
        target = past_session(training)
    with pytest.raises(ValidationError):
        services.enrolment_move(enrolment=seat, to_session=target, moved_by=hanna)
    seat.refresh_from_db()
    assert seat.is_booked
    assert not Enrolment.objects.filter(session=target, person=emma).exclude(pk=seat.pk).exists()


def test_the_move_form_offers_only_other_upcoming_sessions_of_the_training(
    hr, emma, session, later, training
):
    past_session(training)
    SessionFactory()  # another training
    seat = services.enrolment_create(session=session, person=emma)
    response = hr.get(reverse("trainings:hr-enrolment", args=[seat.pk]))
    offered = list(response.context["move_form"].fields["to_session"].queryset)
    assert offered == [later]


def test_the_participant_page_and_actions_are_for_hr_only(client, emma, milan, session):
    seat = services.enrolment_create(session=session, person=emma)
    client.force_login(milan)
    assert client.get(reverse("trainings:hr-enrolment", args=[seat.pk])).status_code == 403
    response = client.post(reverse("trainings:hr-seat-cancel", args=[seat.pk]), {"reason": REASON})
    assert response.status_code == 403
    seat.refresh_from_db()
    assert seat.is_booked


def test_editing_a_session_in_the_past_needs_the_confirmation(hr, hanna, emma, training):
    session = past_session(training)
    booked_in_the_past(session, emma)
    url = reverse("trainings:hr-session-edit", args=[session.pk])
    data = {
        "starts_at": timezone.localtime(session.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(session.ends_at).strftime("%Y-%m-%dT%H:%M"),
        "location": session.location,
        "trainer": "Iemand anders",
        "capacity": session.capacity,
    }
    response = hr.post(url, data)
    assert response.status_code == 200
    assert "Vink het vakje aan" in response.content.decode()
    session.refresh_from_db()
    assert session.trainer == "Sanne Bos"
    with pytest.raises(ValidationError):
        services.session_update(session=session, changed_by=hanna, trainer="Iemand anders")

    response = hr.post(url, {**data, "past_confirmed": "on"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.trainer == "Iemand anders"
    assert AuditEntry.objects.get(action="trainings.session_update").detail["past"] is True
    assert not Notification.objects.filter(recipient=emma).exists(), "a correction, not news"
