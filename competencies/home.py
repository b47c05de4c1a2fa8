"""Panels on "Mijn overzicht": the self-assessment to do, and reviews waiting for a manager;
for HR, a to-do per review cycle that is behind. Each runs one or two queries."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from competencies.models import Review, ReviewCycle
from hrsocial.home import Panel, Todo

PANEL_ROWS = 5


def my_review(request):
    """The employee's review in an open cycle: to fill in, or its outcome to read."""
    user = request.user
    if not user.is_employee:
        return None
    reviews = [
        review
        for review in Review.objects.filter(
            employee=user, cycle__in=ReviewCycle.objects.open_on(timezone.localdate())
        ).select_related("cycle")
        if review.status == Review.Status.SELF_ASSESSMENT
        or (review.status == Review.Status.REVIEWED and not review.reacted_at)
    ]
    if not reviews:
        return None
    return Panel(
        template="competencies/partials/home_my_review.html",
        context={"reviews": reviews},
        order=30,
    )


def reviews_to_do(request):
    """A manager's (or, for people without a manager, HR's) reviews waiting."""
    user = request.user
    if not user.is_employee or not (user.is_manager or user.is_hr):
        return None
    waiting = Review.objects.awaiting_review_by(user).filter(
        cycle__starts_on__lte=timezone.localdate(), cycle__ends_on__gte=timezone.localdate()
    )
    reviews = list(
        waiting.select_related("employee", "cycle").order_by(
            "cycle__ends_on", "employee__full_name"
        )[: PANEL_ROWS + 1]
    )
    if not reviews:
        return None
    total = len(reviews) if len(reviews) <= PANEL_ROWS else waiting.count()
    return Panel(
        template="competencies/partials/home_reviews_to_do.html",
        context={"reviews": reviews[:PANEL_ROWS], "total": total},
        order=25,
    )


def cycles_behind(request) -> list[Todo]:
    """For HR: open cycles past a deadline with work still waiting, self-assessments after
    their due date or reviews after the cycle's end (one query, a few cycles at most)."""
    if not request.user.is_hr:
        return []
    today = timezone.localdate()
    Status = Review.Status
    cycles = (
        ReviewCycle.objects.filter(status=ReviewCycle.Status.OPEN, self_assessment_due__lt=today)
        .annotate(
            late_self=Count(
                "reviews",
                filter=Q(reviews__status=Status.SELF_ASSESSMENT),
            ),
            late_reviews=Count(
                "reviews",
                filter=Q(ends_on__lt=today) & ~Q(reviews__status=Status.REVIEWED),
            ),
        )
        .filter(Q(late_self__gt=0) | Q(late_reviews__gt=0))
        .order_by("ends_on", "pk")[:PANEL_ROWS]
    )
    return [
        Todo(label=_cycle_behind_label(cycle), url=cycle.get_absolute_url(), order=50 + n)
        for n, cycle in enumerate(cycles)
    ]


def _cycle_behind_label(cycle) -> str:
    if cycle.late_reviews:
        late = ngettext(
            "%(count)s review not done after the cycle ended",
            "%(count)s reviews not done after the cycle ended",
            cycle.late_reviews,
        ) % {"count": cycle.late_reviews}
    else:
        late = ngettext(
            "%(count)s self-assessment past its due date",
            "%(count)s self-assessments past their due date",
            cycle.late_self,
        ) % {"count": cycle.late_self}
    return _("%(cycle)s is behind: %(late)s") % {"cycle": cycle.name, "late": late}
