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
