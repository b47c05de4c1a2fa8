"""HR: the framework, role profiles, review cycles and department overviews."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competencies import gaps, permissions, services
from competencies.forms import CategoryForm, CompetencyForm, CycleForm, RoleProfileForm
from competencies.models import (
    Competency,
    CompetencyCategory,
    Review,
    ReviewCycle,
    RoleRequirement,
)
from hrsocial import audit
from people.models import Department, JobRole, User

DEPARTMENT_PAGE_SIZE = 50


def _count(queryset, field: str):
    """A correlated COUNT subquery: several counts on one list without multiplying joins."""
    return Coalesce(
        Subquery(
            queryset.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


@permissions.manager_of_competencies_required
def dashboard(request):
    today = timezone.localdate()
    cycles = list(
        ReviewCycle.objects.annotate(
            total=_count(Review.objects.all(), "cycle"),
            reviewed=_count(Review.objects.filter(status=Review.Status.REVIEWED), "cycle"),
        ).prefetch_related("departments")[:20]
    )
    departments = Department.objects.annotate(
        people=_count(User.objects.employees(), "department")
    ).order_by("name")
    return render(
        request,
        "competencies/hr_dashboard.html",
        {
            "cycles": [(cycle, cycle.phase(today)) for cycle in cycles],
            "departments": list(departments),
            "competency_count": Competency.objects.active().count(),
        },
    )


# --- The framework ----------------------------------------------------------------------------


@permissions.manager_of_competencies_required
def competency_create(request):
    return _competency_form(request, Competency())


@permissions.manager_of_competencies_required
def competency_edit(request, pk):
    competency = get_object_or_404(Competency.objects.framework(), pk=pk)
    return _competency_form(request, competency)


def _competency_form(request, competency):
    form = CompetencyForm(request.POST or None, instance=competency)
    if request.method == "POST" and form.is_valid():
        try:
            services.competency_save(
                competency=form.instance, levels=form.levels(), changed_by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The competency has been saved."))
            return redirect("competencies:framework")
    history = audit.entries_for(competency)[:20] if competency.pk else []
    return render(
        request,
        "competencies/competency_form.html",
        {"form": form, "competency": competency, "history": list(history)},
    )


@permissions.manager_of_competencies_required
@require_POST
def competency_retire(request, pk):
    competency = get_object_or_404(Competency, pk=pk)
    services.competency_set_active(competency=competency, active=False, changed_by=request.user)
    messages.success(
        request,
        _("“%(name)s” is retired: it leaves new reviews, earlier ones stay readable.")
        % {"name": competency},
    )
    return redirect("competencies:framework")


@permissions.manager_of_competencies_required
@require_POST
def competency_reactivate(request, pk):
    competency = get_object_or_404(Competency, pk=pk)
    services.competency_set_active(competency=competency, active=True, changed_by=request.user)
    messages.success(request, _("“%(name)s” is in use again.") % {"name": competency})
    return redirect("competencies:framework")


@permissions.manager_of_competencies_required
def category_create(request):
    return _category_form(request, CompetencyCategory())


@permissions.manager_of_competencies_required
def category_edit(request, pk):
    return _category_form(request, get_object_or_404(CompetencyCategory, pk=pk))


def _category_form(request, category):
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        category = form.save()
        audit.record(actor=request.user, action="competencies.category_save", target=category)
        messages.success(request, _("The category has been saved."))
        return redirect("competencies:framework")
    return render(request, "competencies/category_form.html", {"form": form, "category": category})


# --- Role profiles ----------------------------------------------------------------------------


@permissions.manager_of_competencies_required
def role_list(request):
    roles = JobRole.objects.annotate(
        requirements=_count(RoleRequirement.objects.filter(competency__is_active=True), "job_role"),
        people=_count(User.objects.employees(), "job_role"),
    ).order_by("title")
    return render(request, "competencies/role_list.html", {"roles": list(roles)})


@permissions.manager_of_competencies_required
def role_edit(request, pk):
    job_role = get_object_or_404(JobRole, pk=pk)
    competencies = gaps.active_competencies()
    current = dict(
        RoleRequirement.objects.filter(job_role=job_role).values_list("competency_id", "level")
    )
    form = RoleProfileForm(request.POST or None, competencies=competencies, current=current)
    if request.method == "POST" and form.is_valid():
        services.role_requirements_save(
            job_role=job_role, levels=form.levels(), changed_by=request.user
        )
        messages.success(request, _("The profile of %(role)s has been saved.") % {"role": job_role})
        return redirect("competencies:role-list")
    return render(
        request,
        "competencies/role_form.html",
        {
            "job_role": job_role,
            "form": form,
            "items": [(c, form[f"level_{c.pk}"]) for c in competencies],
        },
    )


# --- Review cycles ----------------------------------------------------------------------------


@permissions.manager_of_competencies_required
def cycle_create(request):
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = services.cycle_open(
                name=data["name"],
                starts_on=data["starts_on"],
                self_assessment_due=data["self_assessment_due"],
                ends_on=data["ends_on"],
                departments=data["departments"],
                opened_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The cycle is open; %(count)s people have been asked to assess themselves.")
                % {"count": cycle.reviews.count()},
            )
            return redirect(cycle)
    return render(request, "competencies/cycle_form.html", {"form": form})


@permissions.manager_of_competencies_required
def cycle_detail(request, pk):
    """Progress per department: one aggregate query, whatever the size of the cycle."""
    cycle = get_object_or_404(ReviewCycle.objects.prefetch_related("departments"), pk=pk)
    progress = list(cycle.reviews.progress_by_department())
    totals = {
        key: sum(row[key] for row in progress)
        for key in ("total", "to_do", "awaiting_review", "reviewed", "reacted")
    }
    for row in (*progress, totals):
        row["percentage"] = round(100 * row["reviewed"] / row["total"]) if row["total"] else 0
    return render(
        request,
        "competencies/cycle_detail.html",
        {
            "cycle": cycle,
            "phase": cycle.phase(timezone.localdate()),
            "progress": progress,
            "totals": totals,
        },
    )


@permissions.manager_of_competencies_required
@require_POST
def cycle_close(request, pk):
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    try:
        services.cycle_close(cycle=cycle, closed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The cycle is closed."))
    return redirect(cycle)


# --- Departments ------------------------------------------------------------------------------


@permissions.manager_of_competencies_required
def department(request, pk):
    """A department's figures per competency (aggregated in the database) and its heat map,
    a page of people at a time. Looking at individuals' levels is written to the audit log."""
    department = get_object_or_404(Department, pk=pk)
    people = User.objects.employees().filter(department=department)
    competencies = gaps.active_competencies()
    page = Paginator(
        people.select_related("job_role").order_by("full_name"), DEPARTMENT_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    audit.record(
        actor=request.user,
        action="competencies.view_department",
        target=department,
        page=page.number,
    )
    return render(
        request,
        "competencies/department_detail.html",
        {
            "department": department,
            "figures": gaps.department_figures(people, competencies),
            "heat_map": gaps.heat_map(page.object_list, competencies),
            "page": page,
            "people_count": page.paginator.count,
        },
    )
