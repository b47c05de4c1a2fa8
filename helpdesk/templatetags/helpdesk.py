"""Small display helpers for helpdesk pages (no queries)."""

from django import template
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

STATUS_CLASSES = {
    "new": "text-bg-primary",
    "open": "text-bg-info",
    "waiting": "text-bg-warning",
    "answered": "text-bg-success",
    "closed": "text-bg-secondary",
}
SLA_CLASSES = {
    "on_track": "text-bg-light border",
    "due_soon": "text-bg-warning",
    "overdue": "text-bg-danger",
    "met": "text-bg-light border",
    "missed": "text-bg-light border border-danger",
}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASSES.get(status, "text-bg-light")


@register.filter
def sla_class(state: str) -> str:
    return SLA_CLASSES.get(state, "text-bg-light")


@register.filter
def working_time(hours) -> str:
    """ "3 working hours", "2 working days and 1 hour": an amount of working time, unsigned."""
    if hours is None:
        return ""
    hours = abs(float(hours))
    per_day = settings.HELPDESK_WORKDAY_END - settings.HELPDESK_WORKDAY_START
    if hours < 1:
        return _("less than an hour")
    whole = int(hours)
    days, rest = divmod(whole, per_day)
    if days == 0:
        return ngettext("%(n)s working hour", "%(n)s working hours", rest) % {"n": rest}
    text = ngettext("%(n)s working day", "%(n)s working days", days) % {"n": days}
    if rest:
        text += " " + ngettext("and %(n)s hour", "and %(n)s hours", rest) % {"n": rest}
    return text
