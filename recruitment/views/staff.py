"""Employees (vacancies, internal applications, referrals) and HR (the pipeline)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competencies.api import Competency
from hrsocial import audit
from hrsocial.plugins import provided
from people.permissions import employee_required, hr_required
from recruitment import figures
from recruitment.forms import (
    AnswerForm,
    InternalApplicationForm,
    NoteForm,
    ReferralForm,
    StageForm,
    VacancyForm,
    first_error,
)
from recruitment.models import Application, CandidateQuestion, ReferrerPreference, Vacancy
from recruitment.permissions import (
    get_application_for_hr,
    get_question_for_hr,
    get_vacancy_for_user,
)
from recruitment.services import applications, questions, referrals, vacancies

PAGE_SIZE = 50


def required_competencies(vacancy):
    """The job role's competency profile (competencies.api), with each required level."""
    if vacancy.job_role_id is None:
        return []
    return list(
        Competency.objects.filter(
            is_active=True, requirements__job_role_id=vacancy.job_role_id
        ).values("name", "requirements__level")
    )


def index(request):
    """Open vacancies this person may see; employees also their referrals."""
    rows = Vacancy.objects.open().visible_to(request.user).select_related("department")
    return render(request, "recruitment/vacancy_list.html", {"vacancies": rows})


def vacancy_detail(request, pk):
    vacancy = get_vacancy_for_user(request, pk)
    kit_url = provided("share_kit_url")
    context = {
        "vacancy": vacancy,
        "competencies": required_competencies(vacancy),
        "share_kit_url": kit_url(vacancy) if kit_url and vacancy.is_open() else None,
        "referral_form": ReferralForm(),
        "application_form": InternalApplicationForm(),
    }
    return render(request, "recruitment/vacancy_detail.html", context)


@employee_required
@require_POST
def vacancy_apply(request, pk):
    vacancy = get_vacancy_for_user(request, pk)
    form = InternalApplicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("recruitment:vacancy", pk=vacancy.pk)
    user = request.user
    try:
        applications.application_submit(
            vacancy=vacancy, name=user.full_name, email=user.email,
            motivation=form.cleaned_data["motivation"], language=user.language_for_email,
            applicant=user, tell_manager=form.cleaned_data["tell_manager"],
        )  # fmt: skip
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Thank you: your application has been sent to HR."))
    return redirect("recruitment:vacancy", pk=vacancy.pk)


