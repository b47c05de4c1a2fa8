import datetime

from django.db import migrations

# The Dutch public holidays ("algemeen erkende feestdagen") of the coming years. HR keeps the
# list in the admin: add the organisation's own days off (Good Friday, say), remove Liberation
# Day in the years the collective agreement does not give it.
FIRST_YEAR, LAST_YEAR = 2025, 2035


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


def dutch_holidays(year: int) -> list[tuple[datetime.date, str]]:
    sunday = easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to the Saturday before
        kings_day -= datetime.timedelta(days=1)
    return [
        (datetime.date(year, 1, 1), "Nieuwjaarsdag"),
        (sunday, "Eerste Paasdag"),
        (sunday + datetime.timedelta(days=1), "Tweede Paasdag"),
        (kings_day, "Koningsdag"),
        (datetime.date(year, 5, 5), "Bevrijdingsdag"),
        (sunday + datetime.timedelta(days=39), "Hemelvaartsdag"),
        (sunday + datetime.timedelta(days=49), "Eerste Pinksterdag"),
        (sunday + datetime.timedelta(days=50), "Tweede Pinksterdag"),
        (datetime.date(year, 12, 25), "Eerste Kerstdag"),
        (datetime.date(year, 12, 26), "Tweede Kerstdag"),
    ]


def add(apps, schema_editor):
    PublicHoliday = apps.get_model("helpdesk", "PublicHoliday")
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for date, name in dutch_holidays(year):
            PublicHoliday.objects.get_or_create(date=date, defaults={"name": name})


def remove(apps, schema_editor):
    PublicHoliday = apps.get_model("helpdesk", "PublicHoliday")
    PublicHoliday.objects.filter(date__year__gte=FIRST_YEAR, date__year__lte=LAST_YEAR).delete()


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0002_search_index")]

    operations = [migrations.RunPython(add, remove)]
