"""Dutch working days, computed: Monday to Friday and not a public holiday.

For code on the shared ground (the demo data, say) that needs "a working day" without a
database: the helpdesk's response targets read HR's own list (`helpdesk.PublicHoliday`, which
starts from the same days); this module never changes with HR's edits.
"""

import datetime


def easter(year: int) -> datetime.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return datetime.date(year, month, day)


def dutch_public_holidays(year: int) -> dict[datetime.date, str]:
    """The Dutch public holidays ("algemeen erkende feestdagen") of `year`, Liberation Day
    included every year, as the helpdesk's first list has them."""
    sunday = easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to the Saturday before
        kings_day -= datetime.timedelta(days=1)
    day = datetime.timedelta(days=1)
    return {
        datetime.date(year, 1, 1): "Nieuwjaarsdag",
        sunday: "Eerste Paasdag",
        sunday + day: "Tweede Paasdag",
        kings_day: "Koningsdag",
        datetime.date(year, 5, 5): "Bevrijdingsdag",
        sunday + 39 * day: "Hemelvaartsdag",
        sunday + 49 * day: "Eerste Pinksterdag",
        sunday + 50 * day: "Tweede Pinksterdag",
        datetime.date(year, 12, 25): "Eerste Kerstdag",
        datetime.date(year, 12, 26): "Tweede Kerstdag",
    }


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in dutch_public_holidays(day.year)


def working_day_from(day: datetime.date, *, step: int = 1) -> datetime.date:
    """`day` if it is a working day, else the first one after it (`step=1`) or before it
    (`step=-1`). There is never more than a long week-end between two working days."""
    if step not in (1, -1):
        raise ValueError("step is 1 or -1")
    for _attempt in range(14):
        if is_working_day(day):
            return day
        day += datetime.timedelta(days=step)
    raise ValueError("No working day within two weeks.")  # pragma: no cover
