"""HR runs the trainings: catalogue, sessions with fill rate and waitlist, attendance,
completion and satisfaction per training and department, CSV exports, self-scan questions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrsocial import audit
from hrsocial.exports import export_format, table_export
from hrsocial.privacy import MINIMUM_GROUP
from hrsocial.search import clean_query
from people.permissions import hr_required
from trainings import permissions, reports, services
from trainings.forms import (
    AttendanceForm,
    CompetencyFormSet,
    EnrolmentMoveForm,
    ReportFilterForm,
    ScanQuestionForm,
    SeatCancelForm,
    SessionCancelForm,
    SessionForm,
    TrainingForm,
)
from trainings.models import ScanQuestion, Session, Training
from trainings.services.followup import sessions_needing_attendance

PAGE_SIZE = 50
WHEN = ("upcoming", "past", "attendance", "all")


def _sessions(request):
    when = request.GET.get("when")
    when = when if when in WHEN else "upcoming"
    now = timezone.now()
    sessions = Session.objects.with_waitlist().select_related("training")
    if when == "upcoming":
        sessions = sessions.filter(ends_at__gt=now).order_by("starts_at", "pk")
    elif when == "past":
        sessions = sessions.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    elif when == "attendance":
        needing = sessions_needing_attendance(now).values("pk")
        sessions = sessions.filter(pk__in=needing).order_by("-starts_at", "-pk")
    else:
        sessions = sessions.order_by("-starts_at", "-pk")
    query = clean_query(request.GET.get("q"))
    if query:
        sessions = sessions.filter(training__title__icontains=query)
    return sessions, when, query


@hr_required
def session_list(request):
    sessions, when, query = _sessions(request)
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "trainings/session_list.html", {"page": page, "when": when, "query": query}
    )


@hr_required
def session_list_csv(request):
    """The session list as CSV or, with format=xlsx, as XLSX (hrsocial.exports)."""
    sessions, when, _query = _sessions(request)
    header = [
        _("Training"),
        _("Start"),
        _("End"),
        _("Place"),
        _("Trainer"),
        _("Seats"),
        _("Taken"),
        _("Fill rate %"),
        _("Waitlist"),
        _("Cancelled"),
    ]
    rows = (
        (
            session.training.title,
            session.starts_at,
            session.ends_at,
            session.location or session.online_url,
            session.trainer,
            session.capacity,
            session.seats_taken,
            session.fill_rate,
            session.waitlist_count,
            _("yes") if session.is_cancelled else "",
        )
        for session in sessions.iterator(chunk_size=1000)
    )
    audit.record(actor=request.user, action="trainings.export_sessions", when=when)
    return table_export(
        header=header, rows=rows, filename=f"sessions-{when}", file_format=export_format(request)
    )


@hr_required
def session_attendance(request, pk):
    session = permissions.get_session_for_hr(request, pk)
    booked = list(
        session.enrolments.booked()
        .select_related("person__department")
        .order_by("person__full_name")
    )
    waitlist = list(session.enrolments.waitlisted().select_related("person"))
    form = AttendanceForm(request.POST or None, enrolments=booked)
    started = session.has_started()
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.attendance_register(
                session=session, registered_by=request.user, attendance=form.attendance()
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Attendance saved (%(n)d changed).") % {"n": changed})
            return redirect("trainings:hr-session-attendance", pk=session.pk)
    return render(
        request,
        "trainings/session_attendance.html",
        {
            "session": session,
            "form": form,
            "waitlist": waitlist,
            "started": started,
            "cancel_form": SessionCancelForm(),
        },
    )


def _participant_page(request, enrolment, *, cancel_form=None, move_form=None):
    session = enrolment.session
    move_form = move_form or EnrolmentMoveForm(session=session)
    return render(
        request,
        "trainings/enrolment_manage.html",
        {
            "enrolment": enrolment,
            "session": session,
            "started": session.has_started(),
            "cancel_form": cancel_form or SeatCancelForm(session=session),
            "move_form": move_form,
            "can_move": move_form.fields["to_session"].queryset.exists(),
        },
    )


@hr_required
def enrolment_manage(request, pk):
    """One participant of a session: HR cancels the seat with a reason, or moves them."""
    enrolment = permissions.get_enrolment_for_hr(request, pk)
    return _participant_page(request, enrolment)


@hr_required
@require_POST
def seat_cancel(request, pk):
    enrolment = permissions.get_enrolment_for_hr(request, pk)
    form = SeatCancelForm(request.POST, session=enrolment.session)
    if form.is_valid():
        try:
            services.seat_cancel(
                enrolment=enrolment,
                cancelled_by=request.user,
                reason=form.cleaned_data["reason"],
                past_confirmed=form.past_confirmed,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The enrolment of %(name)s is cancelled; they have been told why.")
                % {"name": enrolment.person.full_name},
            )
            return redirect("trainings:hr-session-attendance", pk=enrolment.session_id)
    return _participant_page(request, enrolment, cancel_form=form)


@hr_required
@require_POST
def enrolment_move(request, pk):
    enrolment = permissions.get_enrolment_for_hr(request, pk)
    form = EnrolmentMoveForm(request.POST, session=enrolment.session)
    if form.is_valid():
        try:
            moved = services.enrolment_move(
                enrolment=enrolment,
                to_session=form.cleaned_data["to_session"],
                moved_by=request.user,
                reason=form.cleaned_data["reason"],
                past_confirmed=form.past_confirmed,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if moved.is_booked:
                text = _("%(name)s has been moved and has a seat in the new session.")
            else:
                text = _("%(name)s has been moved to the waitlist of the new session (it is full).")
            messages.success(request, text % {"name": enrolment.person.full_name})
            return redirect("trainings:hr-session-attendance", pk=moved.session_id)
    return _participant_page(request, enrolment, move_form=form)


@hr_required
def session_create(request, pk):
    training = get_object_or_404(Training, pk=pk)
    if training.is_elearning:
        messages.error(request, _("An e-learning has no sessions."))
        return redirect(training)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                training=training, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The session has been added."))
            return redirect("trainings:hr-session-attendance", pk=session.pk)
    return render(request, "trainings/session_form.html", {"form": form, "training": training})


@hr_required
def session_edit(request, pk):
    session = permissions.get_session_for_hr(request, pk)
    form = SessionForm(request.POST or None, instance=Session.objects.get(pk=session.pk))
    if request.method == "POST" and form.is_valid():
        try:
            fields = {k: v for k, v in form.cleaned_data.items() if k != "past_confirmed"}
            services.session_update(
                session=session,
                changed_by=request.user,
                past_confirmed=form.past_confirmed,
                **fields,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The session has been saved."))
            return redirect("trainings:hr-session-attendance", pk=session.pk)
    return render(
        request,
        "trainings/session_form.html",
        {"form": form, "training": session.training, "session": session},
    )


@hr_required
@require_POST
def session_cancel(request, pk):
    session = permissions.get_session_for_hr(request, pk)
    form = SessionCancelForm(request.POST)
    form.is_valid()
    try:
        services.session_cancel(
            session=session,
            cancelled_by=request.user,
            reason=form.cleaned_data.get("reason", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The session is cancelled; the participants have been told."))
    return redirect("trainings:hr-session-attendance", pk=session.pk)


@hr_required
def report(request):
    form = ReportFilterForm(request.GET or None)
    start, end = form.period()
    by_training = reports.report(start, end, by=("training",))
    by_department = reports.report(start, end, by=("department",))
    # A large catalogue has a row for each training: fifty a page; the CSV has them all.
    page = Paginator(by_training, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "trainings/training_report.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "page": page,
            "by_training": page.object_list,
            "by_department": by_department,
            "total": reports.totals(by_training, raters=reports.raters(start, end)),
            "min_ratings": MINIMUM_GROUP,
        },
    )


@hr_required
def report_csv(request):
    """The report per training and department as CSV or XLSX (hrsocial.exports)."""
    start, end = ReportFilterForm(request.GET or None).period()
    rows = reports.report(start, end, by=("training", "department"))
    header = [
        _("Training"),
        _("Department"),
        _("Sessions"),
        _("Seats"),
        _("Present"),
        _("No-show"),
        _("Completion %"),
        _("Completed"),
        _("Ratings"),
        _("Average rating"),
    ]
    lines = [
        (
            row.training_name,
            row.department_name or _("No department"),
            row.sessions,
            row.seats,
            row.present,
            row.no_show,
            row.completion_rate,
            row.completions,
            row.ratings,
            row.average_rating,
        )
        for row in rows
    ]
    audit.record(actor=request.user, action="trainings.export_report", start=str(start))
    return table_export(
        header=header,
        rows=lines,
        filename=f"trainings-{start:%Y%m%d}-{end:%Y%m%d}",
        file_format=export_format(request),
    )


@hr_required
def training_feedback(request, pk):
    """The ratings and comments on one training, without names (ratings from five people,
    comments from ten)."""
    training = get_object_or_404(Training, pk=pk)
    found = reports.feedback_for_hr(training)
    return render(
        request, "trainings/feedback_list.html",
        {"training": training, "feedback": found.items, "comments_shown": found.comments_shown,
         "ratings_withheld": found.rated and not found.ratings_shown,
         "comments_withheld": found.ratings_shown and found.commented
                              and not found.comments_shown},
    )  # fmt: skip


def _training_form(request, training):
    form = TrainingForm(request.POST or None, instance=training)
    competencies = CompetencyFormSet(request.POST or None, instance=training, prefix="competencies")
    if request.method == "POST" and form.is_valid() and competencies.is_valid():
        training = services.training_save(
            form=form, competencies=competencies, saved_by=request.user
        )
        messages.success(request, _("The training has been saved."))
        return redirect(training)
    return render(
        request,
        "trainings/training_form.html",
        {"form": form, "competencies": competencies, "training": training},
    )


@hr_required
def training_create(request):
    return _training_form(request, Training())


@hr_required
def training_edit(request, pk):
    return _training_form(request, get_object_or_404(Training, pk=pk))


@hr_required
def question_list(request):
    questions = ScanQuestion.objects.select_related("competency__category").order_by(
        "-is_active", "competency__category__order", "competency__order", "order", "pk"
    )
    return render(request, "trainings/scanquestion_list.html", {"questions": list(questions)})


def _question_form(request, question):
    form = ScanQuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        created = question.pk is None
        question = form.save()
        audit.record(
            actor=request.user,
            action="trainings.question_create" if created else "trainings.question_update",
            target=question,
        )
        messages.success(request, _("The statement has been saved."))
        return redirect("trainings:hr-questions")
    return render(request, "trainings/scanquestion_form.html", {"form": form, "question": question})


@hr_required
def question_create(request):
    return _question_form(request, ScanQuestion())


@hr_required
def question_edit(request, pk):
    return _question_form(request, get_object_or_404(ScanQuestion, pk=pk))
