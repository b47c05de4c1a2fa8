"""Panels on "Mijn overzicht": the self-assessment to do, and reviews waiting for a manager.
Each runs one or two queries."""

from django.utils import timezone

from competencies.models import Review, ReviewCycle
from hrsocial.home import Panel

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
