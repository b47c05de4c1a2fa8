"""Figures the employee and HR can trust: counted clicks (never estimated reach), shares.

* `own_shares(user)`: a person's own links with the clicks each brought (from the clicks,
  so a visit shows at once).
* `hr_figures()`: per kit, channel, department, campaign and month, from the pre-aggregated
  `DailyFigure` rows and the shares: a fixed number of queries, whatever the number of clicks.
  Every group is about the people who shared in it; fewer than five shows no figure
  (`hrsocial.privacy`). Per person only for the leaderboard: those who opted in, or everyone
  when the works council consented. The figures change only when their rows do (new shares,
  the aggregation task adding clicks, a leaderboard choice, a renamed kit or department), so
  they are kept in the cache under `FIGURES`, which those changes move on (sharing/apps.py):
  over a million clicks, adding them up takes half a second.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from hrsocial import privacy
from hrsocial.caching import CachedValue, Generation
from people.models import Department, User
from sharing.models import Campaign, Channel, Click, DailyFigure, Share, ShareKit, SharingProfile

TOP = 10


def own_shares(user):
    return (
        Share.objects.by(user).select_related("kit")
        .annotate(click_count=Count("clicks")).order_by("-created_at", "-pk")
    )  # fmt: skip


@dataclass
class Row:
    label: str
    people: int
    shares: int
    clicks: int
    hidden: bool = False

    @property
    def per_share(self):
        return round(self.clicks / self.shares, 1) if self.shares else 0


def _grouped(field: str, *, click_field: str | None = None):
    shares = {
        row[field]: row
        for row in Share.objects.values(field).annotate(
            shares=Count("pk"), people=Count("sharer", distinct=True)
        )
    }
    clicks = dict(
        DailyFigure.objects.values_list(click_field or field).annotate(Sum("clicks")).order_by()
    )
    return shares, clicks


def _rows(shares, clicks, labels) -> list[Row]:
    rows = [
        Row(label=labels.get(key, "—"), people=row["people"], shares=row["shares"],
            clicks=clicks.get(key) or 0)
        for key, row in shares.items()
    ]  # fmt: skip
    for row in rows:
        row.hidden = privacy.figure(row.people, True) is None
    return sorted(rows, key=lambda r: (-r.clicks, -r.shares, r.label))


def hr_figures() -> dict:
    return HR_FIGURES.get(settings.SHARING_WORKS_COUNCIL_CONSENT)


def _hr_figures(everyone_shown: bool) -> dict:
    totals = Share.objects.aggregate(shares=Count("pk"), people=Count("sharer", distinct=True))
    totals["clicks"] = DailyFigure.objects.aggregate(n=Sum("clicks"))["n"] or 0

    kit_shares, kit_clicks = _grouped("kit_id", click_field="kit_id")
    kits = _rows(kit_shares, kit_clicks, dict(ShareKit.objects.filter(pk__in=kit_shares)
        .values_list("pk", "title")))[:TOP]  # fmt: skip

    channel_shares, channel_clicks = _grouped("channel")
    channels = _rows(channel_shares, channel_clicks, dict(Channel.choices))

    dept_shares, dept_clicks = _grouped("department_id")
    names = dict(Department.objects.filter(pk__in=dept_shares).values_list("pk", "name"))
    departments = _rows(dept_shares, dept_clicks, names)
    groups = privacy.suppress(
        privacy.Group(key=i, label=row.label, people=row.people, value=row) for i, row in
        enumerate(departments)
    )  # fmt: skip
    for group in groups:
        group.value.hidden = group.hidden

    campaign_shares, campaign_clicks = _grouped("kit__campaign_id", click_field="campaign_id")
    campaign_names = dict(Campaign.objects.values_list("pk", "name"))
    campaigns = [
        row for row in _rows(campaign_shares, campaign_clicks, campaign_names)
        if row.label != "—"
    ]  # fmt: skip

    months = [
        {"month": row["month"], "clicks": row["clicks"],
         "hidden": privacy.figure(row["people"], True) is None}
        for row in DailyFigure.objects.annotate(month=TruncMonth("day")).values("month")
        .annotate(clicks=Sum("clicks"), people=Count("sharer", distinct=True)).order_by("month")
    ]  # fmt: skip
    return {
        "totals": totals, "kits": kits, "channels": channels, "departments": departments,
        "campaigns": campaigns, "months": months[-12:],
        "leaderboard": leaderboard(everyone=everyone_shown), "everyone_shown": everyone_shown,
    }  # fmt: skip


FIGURES = Generation("sharing:figures:generation")
HR_FIGURES = CachedValue("sharing:hr-figures", _hr_figures, timeout=3600, generation=FIGURES)


def leaderboard(*, everyone: bool | None = None) -> list[dict]:
    """Counted clicks per person: only those who opted in (off by default), unless the works
    council consented to per-person figures (SHARING_WORKS_COUNCIL_CONSENT)."""
    if everyone is None:
        everyone = settings.SHARING_WORKS_COUNCIL_CONSENT
    figures = DailyFigure.objects.all()
    if not everyone:
        opted_in = SharingProfile.objects.filter(on_leaderboard=True).values("user_id")
        figures = figures.filter(sharer__in=opted_in)
    top = list(
        figures.values("sharer").annotate(clicks=Sum("clicks")).order_by("-clicks", "sharer")[:TOP]
    )
    people = User.objects.in_bulk([row["sharer"] for row in top])
    return [{"person": people[row["sharer"]], "clicks": row["clicks"]} for row in top]


def kit_figures(kit) -> dict:
    """Shares and counted clicks of one kit per channel (exact, from the clicks)."""
    shares = dict(
        Share.objects.filter(kit=kit).values_list("channel").annotate(Count("pk")).order_by()
    )
    clicks = dict(
        Click.objects.filter(share__kit=kit).values_list("share__channel")
        .annotate(Count("pk")).order_by()
    )  # fmt: skip
    return {"shares": shares, "clicks": clicks}


def kit_rows(kit) -> list[dict]:
    """The same per channel, as rows with the network's name (HR's kit page)."""
    figures = kit_figures(kit)
    return [
        {"label": label, "shares": figures["shares"].get(value, 0),
         "clicks": figures["clicks"].get(value, 0)}
        for value, label in Channel.choices if value in figures["shares"]
    ]  # fmt: skip
