"""The conversation under a post: reactions, comments with one level of replies, mentions,
reports, hiding by HR and closing."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial import audit
from news.models import MAX_COMMENT, Comment, CommentReport, Post, Reaction
from notifications.services import notify

MENTION = re.compile(r"(?<![\w.])@([a-z0-9][a-z0-9._-]{0,60})", re.IGNORECASE)


def reaction_toggle(*, post: Post, person, kind: str) -> Reaction | None:
    """One reaction per person per post: the same kind again takes it back, another kind
    replaces it. Two clicks at once still leave one row (the unique constraint)."""
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Choose like, insightful or celebrate."))
    with transaction.atomic():
        existing = Reaction.objects.select_for_update().filter(post=post, person=person).first()
        if existing and existing.kind == kind:
            existing.delete()
            return None
        if existing:
            existing.kind = kind
            existing.save(update_fields=["kind"])
            return existing
        try:
            with transaction.atomic():
                return Reaction.objects.create(post=post, person=person, kind=kind)
        except IntegrityError:
            return Reaction.objects.get(post=post, person=person)


def _clean_body(body: str) -> str:
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise ValidationError({"body": _("Write a comment first.")})
    if len(body) > MAX_COMMENT:
        raise ValidationError(
            {"body": _("A comment has at most %(n)d characters.") % {"n": MAX_COMMENT}}
        )
    return body


def mentioned_people(post: Post, body: str):
    """The colleagues named as @handle (the part of their e-mail address before the @) who
    are in the post's audience; anyone else is not notified."""
    handles = {h.lower() for h in MENTION.findall(body)}
    if not handles:
        return []
    from news.services.mustread import audience_of

    audience = audience_of(post)
    return [u for u in audience if u.email.split("@")[0].lower() in handles]


def comment_create(*, post: Post, author, body: str, parent: Comment | None = None) -> Comment:
    if post.comments_closed:
        raise ValidationError(_("Comments on this post are closed."))
    if not post.is_live():
        raise ValidationError(_("This post is not published."))
    body = _clean_body(body)
    if parent is not None:
        if parent.post_id != post.pk:
            raise ValidationError(_("That comment belongs to another post."))
        parent = parent if parent.parent_id is None else parent.parent  # one level of replies
    with transaction.atomic():
        comment = Comment.objects.create(post=post, author=author, body=body, parent=parent)
        _notify_mentions(comment, [])
    return comment


def _notify_mentions(comment: Comment, already) -> None:
    people = [
        p
        for p in mentioned_people(comment.post, comment.body)
        if p.pk != comment.author_id and p.pk not in already
    ]
    if people:
        notify(
            people,
            "news.mention",
            format_lazy(
                _("{name} mentioned you under “{title}”"),
                name=comment.author.full_name,
                title=comment.post.title,
            ),
            comment.body[:300],
            url=reverse("news:comment-goto", args=[comment.pk]),
        )


def comment_edit(*, comment: Comment, editor, body: str, now=None) -> Comment:
    now = now or timezone.now()
    if not comment.editable_by(editor, now):
        raise ValidationError(_("A comment can be changed for 15 minutes after writing it."))
    body = _clean_body(body)
    before = {p.pk for p in mentioned_people(comment.post, comment.body)}
    with transaction.atomic():
        comment.body = body
        comment.edited_at = now
        comment.save(update_fields=["body", "edited_at"])
        _notify_mentions(comment, before)
    return comment


def comment_report(*, comment: Comment, reporter, reason: str) -> CommentReport:
    reason = (reason or "").replace("\x00", "").strip()[:300]
    if not reason:
        raise ValidationError({"reason": _("Say what is wrong with this comment.")})
    report, created = CommentReport.objects.get_or_create(
        comment=comment, reporter=reporter, defaults={"reason": reason}
    )
    return report


def comment_hide(*, comment: Comment, hidden_by, reason: str, now=None) -> Comment:
    """HR hides a comment; its author sees the reason, the others see that it was hidden."""
    reason = (reason or "").replace("\x00", "").strip()[:300]
    if not reason:
        raise ValidationError({"reason": _("Give the reason the author will see.")})
    with transaction.atomic():
        comment.hidden_at = now or timezone.now()
        comment.hidden_by = hidden_by
        comment.hidden_reason = reason
        comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        audit.record(actor=hidden_by, action="news.comment_hide", target=comment)
    return comment


def comment_reports_dismiss(*, comment: Comment, moderator, now=None) -> int:
    """A moderator leaves a reported comment up: its open reports are dealt with."""
    with transaction.atomic():
        dismissed = CommentReport.objects.filter(comment=comment, dismissed_at__isnull=True).update(
            dismissed_at=now or timezone.now(), dismissed_by=moderator
        )
        if dismissed:
            audit.record(
                actor=moderator,
                action="news.comment_reports_dismiss",
                target=comment,
                reports=dismissed,
            )
    return dismissed


def comments_close(*, post: Post, closed_by, closed: bool = True) -> Post:
    post.comments_closed = closed
    post.save(update_fields=["comments_closed", "updated_at"])
    audit.record(actor=closed_by, action="news.comments_close", target=post, closed=closed)
    return post


def mention_candidates(post: Post, query: str, limit: int = 8):
    """Colleagues in the post's audience whose name or address starts like `query`."""
    from news.services.mustread import audience_queryset

    query = (query or "").replace("\x00", "").strip().lstrip("@")[:60]
    if len(query) < 2:
        return []
    people = audience_queryset(post).filter(full_name__icontains=query) | audience_queryset(
        post
    ).filter(email__istartswith=query)
    return list(people.order_by("full_name")[:limit])


User = get_user_model()
