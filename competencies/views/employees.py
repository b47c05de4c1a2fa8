"""Every employee: their competency profile, gaps, reviews, and the framework."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competencies import gaps, permissions, services, training_links
from competencies.forms import ReactionForm, SelfAssessmentForm
from competencies.models import ExpertProfile, Review
from competencies.services.reviews import framework_for_review
from people.permissions import employee_required


def _profile_context(request, person) -> dict:
    rows = gaps.profile_rows(person)
    reviews = list(
        Review.objects.for_person(person).select_related("cycle").order_by("-cycle__starts_on")
    )
    today = timezone.localdate()
    return {
        "person": person,
        "own": person.pk == request.user.pk,
        "rows": rows,
        "gap_count": sum(1 for row in rows if row.is_gap),
        "reviews": reviews,
        "open_reviews": [r for r in reviews if r.cycle.is_open_on(today)],
        "has_requirements": any(row.required for row in rows),
    }


@employee_required
def index(request):
    """My competencies: required versus assessed, my reviews, my entry in the finder."""
    context = _profile_context(request, request.user)
    context["expert_profile"] = ExpertProfile.objects.filter(person=request.user).first()
    return render(request, "competencies/profile_detail.html", context)


@employee_required
def profile(request, pk):
    """Someone's competency profile: for themselves, their manager, and HR (audited)."""
    person = permissions.get_person_for_user(request, pk, what="profile")
    return render(request, "competencies/profile_detail.html", _profile_context(request, person))


@employee_required
def gap_list(request, pk):
    """The gaps (required minus assessed) with trainings that close them; a manager proposes
    one to their report in one click (the form posts to trainings:propose)."""
    person = permissions.get_person_for_user(request, pk, what="gaps")
    rows = gaps.gap_rows(person)
    training_links.attach_trainings(rows, person=person)
    can_propose = permissions.can_propose_training(request.user, person)
    return render(
        request,
        "competencies/gap_list.html",
        {
            "person": person,
            "own": person.pk == request.user.pk,
            "rows": rows,
            "can_propose": can_propose,
            "propose_url": training_links.propose_url() if can_propose else None,
            "trainings_installed": training_links.trainings_installed(),
        },
    )


@employee_required
def framework(request):
    """The framework as everyone reads it: what each level looks like in practice."""
    competencies = permissions.competencies_visible_to(request.user)
    return render(request, "competencies/framework.html", {"competencies": list(competencies)})


@employee_required
def review_detail(request, pk):
    review = permissions.get_review_for_user(request, pk)
    lines = list(review.lines.select_related("competency").order_by(
        "competency__category__order", "competency__order", "competency__name"
    ))  # fmt: skip
    user = request.user
    today = timezone.localdate()
    own = permissions.is_reviewee(user, review)
    is_open = review.cycle.is_open_on(today)
    return render(
        request,
        "competencies/review_detail.html",
        {
            "review": review,
            "lines": lines,
            "own": own,
            "is_open": is_open,
            "can_assess": own and is_open and not review.is_reviewed,
            "can_review": is_open
            and review.status == Review.Status.AWAITING_REVIEW
            and permissions.can_review(user, review.employee),
            "reaction_form": ReactionForm()
            if own
            and review.is_reviewed
            and not review.reacted_at
            and review.cycle.status == review.cycle.Status.OPEN
            else None,
        },
    )


@employee_required
def self_assessment(request, pk):
    """The employee's own level and an example per competency."""
    review = permissions.get_own_review(request, pk)
    if not review.cycle.is_open_on(timezone.localdate()):
        messages.error(
            request,
            _("This review cycle is not open, so you cannot assess yourself in it now."),
        )
        return redirect(review)
    if review.is_reviewed:
        messages.info(request, _("Your manager has already reviewed this assessment."))
        return redirect(review)
    competencies = framework_for_review()
    form = SelfAssessmentForm(
        request.POST or None, competencies=competencies, lines=list(review.lines.all())
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_submit(
                review=review, person=request.user, entries=form.entries()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you. Your manager has been asked to review your assessment.")
            )
            return redirect(review)
    return render(
        request,
        "competencies/review_self_assessment.html",
        {
            "review": review,
            "form": form,
            "items": form.items(_evidence_by_competency(request.user)),
        },
    )


def _evidence_by_competency(person) -> dict:
    evidence = {}
    for item in person.competency_evidence.all():
        evidence.setdefault(item.competency_id, []).append(item)
    return evidence


@employee_required
@require_POST
def reaction(request, pk):
    review = permissions.get_own_review(request, pk)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reaction"]))
        return redirect(review)
    try:
        services.reaction_add(
            review=review, person=request.user, text=form.cleaned_data["reaction"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your reaction has been added; your manager has been told."))
    return redirect(review)
