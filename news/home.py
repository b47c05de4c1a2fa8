"""On "Mijn overzicht": unread must-reads and open consultations; moderators' to-do."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from hrsocial import home
from news.models import Comment, Confirmation, Consultation, Participation, Post
from news.permissions import can_moderate_news


def must_reads_and_consultations(request):
    """Two queries: must-reads I have not confirmed, consultations I can still answer."""
    user = request.user
    if not (user.is_authenticated and user.is_employee):
        return None
    now = timezone.now()
    visible = Post.objects.visible_to(user, now)
    confirmed = Confirmation.objects.filter(
        post=OuterRef("pk"), person=user, version=OuterRef("version")
    )
    must_reads = list(
        visible.filter(requires_confirmation=True)
        .exclude(Exists(confirmed))
        .order_by("-publish_at")[:5]
    )
    answered = Participation.objects.filter(consultation=OuterRef("pk"), person=user)
    consultations = list(
        Consultation.objects.filter(post__in=visible, opens_at__lte=now, closes_at__gt=now)
        .exclude(Exists(answered))
        .select_related("post")
        .order_by("closes_at")[:5]
    )
    if not (must_reads or consultations):
        return None
    return home.Panel(
        template="news/partials/home_panel.html",
        context={"must_reads": must_reads, "consultations": consultations},
        order=15,
    )


def blogs_to_moderate(request) -> list[home.Todo]:
    if not can_moderate_news(request.user):
        return []
    waiting = Post.objects.filter(kind=Post.Kind.BLOG, status=Post.Status.PENDING).count()
    if not waiting:
        return []
    label = ngettext("%(n)d blog to moderate", "%(n)d blogs to moderate", waiting) % {"n": waiting}
    return [home.Todo(label=label, url=reverse("news:moderation"), order=40)]


def comments_to_review(request) -> list[home.Todo]:
    if not can_moderate_news(request.user):
        return []
    waiting = Comment.objects.reported_open().count()
    if not waiting:
        return []
    label = ngettext(
        "%(n)d reported comment to review", "%(n)d reported comments to review", waiting
    ) % {"n": waiting}
    return [home.Todo(label=label, url=reverse("news:reported-comments"), order=41)]
