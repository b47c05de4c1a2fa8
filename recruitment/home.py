"""HR's to-do on "Mijn overzicht": applications nobody looked at yet, candidate questions
waiting for an answer and referral bonuses due but not paid. Counts only, two queries."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import ngettext

from hrsocial import home
from recruitment.models import Application, CandidateQuestion
from recruitment.permissions import can_manage_recruitment


def hr_todos(request) -> list[home.Todo]:
    if not can_manage_recruitment(request.user):
        return []
    counts = Application.objects.aggregate(
        new=Count("pk", filter=Q(stage=Application.Stage.NEW)),
        bonus_due=Count("pk", filter=Q(bonus_due_at__isnull=False, bonus_paid_at__isnull=True)),
    )
    questions = CandidateQuestion.objects.filter(answered_at__isnull=True).count()
    todos = []
    if counts["new"]:
        label = ngettext(
            "%(n)d new application to look at", "%(n)d new applications to look at", counts["new"]
        ) % {"n": counts["new"]}
        todos.append(home.Todo(label=label, url=reverse("recruitment:hr-vacancies"), order=60))
    if questions:
        label = ngettext(
            "%(n)d candidate question to answer", "%(n)d candidate questions to answer", questions
        ) % {"n": questions}
        todos.append(home.Todo(label=label, url=reverse("recruitment:hr-questions"), order=61))
    if counts["bonus_due"]:
        label = ngettext(
            "%(n)d referral bonus to pay", "%(n)d referral bonuses to pay", counts["bonus_due"]
        ) % {"n": counts["bonus_due"]}
        todos.append(home.Todo(label=label, url=reverse("recruitment:hr-vacancies"), order=62))
    return todos
