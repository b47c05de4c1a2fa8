"""What a share of a vacancy looks like (hrsocial.shareables; `sharing/` calls it)."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from hrsocial.shareables import ShareContent
from hrsocial.text import render_markdown


def _summary(markdown: str) -> str:
    return Truncator(strip_tags(render_markdown(markdown))).chars(200) if markdown else ""


def describe_vacancy(vacancy) -> ShareContent:
    # Both languages: the kit shows each reader theirs (hrsocial.i18n.localized).
    return ShareContent(
        title=vacancy.title,
        title_en=vacancy.title_en,
        summary=_summary(vacancy.description),
        summary_en=_summary(vacancy.description_en),
        url=vacancy.public_url()
        if vacancy.is_public
        else settings.SITE_URL + vacancy.get_absolute_url(),
        image_url=settings.SITE_URL + static("recruitment/vacancy.png"),
        audience="everyone" if vacancy.is_public else "employees",
        available=vacancy.is_open(),
        campaign=f"vacancy-{vacancy.pk}",
    )
