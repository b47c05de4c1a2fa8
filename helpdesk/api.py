"""What other apps may use of the helpdesk (practice 3); nothing else of it is public."""

import datetime

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum

from helpdesk.queue import shared_counts
from hrsocial.daily import Figures, day_bounds, distinct_people, per_department

__all__ = ["daily_figures", "new_faq_entries", "people_behind", "question_figures"]


def question_figures() -> dict:
    """{"all": {status: n}, "public": {status: n}}: questions per status, all and without the
    confidential ones (from the cache the queue uses)."""
    return shared_counts()


def new_faq_entries(*, since, limit=5) -> list[dict]:
    """Published FAQ entries added since `since`, newest first (the news digest): title in the
    active language and url. One query."""
    from helpdesk.models import FaqEntry

    entries = FaqEntry.objects.published().filter(created_at__gte=since).order_by("-created_at")
    return [
        {"title": entry.display_title, "url": entry.get_absolute_url()} for entry in entries[:limit]
    ]


def daily_figures(day: datetime.date) -> dict[str, Figures]:
    """For insights: per department of the askers (anonymous questions: None), what happened
    in the helpdesk on `day` (hrsocial.daily): questions asked, hours to the first response
    (their sum over the questions first answered that day), the share answered within the
    response target, satisfaction, FAQ entries made from a question and questions solved
    without a ticket (these two store no person: None). Six queries."""
    from helpdesk.models import FaqEntry, Question, Rating, SelfServiceResolution

    start, end = day_bounds(day)
    answered = Question.objects.filter(first_responded_at__gte=start, first_responded_at__lt=end)
    waited = ExpressionWrapper(
        F("first_responded_at") - F("created_at"), output_field=DurationField()
    )
    hours = {
        row["asker__department"]: (
            row["waited"].total_seconds() / 3600 if row["waited"] else 0.0,
            row["n"],
        )
        for row in answered.values("asker__department").annotate(waited=Sum(waited), n=Count("pk"))
    }
    faq = FaqEntry.objects.filter(
        created_at__gte=start, created_at__lt=end, source_question__isnull=False
    ).count()
    solved = SelfServiceResolution.objects.filter(created_at__gte=start, created_at__lt=end).count()
    return {
        "questions": per_department(
            Question.objects.filter(created_at__gte=start, created_at__lt=end), "asker__department"
        ),
        "first_response_hours": hours,
        "within_target": per_department(
            answered, "asker__department", hit=Q(first_responded_at__lte=F("response_due_at"))
        ),
        "satisfaction": per_department(
            Rating.objects.filter(created_at__gte=start, created_at__lt=end),
            "question__asker__department",
            amount="score",
        ),  # fmt: skip
        "faq_from_questions": {None: (float(faq), 0)} if faq else {},
        "solved_without_ticket": {None: (float(solved), 0)} if solved else {},
    }


def people_behind(start: datetime.date, end: datetime.date, granularity: str) -> dict:
    """For insights: the distinct askers behind the hours to the first response, the share
    within the target and satisfaction, which average over questions (several per person),
    per period and department (hrsocial.daily.distinct_people: two queries, counts only).
    Anonymous questions have no asker to count: their row (no department) says None, and
    insights falls back to the number of questions there."""
    from helpdesk.models import Question, Rating

    answered = distinct_people(
        Question.objects.all(), when="first_responded_at", person="asker",
        department="asker__department", start=start, end=end, granularity=granularity,
        figures={"first_response_hours": None, "within_target": None},
    )  # fmt: skip
    rated = distinct_people(
        Rating.objects.all(), when="created_at", person="question__asker",
        department="question__asker__department", start=start, end=end,
        granularity=granularity, figures={"satisfaction": None},
    )  # fmt: skip
    found = answered | rated
    for periods in found.values():
        for departments in periods.values():
            if None in departments:
                departments[None] = None
    return found
