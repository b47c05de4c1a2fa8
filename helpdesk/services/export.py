"""The queue as a CSV file for HR's own analysis. Exporting is written to the audit log."""

import csv

from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.anonymity import day_part_label
from helpdesk.models.questions import Status
from hrsocial import audit

# A cell a spreadsheet would run as a formula ("=HYPERLINK(...)") is prefixed with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    def write(self, value):
        return value


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def queue_export_rows(*, user, questions, filters: dict):
    """Yield CSV lines for `questions` (already limited to what `user` may see), and record
    the export. Anonymous questions say "anonymous": the export knows no more than the queue."""
    audit.record(
        actor=user,
        action="helpdesk.export",
        rows=questions.count(),
        filters={k: str(v) for k, v in filters.items() if v},
    )
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(
        [
            _("Reference"),
            _("Asked"),
            _("Subject"),
            _("Category"),
            _("Status"),
            _("Asked by"),
            _("Confidential"),
            _("Assigned to"),
            _("First response due"),
            _("First response"),
            _("Rating"),
        ]  # fmt: skip
    )
    statuses = dict(Status.choices)
    for question in questions.select_related("category", "asker", "assignee", "rating").iterator(
        chunk_size=1000
    ):
        rating = getattr(question, "rating", None)
        asker = _("anonymous") if question.is_anonymous else (question.asker or "")
        yield writer.writerow(
            [
                question.reference,
                day_part_label(question.created_at)
                if question.is_anonymous
                else _moment(question.created_at),
                _cell(question.subject),
                _cell(question.category),
                statuses[question.status],
                _cell(asker),
                _("yes") if question.is_confidential else _("no"),
                _cell(question.assignee or ""),
                _moment(question.response_due_at),
                _moment(question.first_responded_at),
                rating.score if rating else "",
            ]
        )
