"""The dashboard's reads: a fixed number of aggregate queries over the daily figures,
whatever the period, the number of people or departments. Cached a few minutes; building the
day's figures forgets them all (`FIGURES`)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, Sum, Value, When
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext_lazy as _

from hrsocial.caching import CachedValue, Generation
from hrsocial.daily import period_starts
from insights import chains as chain_defs
from insights.models import DailyFigure
from insights.raw import (
    RawBreakdown,
    RawCell,
    RawChain,
    RawComparison,
    RawDashboard,
    RawSection,
    RawSeries,
)
from insights.sections import ORGANISATION, WHOLE_PERIOD, installed_sections
from people.models import Department, User

WEEK, MONTH = "week", "month"
CACHE_SECONDS = 300
FIGURES = Generation("insights:figures")


@dataclass(frozen=True)
class Selection:
    """What the dashboard shows: a period, weeks or months, and the whole organisation or
    one department."""

    start: datetime.date
    end: datetime.date
    granularity: str = MONTH
    department: int | None = None

    def parts(self) -> list:
        return [self.start, self.end, self.granularity, self.department or 0]


def _departments() -> list[tuple[int, str, int]]:
    """(id, name, headcount) of every department with employees; two queries."""
    counts = dict(
        User.objects.employees()
        .filter(department__isnull=False)
        .values_list("department")
        .annotate(n=Count("pk"))
    )
    return [
        (pk, name, counts[pk])
        for pk, name in Department.objects.order_by("name").values_list("pk", "name")
        if counts.get(pk)
    ]


DEPARTMENTS = CachedValue("insights:departments", _departments, timeout=CACHE_SECONDS)


def departments() -> list[tuple[int, str, int]]:
    return DEPARTMENTS.get()


def periods(start: datetime.date, end: datetime.date, granularity: str) -> list[datetime.date]:
    """The first day of every week (Monday) or month that the period touches."""
    return period_starts(start, end, granularity)


def _bucket(granularity: str):
    return TruncWeek("day") if granularity == WEEK else TruncMonth("day")


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _load(start, end, granularity, department) -> dict:
    """Plain sums (cacheable): per figure and period, and per figure and department. Two
    queries (one with a department chosen)."""
    rows = DailyFigure.objects.filter(day__gte=start, day__lte=end)
    if department:
        rows = rows.filter(department=department)
    series = [
        (r["figure"], _as_date(r["period"]), r["amount"] or 0.0, r["base"] or 0)
        for r in rows.annotate(period=_bucket(granularity))
        .values("figure", "period")
        .annotate(amount=Sum("amount"), base=Sum("base"))
        .order_by()
    ]
    by_department = []
    if not department:
        by_department = [
            (r["figure"], r["department"], r["amount"] or 0.0, r["base"] or 0)
            for r in rows.values("figure", "department")
            .annotate(amount=Sum("amount"), base=Sum("base"))
            .order_by()
        ]
    return {"series": series, "by_department": by_department}


SUMS = CachedValue(
    "insights:sums",
    _load,
    timeout=CACHE_SECONDS,
    generation=FIGURES,
    key_parts=lambda *args: [str(a) for a in args],
)


def _people(start, end, granularity) -> dict:
    """The distinct people behind the figures whose base counts events, per figure key:
    `Section.people` of every section that offers it (read live, cached with the sums)."""
    found = {}
    for section in installed_sections():
        if section.people:
            for name, counts in section.people(start, end, granularity).items():
                found[f"{section.label}.{name}"] = counts
    return found


PEOPLE = CachedValue(
    "insights:people",
    _people,
    timeout=CACHE_SECONDS,
    generation=FIGURES,
    key_parts=lambda *args: [str(a) for a in args],
)


def dashboard(selection: Selection) -> RawDashboard:
    """The raw dashboard for `selection` (published only by insights.privacy.publish)."""
    known = departments()
    headcounts = {pk: n for pk, _name, n in known}
    organisation = sum(headcounts.values())
    headcount = headcounts.get(selection.department, 0) if selection.department else organisation
    sums = SUMS.get(selection.start, selection.end, selection.granularity, selection.department)
    buckets = periods(selection.start, selection.end, selection.granularity)
    behind = PEOPLE.get(selection.start, selection.end, selection.granularity)
    group = selection.department or ORGANISATION

    per_period = {(f, p): (a, b) for f, p, a, b in sums["series"]}
    per_department = defaultdict(dict)
    for figure, department, amount, base in sums["by_department"]:
        per_department[figure][department] = (amount, base)

    def people(key, period, department):
        """None when the figure's base counts people (or, for this group, the section cannot
        count them: anonymous questions); else the people behind it."""
        if key not in behind:
            return None
        return behind[key].get(period, {}).get(department, 0)

    def total_of(key) -> RawCell:
        amount = sum(per_period.get((key, p), (0, 0))[0] for p in buckets)
        base = sum(per_period.get((key, p), (0, 0))[1] for p in buckets)
        return RawCell(amount, base, headcount, people(key, WHOLE_PERIOD, group))

    sections, totals = [], {}
    for section in installed_sections():
        series, breakdowns = [], []
        for figure in section.figures:
            cells = tuple(
                RawCell(*per_period.get((figure.key, p), (0.0, 0)), headcount,
                        people(figure.key, p, group))
                for p in buckets
            )  # fmt: skip
            totals[figure.key] = total_of(figure.key)
            series.append(RawSeries(figure, tuple(buckets), cells, totals[figure.key]))
            if not selection.department:
                rows = [
                    (
                        name,
                        RawCell(
                            *per_department[figure.key].get(pk, (0.0, 0)),
                            n,
                            people(figure.key, WHOLE_PERIOD, pk),
                        ),
                    )
                    for pk, name, n in known  # fmt: skip
                ]
                if None in per_department[figure.key]:
                    amount, base = per_department[figure.key][None]
                    rows.append(
                        (
                            _("No department (anonymous)"),
                            RawCell(
                                amount, base, organisation, people(figure.key, WHOLE_PERIOD, None)
                            ),
                        )
                    )
                breakdowns.append(RawBreakdown(figure, tuple(rows), totals[figure.key]))
        sections.append(RawSection(section, tuple(series), tuple(breakdowns)))
    chains = tuple(
        RawChain(
            chain, tuple(RawCell(totals[s.figure]._amount, 0, headcount) for s in chain.stages)
        )
        for chain in chain_defs.available_chains(totals)
    )
    return RawDashboard(tuple(sections), chains, selection.granularity)


def comparison(*, figure, starts_on, pilot_ids, until) -> RawComparison:
    """`figure` per week from up to twelve weeks before `starts_on` until `until`: the
    organisation, the pilot departments and the rest (what belongs to no department counts
    for the organisation only). One query, plus the cached headcounts."""
    first = starts_on - datetime.timedelta(weeks=12)
    buckets = periods(first, max(until, starts_on), WEEK)
    pilot_ids = set(pilot_ids)
    group = Case(
        When(department__in=pilot_ids or [0], then=Value("pilot")),
        When(department__isnull=True, then=Value("none")),
        default=Value("rest"),
        output_field=CharField(),
    )
    rows = (
        DailyFigure.objects.filter(figure=figure.key, day__gte=buckets[0], day__lte=until)
        .annotate(period=TruncWeek("day"), group=group)
        .values("period", "group")
        .annotate(amount=Sum("amount"), base=Sum("base"))
        .order_by()
    )
    sums = {(_as_date(r["period"]), r["group"]): (r["amount"] or 0.0, r["base"] or 0) for r in rows}
    headcounts = {pk: n for pk, _name, n in departments()}
    organisation = sum(headcounts.values())
    in_pilot = sum(n for pk, n in headcounts.items() if pk in pilot_ids)

    behind = PEOPLE.get(buckets[0], until, WEEK).get(figure.key)
    halves = None
    if behind is not None:
        before = PEOPLE.get(buckets[0], starts_on - datetime.timedelta(days=1), WEEK)[figure.key]
        since = PEOPLE.get(starts_on, max(until, starts_on), WEEK)[figure.key]
        halves = {"before": _split(before, WHOLE_PERIOD, pilot_ids),
                  "since": _split(since, WHOLE_PERIOD, pilot_ids)}  # fmt: skip

    def people(period, groups):
        if behind is None:
            return None
        if "none" in groups:
            return behind.get(period, {}).get(ORGANISATION, 0)
        return _split(behind, period, pilot_ids)[0 if groups == ("pilot",) else 1]

    def cell(period, groups, headcount) -> RawCell:
        found = [sums.get((period, g), (0.0, 0)) for g in groups]
        return RawCell(sum(a for a, _b in found), sum(b for _a, b in found), headcount,
                       people(period, groups))  # fmt: skip

    return RawComparison(
        figure=figure,
        periods=tuple(buckets),
        _organisation=tuple(cell(p, ("pilot", "rest", "none"), organisation) for p in buckets),
        _pilot=tuple(cell(p, ("pilot",), in_pilot) for p in buckets),
        _rest=tuple(cell(p, ("rest",), organisation - in_pilot) for p in buckets),
        starts_on=starts_on,
        has_pilot=bool(pilot_ids),
        _people_halves=halves,
    )


def _split(counts: dict, period, pilot_ids: set) -> tuple[int, int]:
    """The people of the pilot departments and of the other departments in `period` (summed
    over departments: someone who moved departments counts in both)."""
    found = counts.get(period, {})
    departments_only = [(d, n) for d, n in found.items() if isinstance(d, int)]
    return (sum(n for d, n in departments_only if d in pilot_ids),
            sum(n for d, n in departments_only if d not in pilot_ids))  # fmt: skip
