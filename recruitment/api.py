"""What other apps may use of recruitment; alumni and news call `open_vacancies` through
`hrsocial.plugins.provided("open_vacancies")`."""

from django.conf import settings

from recruitment.models import Vacancy


def open_vacancies(user, *, since=None, limit=10) -> list[dict]:
    """Open vacancies this user may see (public ones; internal ones too for employees),
    newest first: title, url (absolute), department, location."""
    rows = Vacancy.objects.open().visible_to(user).select_related("department")
    if since is not None:
        rows = rows.filter(opens_on__gte=since)
    return [
        {
            "title": vacancy.display_title,
            "url": settings.SITE_URL + vacancy.get_absolute_url(),
            "department": vacancy.department.name,
            "location": vacancy.location,
        }
        for vacancy in rows.order_by("-opens_on", "title")[:limit]
    ]
