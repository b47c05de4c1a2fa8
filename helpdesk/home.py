"""On "Mijn overzicht": the asker's open questions; HR's to-dos in the queue."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from helpdesk.models import Question
from helpdesk.models.questions import SlaState
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


def hr_queue(request) -> list[home.Todo]:
    """HR's to-dos in the queue: questions nobody picked up, those past their response target
    and those assigned to me (two small queries). Counts and links only: no asker is named,
    and confidential questions count only for those who may handle them."""
    user = request.user
    if not user.is_hr:
        return []
    visible = Question.objects.visible_to_staff(user)
    figures = visible.open().aggregate(
        unassigned=Count("pk", filter=Q(assignee__isnull=True)),
        mine=Count("pk", filter=Q(assignee=user)),
    )
    overdue = visible.in_sla_state(SlaState.OVERDUE, timezone.now()).count()
    queue = reverse("helpdesk:queue")
    todos = [
        (
            figures["unassigned"],
            ngettext(
                "%(counter)s question without an assignee",
                "%(counter)s questions without an assignee",
                figures["unassigned"],
            ),
            "?status=active&assignee=none",
        ),
        (
            overdue,
            ngettext(
                "%(counter)s past its response target",
                "%(counter)s past their response target",
                overdue,
            ),
            "?status=&sla=overdue",
        ),
        (
            figures["mine"],
            ngettext("%(counter)s assigned to me", "%(counter)s assigned to me", figures["mine"]),
            "?status=active&assignee=me",
        ),
    ]
    return [
        home.Todo(label=label % {"counter": count}, url=queue + query, order=30 + n)
        for n, (count, label, query) in enumerate(todos)
        if count
    ]
