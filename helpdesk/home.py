"""Panels on "Mijn overzicht": the asker's open questions; HR's queue at a glance."""

from django.utils import timezone

from helpdesk.models import Question
from helpdesk.models.questions import OPEN_STATUSES, SlaState
from helpdesk.queue import counts_for
from hrsocial import home

MY_QUESTIONS_SHOWN = 5


def my_questions(request):
    """Open questions, and answered ones with a reply the asker has not read yet."""
    user = request.user
    if not user.is_employee:
        return None
    mine = Question.objects.asked_by(user)
    questions = list(
        (mine.open() | mine.with_unread_reply()).select_related("category")
        .order_by("-created_at", "-id")[:MY_QUESTIONS_SHOWN]
    )  # fmt: skip
    if not questions:
        return None
    return home.Panel(
        template="helpdesk/partials/home_my_questions.html",
        context={"questions": questions, "unread": sum(q.has_unread_reply for q in questions)},
        order=30,
    )


def hr_queue(request):
    """For HR: new questions, overdue ones and those assigned to me (three small queries)."""
    user = request.user
    if not user.is_hr:
        return None
    counts = counts_for(user)
    visible = Question.objects.visible_to_staff(user)
    overdue = visible.in_sla_state(SlaState.OVERDUE, timezone.now()).count()
    mine = visible.filter(assignee=user, status__in=OPEN_STATUSES).count()
    return home.Panel(
        template="helpdesk/partials/home_hr_queue.html",
        context={"new": counts["new"], "overdue": overdue, "mine": mine},
        order=31,
    )
