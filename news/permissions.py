"""Who may do what in news, in one place.

Employees read the posts of their audience, react, comment, confirm must-reads, answer
consultations and write blogs. HR writes news, policy and examples, moderates (hiding comments),
closes conversations and sees figures; members of the group "Communicatie" (created by
`sharing/`) moderate and write news too. Alumni read the posts meant for alumni. A post
someone may not see answers 404, scheduled, expired and other departments' posts included.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from news.models import Comment, Post
from people.permissions import is_employee, is_hr, role_required

can_read_news = is_employee
can_manage_news = is_hr


def can_moderate_news(user) -> bool:
    """HR, or a member of the comms group "Communicatie"."""
    if not is_employee(user):
        return False
    return user.is_hr or user.is_communications


def can_read_post(user) -> bool:
    """Signed-in employees and alumni (what each sees is `Post.objects.visible_to`)."""
    return user.is_authenticated and (user.is_employee or user.is_alumnus)


reader_required = role_required(can_read_news)
post_reader_required = role_required(can_read_post)
manager_required = role_required(can_manage_news)
moderator_required = role_required(can_moderate_news)


def get_post_for_user(request, pk) -> Post:
    """A post this person may read: live and in their audience; HR and moderators also see
    posts before publication (to check them); a blog's author sees their own."""
    user = request.user
    posts = Post.objects.select_related("author", "author__department")
    if can_moderate_news(user):
        return get_object_or_404(posts, pk=pk)
    # The usual case first, in one query: a post of their audience.
    post = (
        posts.visible_to(user).filter(pk=pk).first()
        or posts.filter(pk=pk, kind=Post.Kind.BLOG, author_id=user.pk).first()
    )
    if post is None:
        raise Http404
    return post


def get_editable_post(request, pk) -> Post:
    """HR edits every post; an author edits their own blog until it is published."""
    post = get_object_or_404(Post, pk=pk)
    user = request.user
    if can_manage_news(user):
        return post
    if post.kind == Post.Kind.BLOG and post.author_id == user.pk:
        if post.status == Post.Status.PUBLISHED and not can_moderate_news(user):
            raise Http404
        return post
    if can_moderate_news(user):
        return post
    raise Http404


def get_comment_for_user(request, pk) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    get_post_for_user(request, comment.post_id)  # 404 when the post is not theirs
    return comment