@employee_required
@require_POST
def vacancy_refer(request, pk):
    vacancy = get_vacancy_for_user(request, pk)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("recruitment:vacancy", pk=vacancy.pk)
    try:
        _referral, message = referrals.referral_create(
            vacancy=vacancy, referrer=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.info(request, message)
    return redirect("recruitment:vacancy", pk=vacancy.pk)


@employee_required
def my_referrals(request):
    """The referrer's own referrals, in coarse terms only (never the candidate's data)."""
    rows = (
        Application.objects.filter(referrer=request.user)
        .select_related("vacancy")
        .order_by("-created_at")[:200]
    )
    preference = ReferrerPreference.objects.filter(user=request.user).first()
    return render(
        request, "recruitment/referral_list.html",
        {"applications": rows, "show_name": bool(preference and preference.show_name)},
    )  # fmt: skip


@employee_required
@require_POST
def referrer_preference(request):
    referrals.referrer_preference_set(
        user=request.user, show_name=bool(request.POST.get("show_name"))
    )
    messages.success(request, _("Your choice has been saved."))
    return redirect("recruitment:referrals")


# --- HR ----------------------------------------------------------------------------------------


@hr_required
def hr_vacancies(request):
    rows = (
        Vacancy.objects.select_related("department")
        .annotate(
            application_count=Count("applications"),
            open_question_count=Count("questions", filter=Q(questions__answered_at__isnull=True)),
        )
        .order_by("-opens_on", "title")
    )
    return render(request, "recruitment/hr/vacancy_list.html", {"vacancies": rows})


@hr_required
def hr_vacancy_edit(request, pk=None):
    vacancy = get_object_or_404(Vacancy, pk=pk) if pk else Vacancy()
    form = VacancyForm(request.POST or None, instance=vacancy)
    if request.method == "POST" and form.is_valid():
        vacancies.vacancy_save(vacancy=form.save(commit=False), by=request.user)
        messages.success(request, _("The vacancy has been saved."))
        return redirect("recruitment:hr-pipeline", pk=form.instance.pk)
    return render(request, "recruitment/hr/vacancy_form.html", {"form": form, "vacancy": vacancy})


@hr_required
def hr_pipeline(request, pk):
    """A vacancy's applications, newest first, one page at a time (a fixed query count)."""
    vacancy = get_object_or_404(Vacancy.objects.select_related("department"), pk=pk)
    rows = vacancy.applications.select_related("referrer").order_by("-created_at", "-pk")
    stage = request.GET.get("stage", "")
    if stage in Application.Stage.values:
        rows = rows.filter(stage=stage)
    counts = figures.STAGE_COUNTS.get(vacancy.pk)
    paginator = Paginator(rows, PAGE_SIZE)
    # The counts per stage give the total as well: no COUNT(*) over every application.
    filtered = stage in Application.Stage.values
    paginator.count = counts.get(stage, 0) if filtered else sum(counts.values())
    page = paginator.get_page(request.GET.get("page"))
    stages = [(value, label, counts.get(value, 0)) for value, label in Application.Stage.choices]
    return render(
        request, "recruitment/hr/pipeline.html",
        {"vacancy": vacancy, "page": page, "stages": stages, "stage": stage},
    )  # fmt: skip


@hr_required
def hr_application(request, pk):
    application = get_application_for_hr(request, pk)
    audit.record(actor=request.user, action="recruitment.view", target=application)
    return render(
        request, "recruitment/hr/application_detail.html",
        {
            "application": application,
            "notes": application.notes.select_related("author"),
            "changes": application.changes.order_by("at"),
            "stage_form": StageForm(initial={"stage": application.stage}),
            "note_form": NoteForm(),
            "status_emails": applications.STATUS_EMAILS.items(),
            "sent": set(application.messages.values_list("template", flat=True)),
        },
    )  # fmt: skip


@hr_required
@require_POST
def hr_application_stage(request, pk):
    application = get_application_for_hr(request, pk)
    form = StageForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(first_error(form))
        applications.application_move(
            application=application, stage=form.cleaned_data["stage"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The stage has been changed."))
    return redirect("recruitment:hr-application", pk=application.pk)


@hr_required
@require_POST
def hr_application_note(request, pk):
    application = get_application_for_hr(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        applications.application_note(
            application=application, author=request.user, body=form.cleaned_data["body"]
        )
    else:
        messages.error(request, first_error(form))
    return redirect("recruitment:hr-application", pk=application.pk)


@hr_required
@require_POST
def hr_application_screened(request, pk):
    application = get_application_for_hr(request, pk)
    applications.application_screened(application=application, by=request.user)
    return redirect("recruitment:hr-application", pk=application.pk)


@hr_required
@require_POST
def hr_application_bonus_paid(request, pk):
    application = get_application_for_hr(request, pk)
    try:
        applications.bonus_mark_paid(application=application, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("recruitment:hr-application", pk=application.pk)


@hr_required
def hr_application_email(request, pk, kind):
    """GET: the e-mail as the candidate will get it; POST: send it (once)."""
    application = get_application_for_hr(request, pk)
    if kind not in applications.STATUS_EMAILS or application.is_shredded:
        raise Http404
    if request.method == "POST":
        sent = applications.status_email_send(application=application, kind=kind, by=request.user)
        if sent:
            messages.success(request, _("The e-mail has been sent."))
        else:
            messages.info(request, _("This e-mail had been sent already."))
        return redirect("recruitment:hr-application", pk=application.pk)
    preview = applications.status_email_preview(application=application, kind=kind)
    return render(
        request, "recruitment/hr/email_preview.html",
        {"application": application, "kind": kind, "preview": preview},
    )  # fmt: skip


@hr_required
def hr_application_cv(request, pk):
    application = get_application_for_hr(request, pk)
    if not application.cv:
        raise Http404
    audit.record(actor=request.user, action="recruitment.cv_download", target=application)
    return FileResponse(
        application.cv.open("rb"), as_attachment=True, filename=application.cv_name or "cv"
    )


@hr_required
def hr_questions(request):
    rows = CandidateQuestion.objects.select_related("vacancy").order_by("answered_at", "-asked_at")[
        :200
    ]
    return render(request, "recruitment/hr/question_list.html", {"questions": rows})


@hr_required
def hr_question(request, pk):
    question = get_question_for_hr(request, pk)
    form = AnswerForm(
        request.POST or None,
        initial={
            "question": question.question, "answer": question.answer,
            "is_general": question.is_general, "publish": question.is_published or True,
        },
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            questions.question_answer(
                question=question, by=request.user, question_text=data["question"],
                answer=data["answer"], is_general=data["is_general"], publish=data["publish"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The answer has been saved."))
            return redirect("recruitment:hr-questions")
    return render(
        request, "recruitment/hr/question_form.html", {"question": question, "form": form}
    )


@hr_required
def hr_figures(request):
    return render(request, "recruitment/hr/figures.html", figures.overview())
