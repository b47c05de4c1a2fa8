"""Writing posts (HR, and employees' blogs), moderation, must-read figures, consultations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guidelines import api as guidelines_api
from hrsocial import audit
from hrsocial.exports import export_format, table_export
from news import services
from news.forms import ConsultationForm, PostForm, ReasonForm, ResponseForm, SendBackForm
from news.models import Comment, Consultation, Post
from news.permissions import (
    can_manage_news,
    can_moderate_news,
    get_editable_post,
    get_post_for_user,
    manager_required,
    moderator_required,
    reader_required,
)
from news.services.consultations import export_rows


@moderator_required
def manage(request):
    posts = (
        Post.objects.select_related("author")
        .annotate(
            understood=Count("understandings", filter=Q(understandings__understood=True)),
            readers=Count("readings", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )[:200]
    return render(request, "news/manage.html", {"posts": posts, "now": timezone.now()})


@reader_required
def my_blogs(request):
    posts = Post.objects.filter(author=request.user, kind=Post.Kind.BLOG).order_by("-created_at")
    return render(request, "news/my_blogs.html", {"posts": posts})


def _save(request, form, post):
    manager = can_manage_news(request.user) or can_moderate_news(request.user)
    data = form.cleaned_data
    try:
        services.post_save(
            post=form.instance,
            saved_by=request.user,
            departments=data.get("departments"),
            tags=form.tags(),
            publish=manager and data.get("publish", False),
            material=data.get("material", False),
            note=data.get("update_note", ""),
        )
    except ValidationError as error:
        form.add_error(None, error) if not hasattr(error, "error_dict") else [
            form.add_error(field if field in form.fields else None, errors)
            for field, errors in error.error_dict.items()
        ]
        return None
    return form.instance


@reader_required
def post_create(request):
    manager = can_moderate_news(request.user)
    post = Post(author=request.user, kind=Post.Kind.NEWS if manager else Post.Kind.BLOG)
    form = PostForm(request.POST or None, request.FILES or None, instance=post, manager=manager)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, post)
        if saved:
            if saved.kind == Post.Kind.BLOG and not manager:
                services.blog_submit(post=saved, author=request.user)
                messages.success(request, _("Your blog is waiting for moderation."))
            return redirect(saved.get_absolute_url())
    return render(request, "news/post_form.html", {"form": form})


@reader_required
def post_edit(request, pk):
    post = get_editable_post(request, pk)
    manager = can_moderate_news(request.user)
    form = PostForm(request.POST or None, request.FILES or None, instance=post, manager=manager)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, post)
        if saved:
            if (
                saved.kind == Post.Kind.BLOG
                and saved.author_id == request.user.pk
                and (saved.status in (Post.Status.DRAFT, Post.Status.SENT_BACK))
            ):
                services.blog_submit(post=saved, author=request.user)
            return redirect(saved.get_absolute_url())
    return render(request, "news/post_form.html", {"form": form, "post": post})


@reader_required
def post_revisions(request, pk):
    post = get_post_for_user(request, pk)
    return render(
        request,
        "news/post_revisions.html",
        {"post": post, "revisions": post.revisions.select_related("edited_by")},
    )


@moderator_required
def moderation(request):
    blogs = list(
        Post.objects.filter(kind=Post.Kind.BLOG, status=Post.Status.PENDING)
        .select_related("author")
        .order_by("created_at")
    )
    findings = {}
    for blog in blogs:
        try:
            findings[blog.pk] = guidelines_api.draft_check(f"{blog.title}\n\n{blog.body}")
        except ValueError:
            findings[blog.pk] = None
    rows = [(blog, findings[blog.pk]) for blog in blogs]
    tips = guidelines_api.PUBLISHED_TIPS.get()
    return render(
        request, "news/moderation.html", {"rows": rows, "tips": tips, "form": SendBackForm()}
    )


@moderator_required
@require_POST
def blog_approve(request, pk):
    post = get_object_or_404(Post, pk=pk, kind=Post.Kind.BLOG)
    try:
        services.blog_approve(post=post, moderator=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The blog is published; the author hears it."))
    return redirect("news:moderation")


@moderator_required
@require_POST
def blog_send_back(request, pk):
    post = get_object_or_404(Post, pk=pk, kind=Post.Kind.BLOG)
    form = SendBackForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    tip = request.POST.get("tip", "")
    if reason and tip.isdigit():
        cited = next((t for t in guidelines_api.PUBLISHED_TIPS.get() if str(t.pk) == tip), None)
        if cited:
            reason = f"{reason}\n\n{_('See the tip')}: {cited.title}"
    try:
        services.blog_send_back(post=post, moderator=request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The blog went back to its author with your reason."))
    return redirect("news:moderation")


@manager_required
def confirmations(request, pk):
    post = get_object_or_404(Post, pk=pk, requires_confirmation=True)
    groups = services.confirmation_rates(post)
    audit.record(actor=request.user, action="news.confirmations_view", target=post)
    return render(request, "news/confirmations.html", {"post": post, "groups": groups})


@manager_required
@require_POST
def confirmations_remind(request, pk):
    post = get_object_or_404(Post, pk=pk, requires_confirmation=True)
    sent = services.must_read_reminders_send(post=post)
    messages.success(request, _("Reminders sent: %(n)d.") % {"n": sent})
    return redirect("news:confirmations", pk=post.pk)


@manager_required
def consultation_edit(request, pk):
    post = get_object_or_404(Post, pk=pk)
    existing = Consultation.objects.filter(post=post).first()
    initial = {}
    if existing:
        initial = {
            "opens_at": existing.opens_at,
            "closes_at": existing.closes_at,
            "anonymous": existing.is_anonymous,
        }
        for n, q in enumerate(existing.questions.all(), start=1):
            initial.update({f"q{n}_text": q.text, f"q{n}_kind": q.kind, f"q{n}_choices": q.choices})
    form = ConsultationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.consultation_save(
                post=post,
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                anonymous=data["anonymous"],
                questions=form.questions(),
                saved_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(post.get_absolute_url() + "#consultation")
    return render(request, "news/consultation_form.html", {"form": form, "post": post})


def _consultation(pk) -> Consultation:
    # Through the post's pk, whose lookup finds nothing for a huge number (post_id=: a 500).
    return get_object_or_404(Consultation.objects.select_related("post"), post__pk=pk)


@manager_required
def consultation_export(request, pk):
    consultation = _consultation(pk)
    results = services.consultation_results(consultation)
    audit.record(actor=request.user, action="news.consultation_export", target=consultation)
    return table_export(
        header=[_("Question"), _("Answer"), _("Number"), _("Percentage")],
        rows=export_rows(results),
        filename=f"consultation-{consultation.post_id}",
        file_format=export_format(request),
    )


@manager_required
def consultation_report(request, pk):
    consultation = _consultation(pk)
    results = services.consultation_results(consultation)
    return render(
        request,
        "news/consultation_report.html",
        {"consultation": consultation, "results": results, "post": consultation.post},
    )


@manager_required
def consultation_respond(request, pk):
    consultation = _consultation(pk)
    form = ResponseForm(request.POST or None, initial={"response": consultation.response})
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_respond(
                consultation=consultation,
                responder=request.user,
                response=form.cleaned_data["response"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The response is published; participants hear it."))
            return redirect(consultation.post.get_absolute_url() + "#response")
    return render(
        request,
        "news/consultation_respond.html",
        {"form": form, "consultation": consultation, "post": consultation.post},
    )


@moderator_required
def reported_comments(request):
    """Reported comments nobody dealt with yet (the same people as blog moderation: HR and
    "Communicatie"). Moderators see every post, so every reported comment is theirs."""
    comments = Comment.objects.reported_open()
    return render(request, "news/reported_comments.html", {"comments": comments})


def _open_reported_comment(pk) -> Comment:
    # Only a comment still waiting: a second click (or a stale page) on one already hidden
    # or dismissed answers 404 instead of acting twice.
    return get_object_or_404(Comment.objects.reported_open(), pk=pk)


@moderator_required
@require_POST
def reported_comment_hide(request, pk):
    comment = _open_reported_comment(pk)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the reason the author will see."))
        services.comment_hide(
            comment=comment, hidden_by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The comment is hidden; its author sees your reason."))
    return redirect("news:reported-comments")


@moderator_required
@require_POST
def reported_comment_dismiss(request, pk):
    comment = _open_reported_comment(pk)
    services.comment_reports_dismiss(comment=comment, moderator=request.user)
    messages.success(request, _("The reports are dismissed; the comment stays visible."))
    return redirect("news:reported-comments")
