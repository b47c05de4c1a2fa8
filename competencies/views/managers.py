"""Managers: the team heat map and reviewing a report's self-assessment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from competencies import gaps, permissions, services
from competencies.forms import ReviewForm
from competencies.models import Review
from people.permissions import employee_required


@permissions.team_manager_required
def team(request):
    """People × competencies, coloured by gap and readable without colour, and the reviews
    waiting for this manager."""
    people = permissions.team_of(request.user).select_related("job_role").order_by("full_name")
    heat_map = gaps.heat_map(people)
    today = timezone.localdate()
    waiting = list(
        Review.objects.awaiting_review_by(request.user)
        .filter(cycle__starts_on__lte=today, cycle__ends_on__gte=today)
        .select_related("employee", "cycle")
        .order_by("cycle__ends_on", "employee__full_name")
    )
    return render(
        request,
        "competencies/team_heatmap.html",
        {
            "heat_map": heat_map,
            "waiting": waiting,
            "whole_line": permissions.sees_whole_line(),
        },
    )


@employee_required
def manager_review(request, pk):
    """The manager agrees with each level or chooses another with a comment."""
    review = permissions.get_review_for_user(request, pk, what="review")
    if not permissions.can_review(request.user, review.employee):
        messages.error(
            request,
            _("Only %(name)s's manager can review this assessment.")
            % {"name": review.employee.full_name},
        )
        return redirect(review)
    if review.status != Review.Status.AWAITING_REVIEW:
        messages.info(
            request,
            _("This review has already been completed.")
            if review.is_reviewed
            else _("%(name)s has not assessed themselves yet.")
            % {"name": review.employee.full_name},
        )
        return redirect(review)
    if not review.cycle.is_open_on(timezone.localdate()):
        messages.error(request, _("This review cycle is not open any more."))
        return redirect(review)
    lines = list(
        review.lines.select_related("competency").order_by(
            "competency__category__order", "competency__order", "competency__name"
        )
    )
    form = ReviewForm(request.POST or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_submit(review=review, reviewer=request.user, decisions=form.decisions())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your review has been saved; %(name)s has been told.")
                % {"name": review.employee.first_name},
            )
            return redirect(review)
    return render(
        request,
        "competencies/review_manager_form.html",
        {
            "review": review,
            "form": form,
            "items": form.items(),
        },
    )
