"""Panels on "Mijn overzicht": what needs the person's attention in trainings.

Employees: their upcoming sessions, proposals from their manager, feedback to give, and
seats offered from the waitlist. Managers (and HR for people without a manager): requests
to approve a paid training. HR: a to-do for past sessions whose attendance is not
registered. Each panel runs a fixed, small number of queries.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from hrsocial.home import Panel, Todo
from trainings.models import Enrolment, Feedback, Proposal
from trainings.permissions import can_manage
from trainings.services.followup import FEEDBACK_OPEN_FOR, sessions_needing_attendance

PANEL_ROWS = 5


def my_trainings(request):
    user = request.user
    if not user.is_employee:
        return None
    now = timezone.now()
    upcoming = list(
        Enrolment.objects.active()
        .for_person(user)
        .upcoming(now)
        .with_position()
        .select_related("session__training", "person")
        .order_by("session__starts_at")[:PANEL_ROWS]
    )
    proposals = list(
        Proposal.objects.open()
        .for_employee(user)
        .select_related("training", "proposed_by")[:PANEL_ROWS]
    )
    given = Feedback.objects.filter(person=user, session=OuterRef("session"))
    feedback = list(
        Enrolment.objects.booked()
        .for_person(user)
        .filter(feedback_requested_at__isnull=False, session__ends_at__gt=now - FEEDBACK_OPEN_FOR)
        .exclude(attendance=Enrolment.Attendance.NO_SHOW)
        .filter(~Exists(given))
        .select_related("session__training")
        .order_by("-session__ends_at")[:PANEL_ROWS]
    )
    if not (upcoming or proposals or feedback):
        return None
    offers = [
        e
        for e in upcoming
        if e.is_waitlisted and e.session.free_seats and e.session.in_offer_window(now)
    ]
    return Panel(
        template="trainings/partials/home_employee.html",
        context={
            "upcoming": upcoming,
            "proposals": proposals,
            "feedback": feedback,
            "offers": offers,
        },
        order=20,
    )


def approval_requests(request):
    user = request.user
    if not user.is_employee or not (user.is_hr or user.is_manager):
        return None
    requests = list(
        Enrolment.objects.awaiting_decision_of(user)
        .select_related("person", "session__training")
        .order_by("session__starts_at")[:10]
    )
    if not requests:
        return None
    return Panel(
        template="trainings/partials/home_approvals.html",
        context={"requests": requests},
        order=15,
    )


def attendance_to_register(request) -> list[Todo]:
    """For HR: past sessions where not everyone's attendance is registered (one query)."""
    if not can_manage(request.user):
        return []
    count = sessions_needing_attendance(timezone.now()).count()
    if not count:
        return []
    label = ngettext(
        "Attendance to register for %(count)s session",
        "Attendance to register for %(count)s sessions",
        count,
    )
    url = reverse("trainings:hr-sessions") + "?when=attendance"
    return [Todo(label=label % {"count": count}, url=url, order=40)]
