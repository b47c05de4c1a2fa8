"""The asker's pages: my questions, asking (with suggestions), and following a question."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guidelines import api as guidelines_api
from helpdesk import services
from helpdesk import suggestions as suggestions_for
from helpdesk.anonymity import hash_token
from helpdesk.forms import AskForm, DraftForm, FollowUpForm, RatingForm
from helpdesk.models import Attachment, FaqEntry, Message, Question, SelfServiceResolution
from helpdesk.models.routing import CATEGORIES
from helpdesk.permissions import get_question_by_token, get_question_for_asker
from helpdesk.services.asking import DRAFT_SESSION_KEY
from people.permissions import employee_required


@employee_required
def index(request):
    """My questions, newest first, those with unread replies marked."""
    questions = Question.objects.asked_by(request.user).select_related("category")
    page = Paginator(questions.order_by("-created_at", "-id"), 25).get_page(request.GET.get("page"))
    return render(request, "helpdesk/question_list.html", {"page": page})


@employee_required
def question_create(request):
    initial = {}
    draft = request.session.get(DRAFT_SESSION_KEY)
    if draft and request.method == "GET":
        initial = {"subject": draft["subject"], "body": draft["body"]}
    elif request.GET.get("subject"):
        initial = {"subject": request.GET["subject"][:200]}
        # "Ask HR about this" from another page (a news post): the question links to it.
        about = request.GET.get("about", "")
        if about.startswith("/") and not about.startswith("//") and about.isprintable():
            initial["body"] = (
                _("About: %(url)s") % {"url": request.build_absolute_uri(about[:300])} + "\n\n"
            )
    # The cached categories: rendering the form's own choices would cost a query.
    # A placeholder first: a required <select> must not start on a real choice (HTML), and
    # nobody should send a question under a subject they never picked.
    categories = [("", _("Choose a subject…"))] + [
        (c.pk, str(c)) for c in CATEGORIES.get() if c.is_active
    ]
    form = AskForm(
        request.POST or None, request.FILES or None, initial=initial, categories=categories
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            question, token, created = services.question_ask(
                asker=request.user,
                subject=data["subject"],
                body=data["body"],
                category=data["category"],
                anonymous=data["anonymous"],
                confidential=data["confidential"],
                upload=data["attachment"],
                submission_key=data["submission_key"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session.pop(DRAFT_SESSION_KEY, None)
            if not created:
                messages.info(request, _("Your question had already been sent; it is sent once."))
            if token:
                # The token goes to the browser in the next page's address and nowhere else:
                # not the session, which sits next to the user id in the database.
                return redirect("helpdesk:question-private-asked", token=token)
            return redirect("helpdesk:question-asked", reference=question.reference)
    return render(
        request,
        "helpdesk/question_form.html",
        {"form": form, "draft": draft},
    )


@employee_required
@require_POST
def ask_about_draft(request):
    """From the "May I post this?" checker: ask HR about a draft post. The draft waits in the
    session (it may be long) and the ask form starts with it quoted."""
    form = DraftForm(request.POST)
    form.is_valid()
    try:
        prefill = services.draft_prefill(
            draft=form.cleaned_data.get("draft", ""),
            network=form.cleaned_data.get("network", ""),
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("helpdesk:question-create")
    request.session[DRAFT_SESSION_KEY] = prefill
    return redirect("helpdesk:question-create")


@employee_required
def suggestions(request):
    """While the asker types the subject (htmx): FAQ entries and tips that may answer it."""
    query = request.GET.get("subject", "")
    faq = suggestions_for.faq_suggestions(query)
    guidelines = suggestions_for.guideline_suggestions(request.user, query)
    return render(
        request,
        "helpdesk/partials/suggestions.html",
        {"query": query, "faq": faq, "guidelines": guidelines},
    )


@employee_required
@require_POST
def solved_without_ticket(request):
    """ "This answers my question": the asker stops here, and HR counts it."""
    source = request.POST.get("source", "")
    try:
        object_id = int(request.POST.get("object_id", ""))
    except ValueError:
        raise Http404 from None
    if source == SelfServiceResolution.Source.FAQ:
        found = FaqEntry.objects.published().filter(pk=object_id).first()
    elif source == SelfServiceResolution.Source.GUIDELINE:
        found = guidelines_api.published_tips().filter(pk=object_id).first()
    else:
        found = None
    if found is None:
        raise Http404
    services.self_service_record(source=source, object_id=object_id, title=str(found))
    request.session.pop(DRAFT_SESSION_KEY, None)
    if request.htmx:
        return render(request, "helpdesk/partials/solved.html", {"found": found})
    messages.success(request, _("Good to hear that you found your answer."))
    return redirect(found.get_absolute_url())


@employee_required
def question_asked(request, reference):
    """After asking: what happens next, and for an anonymous question its private link."""
    question = get_question_for_asker(request, reference)
    return render(request, "helpdesk/question_asked.html", {"question": question})


@employee_required
def question_private_asked(request, token):
    """After asking anonymously: the private link, from this page's own address."""
    question = get_question_by_token(request, token)
    private_url = request.build_absolute_uri(reverse("helpdesk:question-private", args=[token]))
    return render(
        request,
        "helpdesk/question_asked.html",
        {"question": question, "private_url": private_url},
    )


