"""What other apps get from sharing, through `hrsocial.plugins.provided(name)` (they never
import sharing): the contract in `hrsocial/shareables.py`.

- `share_kit_url(obj)`: the share page of the record's kit (made from `describe` on first
  use, refreshed after), or None when it cannot be shared now.
- `share_attribution(request)`: which personal link brought this visitor (the last one
  followed within 30 days, from the first-party cookie).
- `share_figures(obj)`: shares and counted clicks of the record's kit per channel.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.urls import reverse

from hrsocial.shareables import Attribution, ShareFigures
from sharing.models import Share, ShareKit
from sharing.services.figures import kit_figures
from sharing.services.kits import kit_for_record

COOKIE = "hrs_share"
COOKIE_SALT = "sharing.attribution"
COOKIE_DAYS = 30


def share_kit_url(obj) -> str | None:
    kit = kit_for_record(obj)
    if kit is None or not kit.is_available():
        return None
    return reverse("sharing:kit", args=[kit.pk])


def attribution_cookie(response, *, request, code: str, now: datetime.datetime) -> None:
    """Remember the last personal link followed (last touch wins), signed so that it cannot
    be made up, for 30 days."""
    response.set_signed_cookie(
        COOKIE, f"{code}|{int(now.timestamp())}", salt=COOKIE_SALT,
        max_age=COOKIE_DAYS * 86400, httponly=True, samesite="Lax", secure=request.is_secure(),
    )  # fmt: skip


def share_attribution(request) -> Attribution | None:
    try:
        value = request.get_signed_cookie(COOKIE, salt=COOKIE_SALT, max_age=COOKIE_DAYS * 86400)
        code, stamp = value.split("|")
        followed_at = datetime.datetime.fromtimestamp(int(stamp), tz=datetime.UTC)
    except (KeyError, signing.BadSignature, ValueError, OverflowError):
        return None
    share = Share.objects.filter(code=code).select_related("kit").first()
    if share is None:
        return None
    return Attribution(
        code=share.code, sharer_id=share.sharer_id, channel=share.channel,
        shareable_key=share.kit.shareable_key, object_id=share.kit.object_id,
        followed_at=followed_at,
    )  # fmt: skip


def share_figures(obj) -> ShareFigures:
    kit = ShareKit.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).first()
    if kit is None:
        return ShareFigures()
    figures = kit_figures(kit)
    return ShareFigures(shares=figures["shares"], clicks=figures["clicks"])


VACANCY_KITS = "recruitment.vacancy"


def daily_figures(day: datetime.date) -> dict:
    """For insights: per department of the sharers when they shared (alumni and freelancers
    share without one: None), what sharing brought on `day` (hrsocial.daily): new personal
    links ("shares"), counted clicks (from the pre-aggregated DailyFigure rows), clicks per
    share, the same per channel, and the shares and clicks of vacancies' kits, also those of
    alumni (the chain share → click → application → hire). Two grouped queries."""
    from django.db.models import Count, Q, Sum

    from hrsocial.daily import day_bounds
    from people.models import User
    from sharing.models import Channel
    from sharing.models import DailyFigure as ClickFigure

    start, end = day_bounds(day)
    vacancy = Q(kit__shareable_key=VACANCY_KITS)
    by_alumni = vacancy & Q(sharer__kind=User.Kind.ALUMNUS)
    shares = {
        (r["department"], r["channel"]): (r["n"], r["vacancy"], r["alumni"])
        for r in Share.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("department", "channel")
        .annotate(
            n=Count("pk"), vacancy=Count("pk", filter=vacancy),
            alumni=Count("pk", filter=by_alumni),
        )
        .order_by()
    }  # fmt: skip
    clicks = {
        (r["department"], r["channel"]): (r["n"] or 0, r["vacancy"] or 0, r["alumni"] or 0)
        for r in ClickFigure.objects.filter(day=day)
        .values("department", "channel")
        .annotate(
            n=Sum("clicks"), vacancy=Sum("clicks", filter=vacancy),
            alumni=Sum("clicks", filter=by_alumni),
        )
        .order_by()
    }  # fmt: skip

    def summed(rows, index, channel=None) -> dict:
        found = {}
        for (department, on), values in rows.items():
            if channel is None or on == channel:
                found[department] = found.get(department, 0) + values[index]
        return found

    def counts(rows, index) -> dict:
        return {d: (float(n), 0) for d, n in summed(rows, index).items() if n}

    def per_share(channel=None) -> dict:
        made, came = summed(shares, 0, channel), summed(clicks, 0, channel)
        return {
            d: (float(came.get(d, 0)), made.get(d, 0))
            for d in set(made) | set(came)
            if came.get(d) or made.get(d)
        }

    figures = {
        "shares": counts(shares, 0),
        "clicks": counts(clicks, 0),
        "click_through": per_share(),
        "vacancy_shares": counts(shares, 1),
        "vacancy_clicks": counts(clicks, 1),
        "vacancy_shares_by_alumni": counts(shares, 2),
        "vacancy_clicks_by_alumni": counts(clicks, 2),
    }
    for channel in Channel.values:
        figures[f"click_through_{channel}"] = per_share(channel)
    return figures


def sharers(start: datetime.date, end: datetime.date, granularity: str) -> dict:
    """For insights: the distinct people behind clicks per share (overall and per channel):
    who made the links from `start` to `end`, per period and department of the sharer when
    they shared (hrsocial.daily.distinct_people: one query, counts only)."""
    from django.db.models import Q

    from hrsocial.daily import distinct_people
    from sharing.models import Channel

    return distinct_people(
        Share.objects.all(), when="created_at", person="sharer", department="department",
        start=start, end=end, granularity=granularity,
        figures={"click_through": None}
        | {f"click_through_{c}": Q(channel=c) for c in Channel.values},
    )  # fmt: skip


def vacancy_clicks_per_channel(day: datetime.date) -> dict:
    """For insights' recruitment section: the counted clicks on vacancies' personal links on
    `day` per channel (`clicks_linkedin`, …), per department of the sharer when they shared
    (alumni and freelancers: None), from the pre-aggregated DailyFigure rows. One query."""
    from django.db.models import Sum

    from sharing.models import DailyFigure as ClickFigure

    found = {}
    for row in (
        ClickFigure.objects.filter(day=day, kit__shareable_key=VACANCY_KITS)
        .values("department", "channel")
        .annotate(n=Sum("clicks"))
        .order_by()
    ):
        if row["n"]:
            found.setdefault(f"clicks_{row['channel']}", {})[row["department"]] = (
                float(row["n"]), 0
            )  # fmt: skip
    return found


def vacancy_click_sharers(start: datetime.date, end: datetime.date, granularity: str) -> dict:
    """For insights: the distinct people whose vacancy links were clicked, per channel
    (`clicks_<channel>`), period and department of the sharer: a channel's clicks on the
    links of one or two people would tell what those people did
    (hrsocial.daily.distinct_people: one query, counts only)."""
    from django.db.models import Q

    from hrsocial.daily import distinct_people
    from sharing.models import Channel
    from sharing.models import DailyFigure as ClickFigure

    return distinct_people(
        ClickFigure.objects.filter(kit__shareable_key=VACANCY_KITS, clicks__gt=0), when="day",
        person="sharer", department="department", start=start, end=end,
        granularity=granularity, figures={f"clicks_{c}": Q(channel=c) for c in Channel.values},
    )  # fmt: skip
