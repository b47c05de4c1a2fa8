"""The catalogue: browse and filter trainings, read one with its sessions."""

from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone

from people.permissions import employee_required
from trainings import permissions
from trainings.forms import CatalogueFilterForm, ProposeForm
from trainings.models import Completion, Enrolment, Proposal, Training, TrainingCompetency
from trainings.services import feedback_allowed

PAGE_SIZE = 20


def end_of_month(now):
    """The first moment of next month, in Dutch time."""
    local = timezone.localtime(now)
    first_next = (local.replace(day=28) + timedelta(days=4)).replace(day=1)
    return timezone.make_aware(datetime.combine(first_next.date(), time.min))


@employee_required
def training_list(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = form.filters()
    trainings = permissions.trainings_visible_to(request.user)
    for name in ("format", "level", "language"):
        if name in filters:
            trainings = trainings.filter(**{name: filters[name]})
    if "competency" in filters:
        trainings = trainings.with_competency(filters["competency"])
    if filters.get("seats"):
        now = timezone.now()
        trainings = trainings.with_seats_between(now, end_of_month(now))
    if filters.get("mine"):
        trainings = trainings.for_person(request.user)
    trainings = trainings.search(filters.get("q"))
    page = Paginator(trainings.values_list("pk", flat=True), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = _page_of_trainings(list(page.object_list))
    return render(
        request,
        "trainings/training_list.html",
        {"page": page, "form": form, "filtered": bool(filters)},
    )


def _page_of_trainings(ids: list[int]) -> list:
    """The trainings of one page, with their next session and competencies.

    The page is chosen on ids first and only its rows get the per-training subqueries: with
    OFFSET the database would otherwise compute them for every row it skips (page 50 of
    2,000 trainings cost twice page 1)."""
    rows = (
        Training.objects.filter(pk__in=ids)
        .defer("description", "description_en", "search_vector")
        .with_next_session()
        .prefetch_related(
            Prefetch(
                "competency_links", queryset=TrainingCompetency.objects.select_related("competency")
            )
        )
    )
    by_id = {training.pk: training for training in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


@employee_required
def training_detail(request, pk):
    training = permissions.get_training_for_user(request, pk)
    user = request.user
    now = timezone.now()
    sessions = list(training.sessions.upcoming(now).with_waitlist()[:30])
    mine = {
        e.session_id: e
        for e in Enrolment.objects.active()
        .for_person(user)
        .filter(session__training=training)
        .select_related("person")
        .with_position()
    }
    for session in sessions:
        session.my_enrolment = mine.get(session.pk)
    links = list(training.competency_links.select_related("competency"))
    completion = Completion.objects.filter(person=user, training=training).first()
    proposal = Proposal.objects.open().for_employee(user).filter(training=training).first()
    reports = permissions.reports_to_propose_to(user, training)
    context = {
        "training": training,
        "sessions": sessions,
        "links": links,
        "completion": completion,
        "proposal": proposal,
        "can_give_feedback": training.is_elearning
        and completion is not None
        and feedback_allowed(person=user, training=training),
        "can_manage": permissions.can_manage(user),
        "reports": reports,
        "propose_form": ProposeForm(initial={"training": training.pk}) if reports else None,
        "departments": list(training.departments.all()),
        "job_roles": list(training.job_roles.all()),
    }
    return render(request, "trainings/training_detail.html", context)
