"""How a news post looks as a share kit (hrsocial.shareables; used by `sharing/`)."""

from django.conf import settings

from hrsocial.shareables import ShareContent
from news.models import Post


def describe_post(post: Post) -> ShareContent:
    audience = {
        Post.Audience.WITH_ALUMNI: "everyone",
        Post.Audience.DEPARTMENTS: "employees",
    }.get(post.audience, "employees")
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return ShareContent(
        title=post.title,
        summary=post.display_summary,
        url=f"{base}{post.get_absolute_url()}",
        image_url=f"{base}{post.image.url}" if post.image else "",
        audience=audience,
        departments=tuple(post.departments.values_list("pk", flat=True))
        if post.audience == Post.Audience.DEPARTMENTS
        else (),
        starts_at=post.publish_at,
        ends_at=post.unpublish_at,
        available=post.is_live(),
        campaign=f"news-{post.pk}",
    )
