"""Small display helpers for helpdesk pages (no queries)."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from helpdesk.models.questions import Status
from hrsocial.text import render_markdown

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
    return mark_safe(
        "".join(
            f'<option value="{escape(value)}"{" selected" if str(value) in chosen else ""}>'
            f"{escape(label)}</option>"
            for value, label in choices
        )
    )


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


@register.simple_tag
def queue_rows(rows):
    """The rows of HR's queue, built in Python: 25 rows of template lookups and per-row
    translations would cost more than everything else on the page. Every value is escaped."""
    texts = {
        "anonymous": f"<em>{escape(_('Anonymous'))}</em>",
        "confidential": f" · <strong>{escape(_('confidential'))}</strong>",
        "nobody": escape(_("Nobody")),
        "statuses": {value: escape(label) for value, label in Status.choices},
    }
    return mark_safe("".join(_queue_row(row, texts) for row in rows))


def _queue_row(row, texts) -> str:
    question = row["question"]
    pk = question.pk
    created = timezone.localtime(question.created_at)
    select = escape(_("Select question %(number)s") % {"number": pk})
    asker = texts["anonymous"] if question.is_anonymous else escape(question.asker or "—")
    assignee = escape(question.assignee) if question.assignee_id else texts["nobody"]
    status = (
        f'<span class="badge {STATUS_CLASSES.get(question.status, "")}">'
        f"{texts['statuses'].get(question.status, '')}</span>"
    )
    return (
        f'<tr><td><input class="form-check-input" type="checkbox" name="questions" value="{pk}" '
        f'id="select-{pk}"><label class="visually-hidden" for="select-{pk}">{select}</label></td>'
        f'<td><a href="{reverse("helpdesk:question-manage", args=[pk])}">'
        f"{escape(question.subject)}</a>"
        f'<div class="small text-muted-aa">#{pk} · {escape(question.category)}'
        f"{texts['confidential'] if question.is_confidential else ''}</div></td>"
        f"<td>{asker}</td><td>{status}</td><td>{assignee}</td>"
        f"<td>{sla_badge(row['sla'], row['hours'])}</td>"
        f'<td><time datetime="{created.isoformat()}">{date_format(created, "j M Y")}</time></td>'
        "</tr>"
    )


@lru_cache(maxsize=1024)
def _markdown(text: str):
    return render_markdown(text)


@register.filter
def text_markdown(text):
    """{{ message.body|text_markdown }}: the portal's sanitised Markdown, remembered per text
    in this process (a conversation is read far more often than it is written)."""
    return _markdown(text or "")
