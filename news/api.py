"""What other apps may use of news; nothing else of it is public."""

from django.db.models import Count, Q

from news.models import Post

__all__ = ["post_figures", "posts_for_alumni"]


def posts_for_alumni(user, *, since=None, limit=5) -> list[dict]:
    """Live posts meant for employees and alumni, newest first (the alumni app's news):
    dicts with title, url, published_at and summary. Never a department's own post."""
    posts = Post.objects.live().filter(audience=Post.Audience.WITH_ALUMNI)
    if since is not None:
        posts = posts.filter(publish_at__gte=since)
    return [
        {
            "title": p.title,
            "url": p.get_absolute_url(),
            "published_at": p.publish_at,
            "summary": p.display_summary,
        }
        for p in posts.order_by("-publish_at", "-pk")[:limit]
    ]


def post_figures(*, since=None) -> list[dict]:
    """Per live post with a "why" (news and policy): readers and how many understood why or
    not (for insights). Counts of people, never names."""
    posts = Post.objects.live().filter(kind__in=[Post.Kind.NEWS, Post.Kind.POLICY])
    if since is not None:
        posts = posts.filter(publish_at__gte=since)
    rows = posts.annotate(
        readers=Count("readings", distinct=True),
        understood=Count(
            "understandings", filter=Q(understandings__understood=True), distinct=True
        ),
        not_understood=Count(
            "understandings", filter=Q(understandings__understood=False), distinct=True
        ),
    ).order_by("-publish_at", "-pk")
    return [
        {
            "title": p.title,
            "kind": p.kind,
            "published_at": p.publish_at,
            "readers": p.readers,
            "understood": p.understood,
            "not_understood": p.not_understood,
        }
        for p in rows
    ]
