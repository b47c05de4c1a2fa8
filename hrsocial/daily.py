"""Daily aggregate figures that the practice apps hand to insights through their `api.py`.

Each app's `daily_figures(day)` returns `{name: {department id or None: (amount, base)}}`:
per department of the people concerned, an amount (a count, or a sum such as the sum of the
ratings) and a base (what a rate or an average divides by; 0 for a plain count). Never rows
about persons: only counts per department, computed with a fixed number of grouped queries.
"""

import datetime

from django.db.models import Count, Q, Sum
from django.utils import timezone

Figures = dict[int | None, tuple[float, int]]


def day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of `day` and of the next one, in the portal's time zone (a range over
    an indexed timestamp column, where `__date` would compute a date for every row)."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    return start, datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )


def per_department(
    queryset, department: str, *, amount=None, base=None, hit: Q | None = None
) -> Figures:
    """One grouped query: per `department` (a field path), `(amount, base)`.

    Without arguments the amount is the number of rows; `hit`: the amount is the number of
    rows matching it and the base the number of rows (a rate); `amount` (an expression to sum)
    with `base` True: the sum and the number of rows (an average)."""
    if hit is not None:
        rows = queryset.values(department).annotate(a=Count("pk", filter=hit), b=Count("pk"))
    elif amount is not None:
        rows = queryset.values(department).annotate(a=Sum(amount), b=Count("pk"))
    else:
        rows = queryset.values(department).annotate(a=Count("pk"), b=Count("pk"))
    counted = hit is not None or amount is not None
    return {
        row[department]: (float(row["a"] or 0), row["b"] if counted or base else 0) for row in rows
    }


def period_starts(start: datetime.date, end: datetime.date, granularity: str) -> list:
    """The first day of every week (Monday; "week") or month that `start`..`end` touches:
    the period keys of `distinct_people`."""
    if granularity == "week":
        first = start - datetime.timedelta(days=start.weekday())
        return [first + datetime.timedelta(weeks=n) for n in range((end - first).days // 7 + 1)]
    found, month = [], start.replace(day=1)
    while month <= end:
        found.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return found


def period_end(first: datetime.date, granularity: str) -> datetime.date:
    """The last day of the week or month that starts on `first`."""
    if granularity == "week":
        return first + datetime.timedelta(days=6)
    return (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


def distinct_people(
    queryset, *, when: str, person: str, department: str, start: datetime.date,
    end: datetime.date, granularity: str, figures: dict[str, Q | None],
) -> dict:  # fmt: skip
    """For insights' `Section.people`: per figure name, the distinct people (`person`, a field
    path) behind the rows of `queryset` whose `when` falls from `start` to `end`, per week or
    month ("week"/"month", keyed by its first day) and for the whole period ("period"), per
    `department` (None: none) and for the organisation ("organisation"). `figures`: the rows
    each figure counts (None: all). One query (four groupings in a union), counts only."""
    from django.db.models import BooleanField, DateTimeField, F, IntegerField, Value
    from django.db.models.functions import TruncMonth, TruncWeek

    first, last = day_bounds(start)[0], day_bounds(end)[1]
    rows = queryset.filter(**{f"{when}__gte": first, f"{when}__lt": last}).order_by()
    counted = {
        name: Count(person, distinct=True, **({"filter": hit} if hit is not None else {}))
        for name, hit in figures.items()
    }
    bucket = TruncWeek(when) if granularity == "week" else TruncMonth(when)
    whole = Value(None, output_field=DateTimeField())
    nowhere = Value(None, output_field=IntegerField())

    def grouped(period, group, everyone: bool):
        return (
            rows.annotate(p=period, d=group, everyone=Value(everyone, BooleanField()))
            .values("p", "d", "everyone")
            .annotate(**counted)
            .values("p", "d", "everyone", *counted)
        )

    by_department = F(department)
    union = grouped(bucket, by_department, False).union(
        grouped(whole, by_department, False),
        grouped(bucket, nowhere, True),
        grouped(whole, nowhere, True),
        all=True,
    )
    found = {name: {} for name in counted}
    for row in union:
        period = row["p"]
        if isinstance(period, datetime.datetime):
            period = (
                timezone.localtime(period).date() if timezone.is_aware(period) else period.date()
            )
        key = "organisation" if row["everyone"] else row["d"]
        for name in counted:
            found[name].setdefault("period" if period is None else period, {})[key] = row[name]
    return found
