"""HR's pages: the queue, the question page and one POST view per action on a question."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from helpdesk import queue, services
from helpdesk.forms import (
    AssignForm,
    BulkAssignForm,
    DetailsForm,
    GuidelinesForm,
    NoteForm,
    QueueFilterForm,
    ReplyForm,
    hr_staff_choices,
    hr_staff_names,
    is_reference,
)
from helpdesk.models import Attachment, Question, SavedReply
from helpdesk.models.questions import Status
from helpdesk.models.routing import CATEGORIES
from helpdesk.permissions import get_question_for_staff
from helpdesk.services.answering import GUIDELINE_CHOICES
from helpdesk.services.export import EXPORT_HEADER, queue_export_rows
from helpdesk.sla import working_calendar
from hrsocial.exports import export_format, table_export
from people.permissions import hr_required


def _queue_form(data, staff, categories):
    return QueueFilterForm(data, staff=staff, categories=categories)


@hr_required
def queue_list(request):
    staff = hr_staff_names()
    categories = CATEGORIES.get()
    data = request.GET if request.GET else {"status": "active"}
    form = _queue_form(data, staff, categories)
    values = form.values()
    counts = queue.counts_for(request.user)
    page = queue.queue_page(request.user, values, request.GET.get("page"), counts=counts)
    now = timezone.now()
    calendar = working_calendar()
    questions = [queue.QueueRow(values) for values in page.object_list]
    rows = [
        {"question": q, "sla": q.sla_state(now), "hours": _hours_left(calendar, now, q)}
        for q in questions
    ]
    return render(
        request,
        "helpdesk/queue.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "counts": counts,
            "status_tabs": _status_tabs(counts, values.get("status")),
            "staff_choices": staff,
            "query_string": request.GET.urlencode(),
        },
    )


def _hours_left(calendar, now, question) -> float | None:
    if question.first_responded_at or question.is_closed:
        return None
    return calendar.hours_between(now, question.response_due_at)


def _status_tabs(counts, current) -> list[dict]:
    from helpdesk.models.questions import OPEN_STATUSES, Status

    tabs = [
        {"value": "active", "label": _("To do"), "count": sum(counts[s] for s in OPEN_STATUSES)}
    ]
    tabs += [{"value": s.value, "label": s.label, "count": counts[s.value]} for s in Status]
    tabs.append({"value": "", "label": _("All"), "count": sum(counts.values())})
    for tab in tabs:
        tab["current"] = (current or "") == tab["value"]
    return tabs


@hr_required
@require_POST
def queue_assign(request):
    """The queue's assignments: the selected questions to someone, or (the row's "assign to
    me" button, `mine`) one question to the person triaging."""
    back = request.POST.get("next", "")
    target = "helpdesk:queue"
    if "mine" in request.POST:
        _assign_to_me(request, request.POST["mine"])
        return _back_to_queue(target, back)
    staff = list(hr_staff_choices())
    form = BulkAssignForm(request.POST, staff=staff)
    if form.is_valid():
        questions = Question.objects.visible_to_staff(request.user).filter(
            reference__in=form.cleaned_data["questions"]
        )
        try:
            changed = services.questions_assign(
                questions=list(questions), assignee=form.chosen_assignee, assigned_by=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                ngettext("%(count)s question assigned.", "%(count)s questions assigned.", changed)
                % {"count": changed},
            )
    else:
        messages.error(request, next(iter(form.errors.values()))[0])
    return _back_to_queue(target, back)


def _assign_to_me(request, reference: str) -> None:
    # A posted value is checked before it reaches the database (PostgreSQL refuses a NUL).
    question = (
        Question.objects.visible_to_staff(request.user).filter(reference=reference).first()
        if is_reference(reference)
        else None
    )
    if question is None:
        messages.error(request, _("This question is not in your queue."))
        return
    try:
        services.question_assign(question=question, assignee=request.user, assigned_by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("Question #%(reference)s is yours now.") % {"reference": question.reference}
        )


def _back_to_queue(target, back):
    response = redirect(target)
    # `next` is the queue's own query string (its filters); re-encoded, nothing else gets in.
    filters = QueryDict(back.lstrip("?")[:1000]).urlencode() if back else ""
    if filters:
        response["Location"] += "?" + filters
    return response


@hr_required
@require_POST
def queue_export(request):
    """The queue as CSV (or XLSX with format=xlsx), with the filters of the page it was asked
    from. Audited."""
    form = _queue_form(request.POST, hr_staff_names(), None)
    values = form.values()
    questions = queue.searched(queue.filtered(request.user, values), values.get("q"))
    questions = questions.order_by("-created_at", "-id")
    rows = queue_export_rows(user=request.user, questions=questions, filters=values)
    return table_export(
        header=EXPORT_HEADER,
        rows=rows,
        filename=f"helpdesk-{timezone.localdate():%Y-%m-%d}",
        file_format=export_format(request),
    )


