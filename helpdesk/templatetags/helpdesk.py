"""Small display helpers for helpdesk pages (no queries)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
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


@register.simple_tag
def options(choices, selected=None):
    """<option> elements for a <select>, rendered in Python: a list of 50 HR colleagues through
    Django's widget templates costs more than the rest of the page."""
    chosen = {str(v) for v in selected} if isinstance(selected, list | tuple) else {str(selected)}
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, mark_safe(" selected") if str(value) in chosen else "", label)
         for value, label in choices),
    )  # fmt: skip


@register.simple_tag
def status_badge(question):
    return format_html(
        '<span class="badge {}">{}</span>',
        STATUS_CLASSES.get(question.status, "text-bg-light"),
        question.get_status_display(),
    )


@register.simple_tag
def sla_badge(state, hours=None):
    """The response target as text ("2 working hours left"), never colour alone."""
    if not state:
        return ""
    if state == "overdue":
        text = _("overdue by %(time)s") % {"time": working_time(hours)}
    elif state in ("due_soon", "on_track"):
        text = _("%(time)s left") % {"time": working_time(hours)}
    elif state == "met":
        text = _("answered in time")
    else:
        text = _("answered late")
    return format_html('<span class="badge {}">{}</span>', SLA_CLASSES.get(state, ""), text)


ROW = (
    '<tr><td><input class="form-check-input" type="checkbox" name="questions" value="{pk}" '
    'id="select-{pk}"><label class="visually-hidden" for="select-{pk}">{select}</label></td>'
    '<td><a href="{url}">{subject}</a><div class="small text-muted-aa">#{pk} · {category}{flag}'
    "</div></td><td>{asker}</td><td>{status}</td><td>{assignee}</td><td>{sla}</td>"
    '<td><time datetime="{iso}">{date}</time></td></tr>'
)


@register.simple_tag
def queue_row(row):
    """One row of HR's queue, built in Python: 25 rows of template lookups would cost more
    than everything else on the page. Every value is escaped by format_html."""
    question = row["question"]
    created = timezone.localtime(question.created_at)
    return format_html(
        ROW,
        pk=question.pk,
        select=_("Select question %(number)s") % {"number": question.pk},
        url=reverse("helpdesk:question-manage", args=[question.pk]),
        subject=question.subject,
        category=str(question.category),
        flag=format_html(" · <strong>{}</strong>", _("confidential"))
        if question.is_confidential
        else "",
        asker=format_html("<em>{}</em>", _("Anonymous"))
        if question.is_anonymous
        else str(question.asker or "—"),
        status=status_badge(question),
        assignee=str(question.assignee or _("Nobody")),
        sla=sla_badge(row["sla"], row["hours"]),
        iso=created.isoformat(),
        date=date_format(created, "j M Y"),
    )