def _conversation(question):
    """The public messages with their attachments: never the internal notes."""
    public = Attachment.objects.exclude(message__kind=Message.Kind.NOTE)
    return list(
        question.messages.exclude(kind=Message.Kind.NOTE)
        .select_related("author")
        .prefetch_related(Prefetch("attachments", queryset=public))
    )


def _asker_page(request, question, *, token="", status=200, **forms):
    question_files = Attachment.objects.filter(question=question, message__isnull=True)
    rating = getattr(question, "rating", None) if question.first_responded_at else None
    context = {
        "question": question,
        "conversation": _conversation(question),
        "question_files": list(question_files),
        "rating": rating,
        "token": token,
        "follow_up_form": forms.get("follow_up_form") or FollowUpForm(),
        "rating_form": forms.get("rating_form") or RatingForm(),
    }
    return render(request, "helpdesk/question_detail.html", context, status=status)


def _after_action(question, token):
    # Back to the private link only with the question's own token: the asker's own question
    # opens without one, so a posted token may be anything.
    if token and question.is_anonymous and question.access_token_hash == hash_token(token):
        return redirect("helpdesk:question-private", token=token)
    return redirect(question)


@employee_required
def question_detail(request, reference):
    return _asker_page(request, get_question_for_asker(request, reference))


@employee_required
def question_private(request, token):
    """The anonymous asker's private link: it opens the question with the token alone."""
    question = get_question_by_token(request, token)
    return _asker_page(request, question, token=token)


@employee_required
@require_POST
def question_follow_up(request, reference):
    token = request.POST.get("token", "")
    question = get_question_for_asker(request, reference, token=token)
    form = FollowUpForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.question_follow_up(
                question=question,
                author=request.user,
                body=form.cleaned_data["body"],
                upload=form.cleaned_data["attachment"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your message has been sent to HR."))
            return _after_action(question, token)
    return _asker_page(request, question, token=token, status=400, follow_up_form=form)


@employee_required
@require_POST
def question_seen(request, reference):
    """The asker's page has loaded: its replies are read. A POST the page sends itself, not a
    side effect of the GET: a link or a prefetch elsewhere cannot mark a reply read that the
    asker never saw (docs/PRIVACY.md: for an anonymous question the time stored is the reply
    seen, not the moment)."""
    token = request.POST.get("token", "")
    question = get_question_for_asker(request, reference, token=token)
    services.question_mark_seen(question=question)
    if request.headers.get("HX-Request"):
        return HttpResponse(status=204)
    return _after_action(question, token)


@employee_required
@require_POST
def question_close(request, reference):
    token = request.POST.get("token", "")
    question = get_question_for_asker(request, reference, token=token)
    services.question_close_by_asker(question=question)
    messages.success(request, _("Your question is closed. You can always ask a new one."))
    return _after_action(question, token)


@employee_required
@require_POST
def question_rate(request, reference):
    token = request.POST.get("token", "")
    question = get_question_for_asker(request, reference, token=token)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rating_give(
                question=question,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you for your rating."))
            return _after_action(question, token)
    return _asker_page(request, question, token=token, status=400, rating_form=form)
