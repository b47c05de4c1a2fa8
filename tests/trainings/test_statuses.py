"""Every page says the true state of a person's enrolment (issue 12, "statuses shown
wrongly"): waitlisted or held is not "enrolled", HR is not "your manager", a waitlist place
is not an appointment, a completed training is not quietly booked again."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.trainings.factories import (
    CompetencyFactory,
    PaidTrainingFactory,
    ScanQuestionFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings import services
from trainings.models import Enrolment, ScanQuestion, Training
from trainings.recommendations import recommendations_for

Level = Training.Level


@pytest.fixture
def skill(db):
    return CompetencyFactory(name="Online communicatie")


def scan_at(person, skill, level):
    question = ScanQuestion.objects.filter(competency=skill).first() or ScanQuestionFactory(
        competency=skill
    )
    return services.scan_submit(person=person, answers={question.pk: level})


def test_the_self_scan_says_waitlisted_or_held_instead_of_enrolled(client, emma, milan, skill):
    full = TrainingFactory(title="Vol", develops=[(skill, 2)])
    full_session = SessionFactory(training=full, capacity=1)
    services.enrolment_create(session=full_session, person=milan)
    services.enrolment_create(session=full_session, person=emma)  # the waitlist
    paid = PaidTrainingFactory(title="Betaald", develops=[(skill, 2)])
    services.enrolment_create(session=SessionFactory(training=paid), person=emma)  # held
    booked = TrainingFactory(title="Geboekt", develops=[(skill, 2)])
    services.enrolment_create(session=SessionFactory(training=booked), person=emma)
    scan_at(emma, skill, 1)

    client.force_login(emma)
    response = client.get(reverse("trainings:scan-result"))

    states = {
        t.title: t.my_state_label for r in response.context["recommendations"] for t in r.trainings
    }
    assert states == {
        "Vol": "Je staat op de wachtlijst",
        "Betaald": "Plek vastgehouden, wacht op akkoord",
        "Geboekt": "Je bent ingeschreven",
    }
    assert response.content.decode().count("Je bent ingeschreven") == 1


def test_the_self_scan_recommends_the_level_that_fits_the_step(emma, skill):
    TrainingFactory(title="Voor experts", level=Level.EXPERT, develops=[(skill, 4)])
    TrainingFactory(title="Voor gevorderden", level=Level.ADVANCED, develops=[(skill, 3)])
    from_two = recommendations_for(emma, scan_at(emma, skill, 2))
    assert [t.title for t in from_two[0].trainings] == ["Voor gevorderden"]
    someone = UserFactory()
    from_three = recommendations_for(someone, scan_at(someone, skill, 3))
    assert [t.title for t in from_three[0].trainings] == ["Voor experts"]


def test_someone_without_a_manager_is_told_that_hr_decides(client, db):
    person = UserFactory(manager=None)
    session = SessionFactory(training=PaidTrainingFactory())
    client.force_login(person)
    response = client.post(reverse("trainings:session-enrol", args=[session.pk]), follow=True)
    content = response.content.decode()
    assert "wacht op je leidinggevende" not in content
    assert "je leidinggevende gevraagd" not in content
    assert "Plek vastgehouden, wacht op akkoord van HR" in content
    assert "HR gevraagd" in str(list(response.context["messages"])[0])
    assert "HR beslist over deze betaalde training" in content


def test_someone_with_a_manager_still_waits_for_the_manager(client, emma):
    session = SessionFactory(training=PaidTrainingFactory())
    enrolment = services.enrolment_create(session=session, person=emma)
    assert enrolment.status_label == "Plek vastgehouden, wacht op je leidinggevende"


def test_only_a_confirmed_seat_offers_the_calendar_file(client, emma, milan, training):
    session = SessionFactory(training=training, capacity=1)
    seat = services.enrolment_create(session=session, person=milan)
    waiting = services.enrolment_create(session=session, person=emma)
    ics = reverse("trainings:enrolment-ics", args=[waiting.pk])

    client.force_login(emma)
    assert ics not in client.get(waiting.get_absolute_url()).content.decode()
    response = client.get(ics)
    assert response.status_code == 302 and response["Location"] == waiting.get_absolute_url()

    client.force_login(milan)
    assert (
        reverse("trainings:enrolment-ics", args=[seat.pk])
        in client.get(seat.get_absolute_url()).content.decode()
    )


def test_enrolling_again_in_a_completed_training_needs_a_confirmation(
    client, emma, training, session
):
    past = SessionFactory(
        training=training,
        starts_at=timezone.now() - timedelta(days=10),
        ends_at=timezone.now() - timedelta(days=10) + timedelta(hours=2),
    )
    old = Enrolment.objects.create(
        session=past, person=emma, status="booked", booked_at=past.starts_at
    )
    services.attendance_register(
        session=past, registered_by=UserFactory(), attendance={old.pk: "present"}
    )

    with pytest.raises(ValidationError) as refused:
        services.enrolment_create(session=session, person=emma)
    assert refused.value.code == "completed"

    client.force_login(emma)
    page = client.get(training.get_absolute_url()).content.decode()
    assert 'name="repeat"' in page and "required" in page
    enrol = reverse("trainings:session-enrol", args=[session.pk])
    response = client.post(enrol, follow=True)
    assert "Je hebt deze training al afgerond" in response.content.decode()
    assert not session.enrolments.active().exists()

    client.post(enrol, {"repeat": "yes"})
    assert session.enrolments.active().filter(person=emma).exists()


def test_a_waitlisted_person_without_a_manager_hears_that_hr_confirms_the_seat(emma):
    from notifications.models import Notification

    session = SessionFactory(training=PaidTrainingFactory(), capacity=1)
    seat = services.enrolment_create(session=session, person=emma)
    loner = UserFactory(manager=None)
    services.enrolment_create(session=session, person=loner)
    services.enrolment_cancel(enrolment=seat, cancelled_by=emma)
    note = Notification.objects.get(recipient=loner, category="trainings.enrolment")
    assert "zodra HR akkoord geeft" in note.body
    assert "leidinggevende" not in note.body


def test_hr_hears_why_it_decides_on_a_paid_training(hanna):
    from notifications.models import Notification

    loner = UserFactory(manager=None, full_name="Lena Bos")
    services.enrolment_create(session=SessionFactory(training=PaidTrainingFactory()), person=loner)
    note = Notification.objects.get(recipient=hanna, category="trainings.approval")
    assert "Lena Bos heeft geen leidinggevende in het portaal, dus HR beslist" in note.body
