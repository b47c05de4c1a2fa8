"""Seats and waitlists: enrolling, cancelling, the freed seat, and the manager's decision."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from tests.factories import UserFactory
from tests.trainings.factories import PaidTrainingFactory, SessionFactory
from trainings import services
from trainings.models import Enrolment, Proposal, Session

Status = Enrolment.Status


def seats_match(session):
    """The kept count equals the real number of seats."""
    session.refresh_from_db()
    assert session.seats_taken == session.enrolments.booked().count()


def titles(person):
    return list(Notification.objects.filter(recipient=person).values_list("title", flat=True))


def test_it_gives_a_seat_and_confirms_with_a_calendar_invitation(
    emma, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrolment_create(session=session, person=emma)
    assert enrolment.status == Status.BOOKED and enrolment.is_confirmed
    seats_match(session)
    (message,) = mail.outbox
    assert message.subject == "Je bent ingeschreven voor LinkedIn voor beginners"
    ((filename, content, mimetype),) = message.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content and "SUMMARY:LinkedIn voor beginners" in content


def test_a_full_session_puts_people_on_the_waitlist_in_order(emma, milan, cas, session):
    services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    third = services.enrolment_create(session=session, person=cas)
    fourth = services.enrolment_create(session=session, person=UserFactory())
    assert third.status == fourth.status == Status.WAITLISTED
    positions = dict(
        Enrolment.objects.waitlisted().with_position().values_list("person__email", "position")
    )
    assert positions == {"cas@example.com": 1, fourth.person.email: 2}
    seats_match(session)


def test_a_cancelled_seat_goes_to_the_first_on_the_waitlist_who_is_told(
    emma, milan, cas, session, django_capture_on_commit_callbacks
):
    first = services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    waiting = services.enrolment_create(session=session, person=cas)
    second_waiting = services.enrolment_create(session=session, person=UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_cancel(enrolment=first, cancelled_by=emma)

    waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert waiting.status == Status.BOOKED
    assert second_waiting.status == Status.WAITLISTED
    assert titles(cas) == ["Je hebt een plek bij LinkedIn voor beginners"]
    (message,) = [m for m in mail.outbox if m.to == ["cas@example.com"]]
    assert message.attachments, "the seat from the waitlist comes with the calendar invitation"
    seats_match(session)


def test_within_a_day_a_freed_seat_is_offered_to_the_whole_waitlist(emma, milan, cas, linkedin):
    session = SessionFactory(
        training__develops=[(linkedin, 2)],
        capacity=1,
        starts_at=timezone.now() + timedelta(hours=20),
    )
    first = services.enrolment_create(session=session, person=emma)
    milan_waits = services.enrolment_create(session=session, person=milan)
    cas_waits = services.enrolment_create(session=session, person=cas)

    services.enrolment_cancel(enrolment=first, cancelled_by=emma)

    milan_waits.refresh_from_db()
    assert milan_waits.status == Status.WAITLISTED, "nobody gets it automatically"
    for person in (milan, cas):
        assert any("wie het eerst komt" in t for t in titles(person))

    services.enrolment_claim(enrolment=cas_waits)
    with pytest.raises(ValidationError, match="Iemand anders was sneller"):
        services.enrolment_claim(enrolment=milan_waits)
    cas_waits.refresh_from_db()
    milan_waits.refresh_from_db()
    assert (cas_waits.status, milan_waits.status) == (Status.BOOKED, Status.WAITLISTED)
    seats_match(session)


def test_enrolling_twice_is_refused_and_changes_nothing(emma, session):
    services.enrolment_create(session=session, person=emma)
    with pytest.raises(ValidationError, match="al ingeschreven"):
        services.enrolment_create(session=session, person=emma)
    assert session.enrolments.count() == 1
    seats_match(session)


def test_enrolling_in_a_past_or_cancelled_session_is_refused(emma, hanna, training):
    past = SessionFactory(
        training=training,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(days=1) + timedelta(hours=2),
    )
    with pytest.raises(ValidationError, match="al begonnen"):
        services.enrolment_create(session=past, person=emma)
    cancelled = SessionFactory(training=training)
    services.session_cancel(session=cancelled, cancelled_by=hanna)
    with pytest.raises(ValidationError, match="geannuleerd"):
        services.enrolment_create(session=cancelled, person=emma)
    assert not Enrolment.objects.exists()


def test_alumni_cannot_enrol(anouk, session):
    with pytest.raises(PermissionDenied):
        services.enrolment_create(session=session, person=anouk)


def test_the_enrol_button_shows_a_clear_message_when_refused(client, emma, session):
    client.force_login(emma)
    url = reverse("trainings:session-enrol", kwargs={"pk": session.pk})
    client.post(url)
    response = client.post(url, follow=True)
    assert "Je bent al ingeschreven voor deze sessie." in response.content.decode()
    assert session.enrolments.count() == 1


def test_someone_can_enrol_again_after_cancelling(emma, session):
    first = services.enrolment_create(session=session, person=emma)
    services.enrolment_cancel(enrolment=first, cancelled_by=emma)
    again = services.enrolment_create(session=session, person=emma)
    assert again.pk != first.pk and again.is_booked
    seats_match(session)


def test_a_started_session_can_no_longer_be_cancelled(emma, session):
    enrolment = services.enrolment_create(session=session, person=emma)
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    with pytest.raises(ValidationError, match="al begonnen"):
        services.enrolment_cancel(enrolment=enrolment, cancelled_by=emma)
    enrolment.refresh_from_db()
    assert enrolment.is_booked


# --- Paid external trainings need the manager -----------------------------------------------


@pytest.fixture
def paid_session(db):
    return SessionFactory(training=PaidTrainingFactory(title="Personal branding"), capacity=1)


def test_a_paid_training_holds_the_seat_until_the_manager_approves(
    emma, milan, paid_session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrolment_create(session=paid_session, person=emma)
    assert enrolment.is_booked and enrolment.awaits_approval and not enrolment.is_confirmed
    assert titles(milan) == ["Emma Jansen wil graag Personal branding volgen"]
    assert titles(emma) == [], "no confirmation before the manager agrees"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_approve(enrolment=enrolment, approver=milan)
    enrolment.refresh_from_db()
    assert enrolment.is_confirmed and enrolment.decided_by == milan
    (message,) = mail.outbox
    assert message.to == ["emma@example.com"] and message.attachments


def test_a_declined_request_frees_the_seat_for_the_waitlist(emma, milan, cas, paid_session):
    enrolment = services.enrolment_create(session=paid_session, person=emma)
    waiting = services.enrolment_create(session=paid_session, person=cas)
    assert waiting.is_waitlisted

    services.enrolment_decline(enrolment=enrolment, approver=milan, reason="Geen budget")

    enrolment.refresh_from_db()
    waiting.refresh_from_db()
    assert enrolment.status == Status.CANCELLED
    assert enrolment.approval == Enrolment.Approval.DECLINED
    assert waiting.is_booked
    assert (
        "Reden: Geen budget"
        in Notification.objects.get(recipient=emma, title__contains="afgewezen").body
    )
    seats_match(paid_session)


def test_declining_needs_a_reason(emma, milan, paid_session):
    enrolment = services.enrolment_create(session=paid_session, person=emma)
    with pytest.raises(ValidationError):
        services.enrolment_decline(enrolment=enrolment, approver=milan, reason="  ")
    enrolment.refresh_from_db()
    assert enrolment.awaits_approval


def test_only_the_manager_decides_and_only_once(emma, milan, cas, hanna, paid_session):
    enrolment = services.enrolment_create(session=paid_session, person=emma)
    for outsider in (cas, hanna, emma):
        with pytest.raises(PermissionDenied):
            services.enrolment_approve(enrolment=enrolment, approver=outsider)
    services.enrolment_approve(enrolment=enrolment, approver=milan)
    with pytest.raises(ValidationError, match="al besloten"):
        services.enrolment_decline(enrolment=enrolment, approver=milan, reason="Toch niet")


def test_hr_decides_for_people_without_a_manager(cas, hanna, paid_session):
    enrolment = services.enrolment_create(session=paid_session, person=cas)
    assert Notification.objects.filter(recipient=hanna, category="trainings.approval").exists()
    services.enrolment_approve(enrolment=enrolment, approver=hanna)
    enrolment.refresh_from_db()
    assert enrolment.is_confirmed


def test_a_proposal_from_the_manager_is_the_approval(emma, milan, paid_session):
    proposal = services.training_propose(
        training=paid_session.training, employee=emma, proposed_by=milan
    )
    enrolment = services.proposal_accept(proposal=proposal, person=emma, session=paid_session)
    assert enrolment.is_confirmed
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.enrolment == enrolment
    assert "Emma Jansen heeft zich ingeschreven voor Personal branding" in titles(milan)


def test_enrolling_directly_answers_an_open_proposal(emma, milan, session):
    proposal = services.training_propose(
        training=session.training, employee=emma, proposed_by=milan
    )
    services.enrolment_create(session=session, person=emma)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED


def test_declining_a_proposal_tells_the_manager_why(emma, milan, training):
    proposal = services.training_propose(training=training, employee=emma, proposed_by=milan)
    with pytest.raises(ValidationError):
        services.proposal_decline(proposal=proposal, person=emma, reason="")
    services.proposal_decline(proposal=proposal, person=emma, reason="Ik deed hem vorig jaar al")
    notification = Notification.objects.get(recipient=milan)
    assert notification.title == "Emma Jansen heeft LinkedIn voor beginners afgewezen"
    assert notification.body == "Reden: Ik deed hem vorig jaar al"
    with pytest.raises(ValidationError, match="al beantwoord"):
        services.proposal_decline(proposal=proposal, person=emma, reason="Nogmaals")


# --- HR changes sessions -----------------------------------------------------------------------


def test_more_seats_go_straight_to_the_waitlist(emma, milan, cas, hanna, session):
    for person in (emma, milan, cas):
        services.enrolment_create(session=session, person=person)
    services.session_update(session=session, changed_by=hanna, capacity=3)
    assert session.enrolments.booked().count() == 3
    seats_match(session)


def test_a_capacity_below_the_seats_taken_is_refused(emma, milan, hanna, session):
    services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    with pytest.raises(ValidationError) as refused:
        services.session_update(session=session, changed_by=hanna, capacity=1)
    assert "al 2 plekken bezet" in str(refused.value.message_dict["capacity"])
    session.refresh_from_db()
    assert session.capacity == 2


def test_a_new_time_is_sent_to_the_participants(emma, hanna, session):
    services.enrolment_create(session=session, person=emma)
    later = session.starts_at + timedelta(days=1)
    services.session_update(
        session=session, changed_by=hanna, starts_at=later, ends_at=later + timedelta(hours=2)
    )
    session.refresh_from_db()
    assert session.sequence == 1
    assert "Gewijzigd: LinkedIn voor beginners" in titles(emma)


def test_an_end_before_the_start_is_refused(hanna, session):
    with pytest.raises(ValidationError):
        services.session_update(
            session=session, changed_by=hanna, ends_at=session.starts_at - timedelta(hours=1)
        )
    session.refresh_from_db()
    assert session.ends_at > session.starts_at


def test_cancelling_a_session_tells_everyone_and_frees_all_seats(emma, cas, hanna, session):
    services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=cas)
    services.session_cancel(session=session, cancelled_by=hanna, reason="De trainer is ziek")
    assert not session.enrolments.active().exists()
    seats_match(session)
    for person in (emma, cas):
        cancelled = Notification.objects.get(recipient=person, title__startswith="Geannuleerd")
        assert cancelled.body == "De trainer is ziek"
