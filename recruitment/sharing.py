"""What a share of a vacancy looks like (hrsocial.shareables; `sharing/` calls it)."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from hrsocial.shareables import ShareContent
from hrsocial.text import render_markdown


def describe_vacancy(vacancy) -> ShareContent:
    summary = Truncator(strip_tags(render_markdown(vacancy.description))).chars(200)
    return ShareContent(
        title=vacancy.title,
        summary=summary,
        url=vacancy.public_url()
        if vacancy.is_public
        else settings.SITE_URL + vacancy.get_absolute_url(),
        image_url=settings.SITE_URL + static("recruitment/vacancy.png"),
        audience="everyone" if vacancy.is_public else "employees",
        available=vacancy.is_open(),
        campaign=f"vacancy-{vacancy.pk}",
    )
