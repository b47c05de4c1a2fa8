"""Reactions (htmx), comments, replies, mentions, reports; moderators hide, HR closes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from news import services
from news.forms import CommentForm, ReasonForm
from news.models import Comment
from news.permissions import (
    get_comment_for_user,
    get_post_for_user,
    manager_required,
    moderator_required,
    post_reader_required,
    reader_required,
)
from news.services.conversation import mention_candidates
from news.views.reading import _reaction_context


@reader_required
@require_POST
def post_react(request, pk):
    post = get_post_for_user(request, pk)
    if not post.is_live():
        raise Http404
    try:
        services.reaction_toggle(post=post, person=request.user, kind=request.POST.get("kind", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:
        return render(
            request, "news/partials/reactions.html", _reaction_context(post, request.user)
        )
    return redirect(post.get_absolute_url() + "#reactions")


@reader_required
@require_POST
def comment_create(request, pk):
    post = get_post_for_user(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment of at most 2,000 characters."))
        return redirect(post.get_absolute_url() + "#comments")
    parent = None
    if form.cleaned_data["parent"]:
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"], post=post).first()
        if parent is None:
            raise Http404
    try:
        comment = services.comment_create(
            post=post, author=request.user, body=form.cleaned_data["body"], parent=parent
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(post.get_absolute_url() + "#comments")
    return redirect(comment.get_absolute_url())


@reader_required
def comment_edit(request, pk):
    comment = get_comment_for_user(request, pk)
    if not comment.editable_by(request.user):
        messages.error(request, _("A comment can be changed for 15 minutes after writing it."))
        return redirect(comment.get_absolute_url())
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                comment=comment, editor=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(comment.get_absolute_url())
    return render(request, "news/comment_form.html", {"form": form, "comment": comment})


@reader_required
@require_POST
def comment_report(request, pk):
    comment = get_comment_for_user(request, pk)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Say what is wrong with this comment."))
        services.comment_report(
            comment=comment, reporter=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: HR looks at the comment."))
    return redirect(comment.get_absolute_url())


@moderator_required
@require_POST
def comment_hide(request, pk):
    comment = get_comment_for_user(request, pk)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the reason the author will see."))
        services.comment_hide(
            comment=comment, hidden_by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(comment.get_absolute_url())


@manager_required
@require_POST
def post_close_comments(request, pk):
    post = get_post_for_user(request, pk)
    services.comments_close(
        post=post, closed_by=request.user, closed=request.POST.get("closed") != "no"
    )
    return redirect(post.get_absolute_url() + "#comments")


@reader_required
def mention_suggestions(request, pk):
    """htmx: colleagues in the post's audience to mention (name and @handle)."""
    post = get_post_for_user(request, pk)
    words = request.GET.get("body", "")[-200:].split()
    last = words[-1] if words else ""
    people = mention_candidates(post, last) if last.startswith("@") else []
    people = [(p.full_name, p.email.split("@")[0]) for p in people]
    return render(request, "news/partials/mention_suggestions.html", {"people": people})


@post_reader_required
def comment_goto(request, pk):
    """A link to a comment that stays right as the conversation grows (mentions, reports)."""
    return redirect(get_comment_for_user(request, pk).get_absolute_url())
