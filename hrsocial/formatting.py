"""Dates, times and money in the active language, one style per kind.

    event(starts_at)       "donderdag 14 januari 2027, 09:00" / "Thursday 14 January 2027, 09:00"
    event_day(starts_at)   "donderdag 14 januari 2027" (an event's day, without the time)
    long_date(ends_on)     "14 januari 2027" / "14 January 2027" (a date in a sentence)
    table_date(value)      "14 jan. 2027" / "14 Jan 2027" (in a table or a list line)
    table_datetime(value)  "14 jan. 2027, 09:00" (a moment in a table or list: sent, logged)
    money(cost)            "€ 395,00" / "€395.00"

The styles live in the format modules (hrsocial/formats/<language>/formats.py); templates use
the filters of the same names (`{% load formatting %}`). Pages and e-mails use these, never an
ad-hoc `|date:"..."` or strftime, so one kind of date reads the same everywhere. Aware
datetimes are shown in the portal's time zone.
"""

import datetime
from decimal import Decimal

from django.utils import formats, timezone, translation
from django.utils.dateformat import format as dateformat
from django.utils.functional import lazy


def _named(name: str):
    """A format of the active language by name, also the portal's own names (EVENT_DAY_FORMAT,
    TABLE_MONTHS, MONEY_FORMAT), which Django's get_format() does not look up."""
    for module in formats.get_format_modules(translation.get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    return formats.get_format(name)


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _format(value, name: str) -> str:
    if value in (None, ""):
        return ""
    return dateformat(_local(value), _named(name))


def machine(value) -> str:
    """For a <time datetime="…"> attribute: ISO 8601 to the second in local time
    ("2027-01-14T09:00:00+01:00"), or the date alone. Django's "c" adds microseconds, which
    HTML's datetime does not allow."""
    if value in (None, ""):
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def event(value) -> str:
    return _format(value, "DATETIME_FORMAT")


def event_day(value) -> str:
    return _format(value, "EVENT_DAY_FORMAT")


def long_date(value) -> str:
    return _format(value, "DATE_FORMAT")


def time_of_day(value) -> str:
    return _format(value, "TIME_FORMAT")


def table_date(value) -> str:
    if value in (None, ""):
        return ""
    value = _local(value)
    return f"{value.day} {_named('TABLE_MONTHS')[value.month - 1]} {value.year}"


def table_datetime(value) -> str:
    if value in (None, ""):
        return ""
    return f"{table_date(value)}, {time_of_day(value)}"


def money(amount) -> str:
    """Euros with two decimals and grouped thousands in the language's separators."""
    if amount in (None, ""):
        return ""
    number = formats.number_format(
        Decimal(str(amount)), decimal_pos=2, use_l10n=True, force_grouping=True
    )
    return _named("MONEY_FORMAT").format(amount=number)


# For texts evaluated later, in the reader's language (notifications: notify() renders each
# text once per recipient language).
event_lazy = lazy(event, str)
event_day_lazy = lazy(event_day, str)
long_date_lazy = lazy(long_date, str)
money_lazy = lazy(money, str)
