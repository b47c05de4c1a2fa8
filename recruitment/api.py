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


def daily_figures(day) -> dict:
    """For insights: per department of the vacancy, what recruitment saw on `day`
    (hrsocial.daily): applications, those that came through an employee's or alumnus's
    personal link (sharing's code on the application) and those through an alumnus's, hires
    (the procedure ended hired that day), hires through a personal link and through an
    alumnus's, the share of hires that someone referred, and the days from application to
    hire (their sum over the day's hires). Two grouped queries."""
    from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum

    from hrsocial.daily import day_bounds
    from people.models import User
    from recruitment.models import Application

    start, end = day_bounds(day)
    via_share = ~Q(referral_code="")
    via_alumni = via_share & Q(referrer__kind=User.Kind.ALUMNUS)
    applied = {
        r["vacancy__department"]: r
        for r in Application.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("vacancy__department")
        .annotate(
            n=Count("pk"),
            shared=Count("pk", filter=via_share),
            alumni=Count("pk", filter=via_alumni),
        )  # fmt: skip
        .order_by()
    }
    waited = ExpressionWrapper(F("ended_at") - F("created_at"), output_field=DurationField())
    hired = {
        r["vacancy__department"]: r
        for r in Application.objects.filter(
            stage=Application.Stage.HIRED, ended_at__gte=start, ended_at__lt=end
        )
        .values("vacancy__department")
        .annotate(
            n=Count("pk"), shared=Count("pk", filter=via_share),
            alumni=Count("pk", filter=via_alumni),
            referred=Count("pk", filter=Q(referrer__isnull=False)), waited=Sum(waited),
        )
        .order_by()
    }  # fmt: skip

    def counts(rows, field) -> dict:
        return {d: (float(r[field]), 0) for d, r in rows.items() if r[field]}

    return {
        "applications": counts(applied, "n"),
        "applications_via_share": counts(applied, "shared"),
        "hires": counts(hired, "n"),
        "hires_via_share": counts(hired, "shared"),
        "applications_via_alumni_share": counts(applied, "alumni"),
        "hires_via_alumni_share": counts(hired, "alumni"),
        "referral_share": {d: (float(r["referred"]), r["n"]) for d, r in hired.items()},
        "time_to_hire": {
            d: ((r["waited"].total_seconds() / 86400) if r["waited"] else 0.0, r["n"])
            for d, r in hired.items()
        },
    }
