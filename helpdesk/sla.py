"""Working-hours arithmetic for the response targets.

A target such as "two working days" counts only working hours: Monday to Friday between
HELPDESK_WORKDAY_START and HELPDESK_WORKDAY_END (local time), not on the public holidays HR
lists in the admin. `WorkingCalendar.add(start, hours)` gives the moment a target falls due;
`WorkingCalendar.hours_between(a, b)` how many working hours lie between two moments.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from hrsocial.caching import CachedValue

# Beyond this many days a span is not walked day by day (the queue shows "more than ...").
MAX_DAYS_WALKED = 120


@dataclass(frozen=True)
class WorkingCalendar:
    start_hour: int
    end_hour: int
    holidays: frozenset
    tz: datetime.tzinfo

    @property
    def hours_per_day(self) -> int:
        return self.end_hour - self.start_hour

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def _opening(self, day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(self.start_hour), tzinfo=self.tz)

    def _closing(self, day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(self.end_hour), tzinfo=self.tz)

    def next_working_moment(self, moment: datetime.datetime) -> datetime.datetime:
        """`moment` if it is within working hours, else the next opening time."""
        moment = moment.astimezone(self.tz)
        day = moment.date()
        for _attempt in range(MAX_DAYS_WALKED * 3):
            if self.is_working_day(day):
                if moment < self._opening(day):
                    return self._opening(day)
                if moment < self._closing(day):
                    return moment
            day += datetime.timedelta(days=1)
            moment = self._opening(day)
        raise ValueError("No working day found: check the public holidays.")

    def add(self, start: datetime.datetime, hours: float) -> datetime.datetime:
        """The moment `hours` working hours after `start`."""
        remaining = datetime.timedelta(hours=hours)
        current = self.next_working_moment(start)
        while True:
            available = self._closing(current.date()) - current
            if remaining <= available:
                return current + remaining
            remaining -= available
            current = self.next_working_moment(self._closing(current.date()))

    def hours_between(self, start: datetime.datetime, end: datetime.datetime) -> float:
        """Working hours from `start` to `end` (negative when `end` is earlier)."""
        if end < start:
            return -self.hours_between(end, start)
        start, end = start.astimezone(self.tz), end.astimezone(self.tz)
        total = datetime.timedelta()
        day = start.date()
        for _day in range(MAX_DAYS_WALKED):
            if day > end.date():
                break
            if self.is_working_day(day):
                opening = max(self._opening(day), start)
                closing = min(self._closing(day), end)
                if closing > opening:
                    total += closing - opening
            day += datetime.timedelta(days=1)
        else:  # a very long span: count the rest roughly, five working days a week
            rest_days = (end.date() - day).days
            total += datetime.timedelta(hours=rest_days * 5 / 7 * self.hours_per_day)
        return total.total_seconds() / 3600

    def target(self, start: datetime.datetime, hours: int) -> tuple:
        """(warn_at, due_at) for a first-response target of `hours` from `start`."""
        due = self.add(start, hours)
        warning = min(settings.HELPDESK_SLA_WARNING_HOURS, hours)
        warn = self.add(start, hours - warning) if warning < hours else start
        return min(warn, due), due


def _public_holidays() -> frozenset:
    from helpdesk.models import PublicHoliday

    return frozenset(PublicHoliday.objects.values_list("date", flat=True))


# The dates HR listed, read by every SLA computation; forgotten when one changes.
PUBLIC_HOLIDAYS = CachedValue("helpdesk:public-holidays", _public_holidays)


def working_calendar() -> WorkingCalendar:
    return WorkingCalendar(
        start_hour=settings.HELPDESK_WORKDAY_START,
        end_hour=settings.HELPDESK_WORKDAY_END,
        holidays=PUBLIC_HOLIDAYS.get(),
        tz=timezone.get_default_timezone(),
    )
