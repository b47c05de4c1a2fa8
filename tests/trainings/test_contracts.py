"""What other apps build on: developing(), proposals, and the training_completed signal."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from tests.trainings.factories import (
    CompetencyFactory,
    ElearningFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings import services
from trainings.models import Enrolment, Proposal, Training
from trainings.signals import training_completed


@pytest.fixture
def received():
    """Every training_completed signal sent during the test."""
    calls = []

    def receiver(sender, **kwargs):
        calls.append({"sender": sender, **kwargs})

    training_completed.connect(receiver, dispatch_uid="test-receiver")
    yield calls
    training_completed.disconnect(dispatch_uid="test-receiver")


def test_it_lists_trainings_that_reach_the_level_closest_fit_first(linkedin):
    exact = TrainingFactory(title="Exact", develops=[(linkedin, 3)])
    higher = TrainingFactory(title="Hoger", develops=[(linkedin, 4)])
    TrainingFactory(title="Te laag", develops=[(linkedin, 2)])
    TrainingFactory(title="Concept", develops=[(linkedin, 3)], is_published=False)
    TrainingFactory(title="Ander onderwerp", develops=[(CompetencyFactory(), 3)])
    SessionFactory(training=exact)
    SessionFactory(training=higher)

    found = list(Training.objects.developing(linkedin, 3))

    assert found == [exact, higher]
    assert [t.develops_to for t in found] == [3, 4]


def test_it_puts_trainings_you_can_follow_soon_first(linkedin):
    nothing_planned = TrainingFactory(title="A: niets gepland", develops=[(linkedin, 2)])
    full = TrainingFactory(title="B: vol", develops=[(linkedin, 2)])
    SessionFactory(training=full, capacity=1).__class__.objects.filter(training=full).update(
        seats_taken=1
    )
    later = TrainingFactory(title="C: later", develops=[(linkedin, 2)])
    SessionFactory(training=later, starts_at=timezone.now() + timedelta(days=30))
    sooner = TrainingFactory(title="D: eerder", develops=[(linkedin, 2)])
    SessionFactory(training=sooner, starts_at=timezone.now() + timedelta(days=3))
    online = ElearningFactory(title="E: e-learning", develops=[(linkedin, 2)])

    found = list(Training.objects.developing(linkedin, 2))

    assert found[:3] == [sooner, later, online]
    assert set(found[3:]) == {nothing_planned, full}
    assert found[0].next_start is not None


def test_it_finds_nothing_when_no_training_develops_the_competency(linkedin):
    assert list(Training.objects.developing(linkedin, 1)) == []


def test_the_manager_proposes_and_the_employee_is_told(emma, milan, training):
    proposal = services.training_propose(
        training=training, employee=emma, proposed_by=milan, note="Past bij je doelen"
    )
    assert proposal.is_open
    notification = Notification.objects.get(recipient=emma)
    assert notification.category == "trainings.proposal"
    assert "LinkedIn voor beginners" in notification.title
    assert notification.url == proposal.get_absolute_url()


def test_only_the_employees_own_manager_may_propose(emma, cas, hanna, training):
    for outsider in (cas, hanna, emma):
        with pytest.raises(PermissionDenied):
            services.training_propose(training=training, employee=emma, proposed_by=outsider)
    assert not Proposal.objects.exists()


def test_the_propose_url_takes_training_and_employee(client, emma, milan, training):
    client.force_login(milan)
    response = client.post(
        reverse("trainings:propose"),
        {"training": training.pk, "employee": emma.pk, "next": "/competencies/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/competencies/"
    assert Proposal.objects.get().employee == emma

    # Twice: refused with a message, still one proposal.
    response = client.post(
        reverse("trainings:propose"), {"training": training.pk, "employee": emma.pk}, follow=True
    )
    assert Proposal.objects.count() == 1
    assert "al voorgesteld" in response.content.decode()


def test_the_propose_url_refuses_someone_elses_report(client, emma, cas, training):
    someone = emma.manager
    assert someone is not None
    client.force_login(cas)
    response = client.post(
        reverse("trainings:propose"), {"training": training.pk, "employee": emma.pk}
    )
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_completion_is_signalled_once_with_the_competencies(
    emma, hanna, session, linkedin, received
):
    enrolment = services.enrolment_create(session=session, person=emma)
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=timezone.now())
    session.__class__.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    session.refresh_from_db()
    present = {enrolment.pk: Enrolment.Attendance.PRESENT}

    services.attendance_register(session=session, registered_by=hanna, attendance=present)
    services.attendance_register(session=session, registered_by=hanna, attendance=present)

    assert len(received) == 1
    assert received[0]["sender"] is Training
    assert received[0]["person"] == emma
    assert received[0]["training"] == session.training
    assert received[0]["competencies"] == [(linkedin, 2)]


def test_an_elearning_marked_done_is_signalled_once(emma, linkedin, received):
    elearning = ElearningFactory(develops=[(linkedin, 1)])
    services.elearning_complete(training=elearning, person=emma)
    services.elearning_complete(training=elearning, person=emma)
    assert len(received) == 1
    assert received[0]["competencies"] == [(linkedin, 1)]


def test_a_completion_without_competencies_sends_an_empty_list(emma, received):
    services.elearning_complete(training=ElearningFactory(), person=emma)
    assert received[0]["competencies"] == []


def test_a_completion_rolls_back_with_what_the_receivers_write(emma, received):
    def broken(sender, **kwargs):
        raise RuntimeError("a receiver failed")

    training_completed.connect(broken, dispatch_uid="broken")
    try:
        with pytest.raises(RuntimeError):
            services.elearning_complete(training=ElearningFactory(), person=emma)
    finally:
        training_completed.disconnect(dispatch_uid="broken")
    assert not emma.training_completions.exists()


def test_an_unpublished_training_cannot_be_proposed(emma, milan):
    with pytest.raises(ValidationError):
        services.training_propose(
            training=TrainingFactory(is_published=False), employee=emma, proposed_by=milan
        )


def test_a_training_someone_is_enrolled_in_cannot_be_proposed(emma, milan, session):
    services.enrolment_create(session=session, person=emma)
    with pytest.raises(ValidationError, match="al ingeschreven"):
        services.training_propose(training=session.training, employee=emma, proposed_by=milan)
