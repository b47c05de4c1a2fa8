"""What other apps may use of trainings (practice 2); nothing else of trainings is public."""

import datetime

from django.db.models import Exists, F, OuterRef, Q

from hrsocial.daily import Figures, day_bounds, distinct_people, per_department
from trainings.models import Completion, Training
from trainings.signals import training_completed

__all__ = [
    "completions_of", "daily_figures", "people_behind", "training_completed",
    "trainings_developing",
]  # fmt: skip


def trainings_developing(competency, level: int, *, person=None, limit: int) -> list[Training]:
    """Up to `limit` published trainings that take `competency` to `level` or beyond, best fit
    first (provided to competencies as "trainings_for_gap", see trainings.apps); with `person`,
    each says where that person stands with it (`my_state`, `my_state_label`)."""
    trainings = Training.objects.developing(competency, level)
    if person is not None:
        trainings = trainings.with_state_for(person)
    return list(trainings[:limit])


def completions_of(person):
    """The trainings `person` completed, newest first (a queryset of Completion)."""
    return (
        Completion.objects.filter(person=person)
        .select_related("training")
        .order_by("-completed_at")
    )


def daily_figures(day: datetime.date) -> dict[str, Figures]:
    """For insights: per department, what happened in trainings on `day` (hrsocial.daily):
    enrolments, the share of them that had to wait for a seat, completions, no-shows among
    the registered attendance of sessions that ended, satisfaction (the sum of the ratings
    over their number), proposals and completions of a proposed training. Seven queries."""
    from trainings.models import Enrolment, Feedback, Proposal

    start, end = day_bounds(day)
    enrolled = Enrolment.objects.filter(created_at__gte=start, created_at__lt=end)
    waited = Q(status=Enrolment.Status.WAITLISTED) | Q(booked_at__gt=F("created_at"))
    attended = Enrolment.objects.filter(
        status=Enrolment.Status.BOOKED, session__ends_at__gte=start, session__ends_at__lt=end,
    ).exclude(attendance=Enrolment.Attendance.UNKNOWN)  # fmt: skip
    completed = Completion.objects.filter(completed_at__gte=start, completed_at__lt=end)
    proposed = Proposal.objects.filter(employee=OuterRef("person"), training=OuterRef("training"))
    return {
        "enrolments": per_department(enrolled, "person__department"),
        "waitlist_share": per_department(enrolled, "person__department", hit=waited),
        "completions": per_department(completed, "person__department"),
        "no_show_rate": per_department(
            attended, "person__department", hit=Q(attendance=Enrolment.Attendance.NO_SHOW)
        ),
        "satisfaction": per_department(
            Feedback.objects.filter(created_at__gte=start, created_at__lt=end),
            "department",
            amount="rating",
        ),  # fmt: skip
        "proposals": per_department(
            Proposal.objects.filter(created_at__gte=start, created_at__lt=end),
            "employee__department",
        ),
        "proposed_completions": per_department(
            completed.filter(Exists(proposed)), "person__department"
        ),
    }


def people_behind(start: datetime.date, end: datetime.date, granularity: str) -> dict:
    """For insights: the distinct people behind the shares of enrolments that had to wait,
    of no-shows and behind satisfaction, which count enrolments and ratings (several per
    person), per period and department, on the same rows as `daily_figures`
    (hrsocial.daily.distinct_people: three queries). A rating whose person has left counts
    for nobody: it can only make the figure harder to show."""
    from trainings.models import Enrolment, Feedback

    enrolled = distinct_people(
        Enrolment.objects.all(), when="created_at", person="person",
        department="person__department", start=start, end=end, granularity=granularity,
        figures={"waitlist_share": None},
    )  # fmt: skip
    attended = distinct_people(
        Enrolment.objects.filter(status=Enrolment.Status.BOOKED).exclude(
            attendance=Enrolment.Attendance.UNKNOWN
        ),
        when="session__ends_at", person="person", department="person__department",
        start=start, end=end, granularity=granularity, figures={"no_show_rate": None},
    )  # fmt: skip
    rated = distinct_people(
        Feedback.objects.all(), when="created_at", person="person", department="department",
        start=start, end=end, granularity=granularity, figures={"satisfaction": None},
    )  # fmt: skip
    return enrolled | attended | rated
