"""What other apps may use of news; nothing else of it is public."""

from news.models import Post

__all__ = ["posts_for_alumni"]


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
