"""The FAQ: read and vote (every employee); write from an answered question (HR)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from helpdesk import services
from helpdesk.forms import FaqEntryForm, FaqFilterForm
from helpdesk.models import FaqEntry, FaqVote
from helpdesk.models.faq import FaqEntryQuerySet
from helpdesk.permissions import (
    faq_entries_visible_to,
    get_faq_entry_for_user,
    get_question_for_staff,
)
from hrsocial.search import search
from people.permissions import employee_required, hr_required


@employee_required
def faq_list(request):
    form = FaqFilterForm(request.GET or None)
    entries = faq_entries_visible_to(request.user)
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        if form.cleaned_data["category"]:
            entries = entries.filter(category=form.cleaned_data["category"])
    entries = search(entries, query, FaqEntryQuerySet.SEARCH_FIELDS)
    if not query:
        entries = entries.order_by("category__order", "category__name", "title")
    page = Paginator(entries, 25).get_page(request.GET.get("page"))
    return render(
        request, "helpdesk/faqentry_list.html", {"form": form, "page": page, "query": query}
    )


def _vote_context(request, entry):
    counts = (
        FaqEntry.objects.filter(pk=entry.pk)
        .with_votes()
        .values("helpful_votes", "unhelpful_votes")[0]
    )
    mine = FaqVote.objects.filter(entry=entry, voter=request.user).first()
    return {"entry": entry, "votes": counts, "my_vote": mine}


@employee_required
def faq_detail(request, pk):
    entry = get_faq_entry_for_user(request, pk)
    return render(request, "helpdesk/faqentry_detail.html", _vote_context(request, entry))


@employee_required
@require_POST
def faq_vote(request, pk):
    entry = get_faq_entry_for_user(request, pk)
    answer = request.POST.get("helpful")
    if answer not in ("yes", "no"):
        messages.error(request, _("Choose yes or no."))
        return redirect(entry)
    services.faq_vote(entry=entry, voter=request.user, helpful=answer == "yes")
    if request.htmx:
        return render(request, "helpdesk/partials/faq_votes.html", _vote_context(request, entry))
    messages.success(request, _("Thank you for your feedback."))
    return redirect(entry)


@hr_required
def faq_create(request, reference):
    """Turn an answered question into an FAQ entry. HR writes the general question; the answer
    starts from HR's own replies without the asker's name; the asker's text stays here."""
    question = get_question_for_staff(request, reference)
    entry = FaqEntry(category=question.category)
    initial = {"answer": services.faq_answer_suggestion(question), "is_published": True}
    form = FaqEntryForm(request.POST or None, instance=entry, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.faq_entry_save(
                entry=form.instance, saved_by=request.user, source_question=question
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The FAQ entry has been saved."))
            return redirect(form.instance)
    return render(request, "helpdesk/faqentry_form.html", {"form": form, "question": question})


@hr_required
def faq_edit(request, pk):
    entry = get_faq_entry_for_user(request, pk)
    form = FaqEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.faq_entry_save(entry=form.instance, saved_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The FAQ entry has been saved."))
            return redirect(form.instance)
    return render(request, "helpdesk/faqentry_form.html", {"form": form, "entry": entry})
