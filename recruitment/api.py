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


# The channels of a personal link that brought the candidate (sharing's networks); every
# other channel (the careers page, a referral by name, an internal application) is "direct".
SHARED_CHANNELS = ("linkedin", "x", "facebook", "whatsapp", "email")
DIRECT = "direct"


def _channel_of(channel: str) -> str:
    return channel if channel in SHARED_CHANNELS else DIRECT


def daily_figures(day) -> dict:
    """For insights: per department of the vacancy, what recruitment saw on `day`
    (hrsocial.daily): applications, those that came through an employee's or alumnus's
    personal link (sharing's code on the application) and those through an alumnus's, hires
    (the procedure ended hired that day), hires through a personal link and through an
    alumnus's, the share of hires that someone referred, the days from application to hire
    (their sum over the day's hires), and applications and hires per channel of the personal
    link that brought the candidate (`applications_linkedin`, …, `applications_direct`
    without one; `hires_…` likewise). Two grouped queries."""
    from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum

    from hrsocial.daily import day_bounds
    from people.models import User
    from recruitment.models import Application

    start, end = day_bounds(day)
    via_share = ~Q(referral_code="")
    via_alumni = via_share & Q(referrer__kind=User.Kind.ALUMNUS)
    applied_rows = list(
        Application.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("vacancy__department", "channel")
        .annotate(
            n=Count("pk"),
            shared=Count("pk", filter=via_share),
            alumni=Count("pk", filter=via_alumni),
        )  # fmt: skip
        .order_by()
    )
    waited = ExpressionWrapper(F("ended_at") - F("created_at"), output_field=DurationField())
    hired_rows = list(
        Application.objects.filter(
            stage=Application.Stage.HIRED, ended_at__gte=start, ended_at__lt=end
        )
        .values("vacancy__department", "channel")
        .annotate(
            n=Count("pk"), shared=Count("pk", filter=via_share),
            alumni=Count("pk", filter=via_alumni),
            referred=Count("pk", filter=Q(referrer__isnull=False)), waited=Sum(waited),
        )
        .order_by()
    )  # fmt: skip

    def per_department(rows) -> dict:
        found = {}
        for row in rows:
            summed = found.setdefault(row["vacancy__department"], {})
            for field, value in row.items():
                if field not in ("vacancy__department", "channel") and value is not None:
                    summed[field] = summed[field] + value if field in summed else value
        return found

    applied, hired = per_department(applied_rows), per_department(hired_rows)

    def counts(rows, field) -> dict:
        return {d: (float(r[field]), 0) for d, r in rows.items() if r.get(field)}

    def per_channel(rows, channel) -> dict:
        found = {}
        for row in rows:
            if _channel_of(row["channel"]) == channel:
                department = row["vacancy__department"]
                found[department] = (found.get(department, (0.0, 0))[0] + row["n"], 0)
        return found

    figures = {
        "applications": counts(applied, "n"),
        "applications_via_share": counts(applied, "shared"),
        "hires": counts(hired, "n"),
        "hires_via_share": counts(hired, "shared"),
        "applications_via_alumni_share": counts(applied, "alumni"),
        "hires_via_alumni_share": counts(hired, "alumni"),
        "referral_share": {d: (float(r["referred"]), r["n"]) for d, r in hired.items()},
        "time_to_hire": {
            d: ((r["waited"].total_seconds() / 86400) if r.get("waited") else 0.0, r["n"])
            for d, r in hired.items()
        },
    }
    for channel in (*SHARED_CHANNELS, DIRECT):
        figures[f"applications_{channel}"] = per_channel(applied_rows, channel)
        figures[f"hires_{channel}"] = per_channel(hired_rows, channel)
    return figures


def people_behind(start, end, granularity: str) -> dict:
    """For insights: the distinct candidates behind the applications and hires per channel,
    per period and department of the vacancy (hrsocial.daily.distinct_people: two queries,
    counts only). A candidate is their e-mail address; once the retention task has blanked
    it, each application counts as its own candidate (nothing else is left to tell them
    apart)."""
    from django.db.models import CharField, Q, Value
    from django.db.models.functions import Cast, Coalesce, Concat, Lower, NullIf

    from hrsocial.daily import distinct_people
    from recruitment.models import Application

    candidate = Coalesce(
        NullIf(Lower("email"), Value("")),
        Concat(Value("#"), Cast("pk", output_field=CharField())),
        output_field=CharField(),
    )

    def on(channel) -> Q:
        return Q(channel=channel) if channel != DIRECT else ~Q(channel__in=SHARED_CHANNELS)

    def figures(prefix) -> dict:
        return {f"{prefix}_{c}": on(c) for c in (*SHARED_CHANNELS, DIRECT)}

    applications = Application.objects.annotate(candidate=candidate)
    applied = distinct_people(
        applications, when="created_at", person="candidate", department="vacancy__department",
        start=start, end=end, granularity=granularity, figures=figures("applications"),
    )  # fmt: skip
    hired = distinct_people(
        applications.filter(stage=Application.Stage.HIRED), when="ended_at",
        person="candidate", department="vacancy__department", start=start, end=end,
        granularity=granularity, figures=figures("hires"),
    )  # fmt: skip
    return applied | hired
