"""The queue as a table (CSV or XLSX, `hrsocial.exports`) for HR's own analysis. Exporting is
written to the audit log."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.anonymity import day_part_label
from helpdesk.models.questions import Status
from hrsocial import audit

EXPORT_HEADER = (
    gettext_lazy("Reference"),
    gettext_lazy("Asked"),
    gettext_lazy("Subject"),
    gettext_lazy("Category"),
    gettext_lazy("Status"),
    gettext_lazy("Asked by"),
    gettext_lazy("Confidential"),
    gettext_lazy("Assigned to"),
    gettext_lazy("First response due"),
    gettext_lazy("First response"),
    gettext_lazy("Rating"),
)


def queue_export_rows(*, user, questions, filters: dict):
    """Yield the rows for `questions` (already limited to what `user` may see), and record
    the export. Anonymous questions say "anonymous": the export knows no more than the queue
    (and their moment only as a part of the day)."""
    audit.record(
        actor=user,
        action="helpdesk.export",
        rows=questions.count(),
        filters={k: str(v) for k, v in filters.items() if v},
    )
    statuses = dict(Status.choices)
    for question in questions.select_related("category", "asker", "assignee", "rating").iterator(
        chunk_size=1000
    ):
        rating = getattr(question, "rating", None)
        asker = _("anonymous") if question.is_anonymous else (question.asker or "")
        yield (
            question.reference,
            day_part_label(question.created_at) if question.is_anonymous else question.created_at,
            question.subject,
            question.category,
            statuses[question.status],
            asker,
            _("yes") if question.is_confidential else _("no"),
            question.assignee or "",
            question.response_due_at,
            question.first_responded_at,
            rating.score if rating else None,
        )
