"""Every trainings URL and the answer each role gets (see tests/access.py)."""

from datetime import timedelta

from django.utils import timezone

from tests.access import Route, employees, everyone, hr_only
from tests.trainings.factories import (
    CompetencyFactory,
    ElearningFactory,
    PaidTrainingFactory,
    ScanQuestionFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings import services
from trainings.models import CalendarToken, Proposal


def setup(world):
    competency = CompetencyFactory(name="Online communicatie")
    world.training = TrainingFactory(title="LinkedIn voor beginners", develops=[(competency, 2)])
    world.draft = TrainingFactory(title="Nog niet klaar", is_published=False)
    world.other_training = TrainingFactory(title="Schrijven voor sociale media")
    world.elearning = ElearningFactory(title="Privacy en sociale media")
    world.session = SessionFactory(training=world.training, capacity=5)
    world.past_session = SessionFactory(
        training=world.training,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )
    world.enrolment = services.enrolment_create(session=world.session, person=world.employee)
    world.later_session = SessionFactory(
        training=world.training, starts_at=timezone.now() + timedelta(days=21)
    )
    paid = SessionFactory(training=PaidTrainingFactory(title="Personal branding"))
    world.paid_enrolment = services.enrolment_create(session=paid, person=world.employee)
    world.proposal = Proposal.objects.create(
        training=world.training, employee=world.employee, proposed_by=world.manager
    )
    world.token = CalendarToken.objects.create(person=world.employee)
    world.question = ScanQuestionFactory(competency=competency, text="Ik heb een LinkedIn-profiel")


def own(status=200) -> dict:
    """Only the employee herself; other staff get 404, the network 403."""
    return {**employees(404), "employee": status}


ROUTES = [
    # The catalogue.
    Route("trainings:index", employees(200)),
    Route("trainings:index", employees(200), query="?format=webinar&level=nonsense&seats=on&q=x"),
    Route("trainings:training-detail", employees(200), kwargs=lambda w: {"pk": w.training.pk}),
    Route(
        "trainings:training-detail",
        {**employees(404), "hr": 200},
        kwargs=lambda w: {"pk": w.draft.pk},
    ),
    Route(
        "trainings:elearning-done",
        employees(302),
        method="post",
        kwargs=lambda w: {"pk": w.elearning.pk},
    ),
    Route("trainings:elearning-feedback", employees(302), kwargs=lambda w: {"pk": w.elearning.pk}),
    Route(
        "trainings:session-enrol",
        employees(302),
        method="post",
        kwargs=lambda w: {"pk": w.session.pk},
    ),
    Route("trainings:mine", employees(200)),
    # One's own enrolment.
    Route("trainings:enrolment-detail", own(200), kwargs=lambda w: {"pk": w.enrolment.pk}),
    Route(
        "trainings:enrolment-cancel",
        own(302),
        method="post",
        kwargs=lambda w: {"pk": w.enrolment.pk},
    ),
    Route(
        "trainings:enrolment-claim",
        own(302),
        method="post",
        kwargs=lambda w: {"pk": w.enrolment.pk},
    ),
    Route("trainings:enrolment-ics", own(200), kwargs=lambda w: {"pk": w.enrolment.pk}),
    Route("trainings:enrolment-feedback", own(302), kwargs=lambda w: {"pk": w.enrolment.pk}),
    # The manager decides on a paid training of a report.
    Route(
        "trainings:enrolment-approve",
        {**employees(404), "manager": 302},
        method="post",
        kwargs=lambda w: {"pk": w.paid_enrolment.pk},
    ),
    Route(
        "trainings:enrolment-decline",
        {**employees(404), "manager": 302},
        method="post",
        kwargs=lambda w: {"pk": w.paid_enrolment.pk},
        data={"reason": "Geen budget meer dit kwartaal"},
    ),
    # Proposals: only the employee's own manager proposes; only the employee answers.
    Route(
        "trainings:propose",
        {**employees(403), "manager": 302},
        method="post",
        data=lambda w: {"training": w.other_training.pk, "employee": w.employee.pk},
    ),
    Route(
        "trainings:proposal-detail",
        {**employees(404), "employee": 200, "manager": 200},
        kwargs=lambda w: {"pk": w.proposal.pk},
    ),
    Route(
        "trainings:proposal-accept",
        {**employees(404), "employee": 302, "manager": 403},
        method="post",
        kwargs=lambda w: {"pk": w.proposal.pk},
        data=lambda w: {"session": w.session.pk},
    ),
    Route(
        "trainings:proposal-decline",
        {**employees(404), "employee": 302, "manager": 403},
        method="post",
        kwargs=lambda w: {"pk": w.proposal.pk},
        data={"reason": "Ik volg al een vergelijkbare cursus"},
    ),
    # The self-scan.
    Route("trainings:scan", employees(200)),
    Route("trainings:scan-result", employees(302)),
    # The calendar feed: no sign-in, the secret address is the key.
    Route("trainings:calendar-feed", everyone(200), kwargs=lambda w: {"token": w.token.token}),
    Route("trainings:calendar-feed", everyone(404), kwargs=lambda w: {"token": "not-a-token"}),
    Route("trainings:calendar-renew", employees(302), method="post"),
    Route("trainings:calendar-revoke", employees(302), method="post"),
    # HR.
    Route("trainings:hr-sessions", hr_only(200)),
    Route("trainings:hr-sessions", hr_only(200), query="?when=attendance&q=linkedin"),
    Route("trainings:hr-sessions-csv", hr_only(200)),
    Route(
        "trainings:hr-session-attendance",
        hr_only(200),
        kwargs=lambda w: {"pk": w.past_session.pk},
    ),
    Route("trainings:hr-session-edit", hr_only(200), kwargs=lambda w: {"pk": w.session.pk}),
    Route(
        "trainings:hr-session-cancel",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.session.pk},
    ),
    # HR changes one participant: cancel the seat with a reason, or move to another session.
    Route("trainings:hr-enrolment", hr_only(200), kwargs=lambda w: {"pk": w.enrolment.pk}),
    Route(
        "trainings:hr-seat-cancel",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.enrolment.pk},
        data={"reason": "Je staat ingeroosterd voor de jaarafsluiting."},
    ),
    Route(
        "trainings:hr-enrolment-move",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.enrolment.pk},
        data=lambda w: {"to_session": w.later_session.pk},
    ),
    Route("trainings:hr-training-create", hr_only(200)),
    Route("trainings:hr-training-edit", hr_only(200), kwargs=lambda w: {"pk": w.training.pk}),
    Route("trainings:hr-session-create", hr_only(200), kwargs=lambda w: {"pk": w.training.pk}),
    Route("trainings:hr-training-feedback", hr_only(200), kwargs=lambda w: {"pk": w.training.pk}),
    Route("trainings:hr-report", hr_only(200)),
    Route("trainings:hr-report", hr_only(200), query="?start=2030-01-01&end=2020-01-01"),
    Route("trainings:hr-report-csv", hr_only(200)),
    Route("trainings:hr-questions", hr_only(200)),
    Route("trainings:hr-question-create", hr_only(200)),
    Route("trainings:hr-question-edit", hr_only(200), kwargs=lambda w: {"pk": w.question.pk}),
]
