"""Small display helpers for helpdesk pages (no queries)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from helpdesk.models.questions import Status
from hrsocial.formatting import table_date
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


# A reference no real URL contains (references have no 0 or 1): the question page's URL is
# reversed once per page and the reference put in per row (reverse() per row was a tenth of
# the page's time).
_URL_PLACEHOLDER = "0000000000"


@register.simple_tag
def queue_rows(rows):
    """The rows of HR's queue, built in Python: 25 rows of template lookups and per-row
    translations would cost more than everything else on the page. Every value is escaped;
    what is the same for every row (texts, the URL pattern, month names) is looked up once."""
    texts = {
        "anonymous": f"<em>{escape(_('Anonymous'))}</em>",
        "confidential": f" · <strong>{escape(_('confidential'))}</strong>",
        "nobody": escape(_("Nobody")),
        "mine": escape(_("Assign to me")),
        "select": _("Select question %(number)s"),
        "statuses": {
            value: f'<span class="badge {STATUS_CLASSES.get(value, "")}">{escape(label)}</span>'
            for value, label in Status.choices
        },
        "url": reverse("helpdesk:question-manage", args=[_URL_PLACEHOLDER]),
        "categories": {},
        "badges": {},
    }
    return mark_safe("".join(_queue_row(row, texts) for row in rows))


def _queue_row(row, texts) -> str:
    question = row["question"]
    pk = escape(question.reference)
    created = timezone.localtime(question.created_at)
    day = created.date()
    if day not in texts:  # the same few days recur down the page
        texts[day] = table_date(created)
    category = question.category_id
    if category not in texts["categories"]:
        texts["categories"][category] = escape(question.category_label)
    badge_key = (row["sla"], None if row["hours"] is None else int(row["hours"]))
    if badge_key not in texts["badges"]:
        texts["badges"][badge_key] = sla_badge(row["sla"], row["hours"])
    select = escape(texts["select"] % {"number": pk})
    asker = texts["anonymous"] if question.is_anonymous else escape(question.asker_label or "—")
    if question.assignee_id:
        assignee = escape(question.assignee_label)
    else:  # triage: take it from the queue (queue_assign, `mine`)
        assignee = (
            f'{texts["nobody"]} <button type="submit" name="mine" value="{pk}" '
            f'class="btn btn-sm btn-outline-primary ms-1">{texts["mine"]}'
            f'<span class="visually-hidden"> #{pk}</span></button>'
        )
    url = texts["url"].replace(_URL_PLACEHOLDER, pk)
    return (
        f'<tr><td><input class="form-check-input" type="checkbox" name="questions" value="{pk}" '
        f'id="select-{pk}"><label class="visually-hidden" for="select-{pk}">{select}</label></td>'
        f'<td><a href="{url}">{escape(question.subject)}</a>'
        f'<div class="small text-muted-aa">#{pk} · {texts["categories"][category]}'
        f"{texts['confidential'] if question.is_confidential else ''}</div></td>"
        f"<td>{asker}</td><td>{texts['statuses'].get(question.status, '')}</td>"
        f"<td>{assignee}</td><td>{texts['badges'][badge_key]}</td>"
        f'<td><time datetime="{created.isoformat(timespec="seconds")}">{texts[day]}</time></td>'
        "</tr>"
    )


@register.filter
def text_markdown(text):
    """{{ message.body|text_markdown }}: the portal's sanitised Markdown (hrsocial.text)."""
    return render_markdown(text)


@register.simple_tag
def moment(question, value):
    """A <time> of `question` as HR may read it: an anonymous question's to the day part."""
    if value is None:
        return ""
    machine = (
        timezone.localtime(value).date().isoformat()
        if question.is_anonymous
        else value.isoformat(timespec="seconds")
    )
    return format_html('<time datetime="{}">{}</time>', machine, question.moment_label(value))
