"""The expert finder ("wie weet wat") and one's own entry in it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from competencies import services
from competencies.forms import ExpertProfileForm, ExpertSearchForm
from competencies.models import (
    EXPERT_LEVELS,
    AssessedLevel,
    ExpertiseTag,
    ExpertProfile,
)
from hrsocial.search import is_postgresql, search
from people.permissions import employee_required

PAGE_SIZE = 20
POPULAR_TAGS = 20
SEARCH_FIELDS = ("tags_text", "ask_me_about")


@employee_required
def finder(request):
    """Colleagues who opted in, found by a topic they named or a competency at level 3–4."""
    form = ExpertSearchForm(request.GET or None)
    experts = ExpertProfile.objects.listed().exclude(person=request.user)
    criteria = {}
    if form.is_bound and form.is_valid():
        criteria = form.cleaned_data
        if criteria["competency"]:
            experts = experts.with_competency(criteria["competency"], criteria["level"])
        if criteria["tag"]:
            experts = experts.with_tag(criteria["tag"])
        experts = search(experts, criteria["q"], SEARCH_FIELDS, trigram_fields=("tags_text",))
    if not (criteria.get("q") and is_postgresql()):  # PostgreSQL orders by relevance
        experts = experts.order_by("person__full_name", "pk")
    expert_levels = (
        AssessedLevel.objects.filter(level__gte=EXPERT_LEVELS[0], competency__is_active=True)
        .select_related("competency")
        .order_by("-level", "competency__name")
    )
    experts = experts.prefetch_related(
        "tags", Prefetch("person__assessed_levels", queryset=expert_levels, to_attr="expert_levels")
    )
    page = Paginator(experts, PAGE_SIZE).get_page(request.GET.get("page"))
    popular = (
        ExpertiseTag.objects.annotate(
            listed=Count(
                "profiles", filter=Q(profiles__is_listed=True, profiles__person__is_active=True)
            )
        )
        .filter(listed__gt=0)
        .order_by("-listed", "name")[:POPULAR_TAGS]
    )
    return render(
        request,
        "competencies/expert_list.html",
        {
            "form": form,
            "page": page,
            "searched": bool(criteria and any(criteria.get(k) for k in ("q", "competency", "tag"))),
            "popular_tags": list(popular),
            "own_profile": ExpertProfile.objects.filter(person=request.user).first(),
        },
    )


@employee_required
def expert_profile_edit(request):
    """One's own entry: opt in or out, topics, and what to ask you about."""
    profile = ExpertProfile.objects.filter(person=request.user).prefetch_related("tags").first()
    initial = {}
    if profile:
        initial = {
            "is_listed": profile.is_listed,
            "tags": ", ".join(tag.name for tag in profile.tags.all()),
            "ask_me_about": profile.ask_me_about,
        }
    form = ExpertProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.expert_profile_save(
                person=request.user,
                is_listed=form.cleaned_data["is_listed"],
                tags=form.cleaned_data["tags"],
                ask_me_about=form.cleaned_data["ask_me_about"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Saved. Colleagues can now find you in “who knows what”.")
                if profile.is_listed
                else _("Saved. You do not appear in “who knows what”."),
            )
            return redirect("competencies:experts")
    return render(request, "competencies/expert_profile_form.html", {"form": form})
