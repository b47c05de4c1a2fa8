"""Panels on "Mijn overzicht": what needs the person's attention in trainings.

Employees: their upcoming sessions, proposals from their manager, feedback to give, and
seats offered from the waitlist. Managers (and HR for people without a manager): requests
to approve a paid training. Each panel runs a fixed, small number of queries.
"""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from hrsocial.home import Panel
from trainings.models import Enrolment, Feedback, Proposal
from trainings.services.followup import FEEDBACK_OPEN_FOR

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
        .select_related("session__training")
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