def _manage_page(request, question, *, status=200, **forms):
    """The question page for HR: the whole conversation (notes included) and every action."""
    # One query for every file of the question, handed out to the messages here. The flags
    # (Question.with_page_flags) spare the queries for files, FAQ entries and linked tips that
    # most questions do not have; without them (a form with errors) everything is loaded.
    files = list(Attachment.objects.filter(question=question)) if _has(question, "files") else []
    conversation = list(question.messages.select_related("author"))
    for message in conversation:
        message.files = [f for f in files if f.message_id == message.pk]
    guidelines = GUIDELINE_CHOICES.get()
    linked = list(question.related_guidelines.all()) if _has(question, "linked_guidelines") else []
    staff = hr_staff_names()
    categories = [c for c in CATEGORIES.get() if c.is_active]
    saved_replies = services.saved_replies_for(question)
    reply_initial = {}
    chosen = request.GET.get("reply")
    if chosen and chosen.isdigit():
        saved = next((r for r in saved_replies if r.pk == int(chosen)), None)
        if saved:
            reply_initial = _saved_reply_initial(saved, question)
    now = timezone.now()
    context = {
        "question": question,
        "conversation": conversation,
        "question_files": [f for f in files if f.message_id is None],
        "rating": getattr(question, "rating", None) if question.first_responded_at else None,
        "faq_entries": list(question.faq_entries.all()) if _has(question, "faq_entries") else [],
        "linked_guidelines": linked,
        "saved_replies": saved_replies,
        "sla": question.sla_state(now),
        "hours_left": _hours_left(working_calendar(), now, question),
        "reply_form": forms.get("reply_form") or ReplyForm(initial=reply_initial),
        "note_form": forms.get("note_form") or NoteForm(),
        "staff_choices": staff,
        "status_choices": Status.choices,
        "category_choices": [(c.pk, str(c)) for c in categories],
        "linked_ids": {g.pk for g in linked},
        "guideline_choices": guidelines,
    }
    return render(request, "helpdesk/question_manage.html", context, status=status)


def _has(question, what: str) -> bool:
    return getattr(question, f"has_{what}", True)


@hr_required
def question_manage(request, reference):
    question = get_question_for_staff(request, reference, record_read=True)
    return _manage_page(request, question)


@hr_required
def saved_reply(request, reference):
    """A saved reply with its placeholders filled, for the reply box (htmx)."""
    question = get_question_for_staff(request, reference)
    chosen = request.GET.get("reply", "")
    saved = get_object_or_404(SavedReply, pk=int(chosen) if chosen.isdigit() else 0)
    form = ReplyForm(initial=_saved_reply_initial(saved, question))
    return render(
        request, "helpdesk/partials/saved_reply.html", {"reply_form": form, "question": question}
    )


def _saved_reply_initial(saved, question) -> dict:
    """The reply form with a saved reply chosen: its text filled in, its status preselected."""
    return {
        "body": services.reply_text_fill(text=saved.text_for(question), question=question),
        "status": saved.status,
    }


def _message_action(request, reference, form_class, service, form_name, success):
    question = get_question_for_staff(request, reference)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        extra = {"status": data["status"]} if "status" in data else {}
        try:
            service(
                question=question,
                author=request.user,
                body=data["body"],
                upload=data["attachment"],
                submission_key=data["submission_key"],
                **extra,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(question.get_manage_url())
    return _manage_page(request, question, status=400, **{form_name: form})


@hr_required
@require_POST
def question_reply(request, reference):
    return _message_action(
        request, reference, ReplyForm, services.question_reply, "reply_form",
        _("Your reply has been sent to the asker."),
    )  # fmt: skip


@hr_required
@require_POST
def question_note(request, reference):
    return _message_action(
        request,
        reference,
        NoteForm,
        services.question_note,
        "note_form",
        _("The note has been saved."),
    )


def _small_action(request, question, action):
    try:
        action()
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(question.get_manage_url())


@hr_required
@require_POST
def question_assign(request, reference):
    question = get_question_for_staff(request, reference)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an HR colleague from the list."))
        return redirect(question.get_manage_url())

    def assign():
        services.question_assign(
            question=question, assignee=form.cleaned_data["assignee"], assigned_by=request.user
        )
        messages.success(request, _("The assignment has been saved."))

    return _small_action(request, question, assign)


@hr_required
@require_POST
def question_details(request, reference):
    """Status, category and confidentiality, saved together (one button on the page)."""
    question = get_question_for_staff(request, reference)
    form = DetailsForm(request.POST)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return redirect(question.get_manage_url())

    def change():
        data = form.cleaned_data
        changed = services.question_details_change(
            question=question,
            status=data["status"],
            category=data["category"],
            confidential=data["confidential"],
            changed_by=request.user,
        )
        if changed:
            messages.success(request, _("The details have been saved."))
        else:
            messages.info(request, _("Nothing was changed."))

    return _small_action(request, question, change)


@hr_required
@require_POST
def question_guidelines(request, reference):
    question = get_question_for_staff(request, reference)
    form = GuidelinesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose tips from the list."))
        return redirect(question.get_manage_url())
    services.question_set_guidelines(
        question=question, guidelines=form.cleaned_data["guidelines"], changed_by=request.user
    )
    messages.success(request, _("The related tips have been saved."))
    return redirect(question.get_manage_url())
