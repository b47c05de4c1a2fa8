"""Dutch working days, for demo data and anything else that must avoid week-ends and the
public holidays ("algemeen erkende feestdagen"). The helpdesk keeps its own editable list of
days off in the database (seeded from the same rules); this module is the rule itself."""

import datetime

ONE_DAY = datetime.timedelta(days=1)


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
    sunday = easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to the Saturday before
        kings_day -= ONE_DAY
    return {
        datetime.date(year, 1, 1): "Nieuwjaarsdag",
        sunday - 2 * ONE_DAY: "Goede Vrijdag",
        sunday: "Eerste Paasdag",
        sunday + ONE_DAY: "Tweede Paasdag",
        kings_day: "Koningsdag",
        datetime.date(year, 5, 5): "Bevrijdingsdag",
        sunday + 39 * ONE_DAY: "Hemelvaartsdag",
        sunday + 49 * ONE_DAY: "Eerste Pinksterdag",
        sunday + 50 * ONE_DAY: "Tweede Pinksterdag",
        datetime.date(year, 12, 25): "Eerste Kerstdag",
        datetime.date(year, 12, 26): "Tweede Kerstdag",
    }


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday and not a public holiday (Good Friday counts as a day off here: many
    collective agreements give it, and a demo training on it would look odd)."""
    return day.weekday() < 5 and day not in dutch_public_holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    """This day if it is a working day, otherwise the first one after it."""
    while not is_working_day(day):
        day += ONE_DAY
    return day
