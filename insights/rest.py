"""Insights' figures in the API (/api/insights/), for HR tokens only: the published figures
per section for a period, exactly as the dashboard shows them. Everything passes
`insights.privacy.publish`; a suppressed cell comes out as `null` with its reason, never the
raw number."""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from hrsocial import audit
from insights import figures, permissions
from insights.forms import SelectionForm
from insights.privacy import Cell, publish
from insights.sections import all_figures

router = Router()


class CellOut(Schema):
    value: float | None
    text: str
    suppressed: bool
    reason: str | None


class PeriodOut(CellOut):
    period: datetime.date
    label: str


class RowOut(CellOut):
    department: str


class SeriesOut(Schema):
    key: str
    label: str
    kind: str
    unit: str
    total: CellOut
    periods: list[PeriodOut]


class BreakdownOut(Schema):
    key: str
    label: str
    total: CellOut
    departments: list[RowOut]


class SectionOut(Schema):
    label: str
    title: str
    note: str
    series: list[SeriesOut]
    breakdowns: list[BreakdownOut]


class FiguresOut(Schema):
    start: datetime.date
    end: datetime.date
    granularity: str
    department: int | None
    sections: list[SectionOut]


def _cell(cell: Cell) -> dict:
    return {
        "value": None if cell.hidden else cell.value,
        "text": cell.text,
        "suppressed": cell.hidden,
        "reason": cell.text if cell.value is None or cell.hidden else None,
    }


def _published(request, section: str | None, **filters) -> dict:
    if not permissions.can_read(request.user):
        raise Http404
    form = SelectionForm({k: v for k, v in filters.items() if v not in (None, "")})
    if not form.is_valid():
        messages = [str(m) for errors in form.errors.values() for m in errors]
        raise HttpError(422, " ".join(messages) or _("Invalid filters."))
    selection = form.selection()
    dates = figures.periods(selection.start, selection.end, selection.granularity)
    kinds = {key: f.kind for key, f in all_figures().items()}
    shown = publish(figures.dashboard(selection))
    sections = [s for s in shown.sections if section is None or s.label == section]
    if section is not None and not sections:
        raise Http404
    # As the dashboard's exports and shared views: who read which figures, never the figures.
    audit.record(
        actor=request.user, action="insights.api_read", section=section or "",
        start=selection.start.isoformat(), end=selection.end.isoformat(),
        granularity=selection.granularity, department=selection.department,
    )  # fmt: skip
    return {
        "start": selection.start,
        "end": selection.end,
        "granularity": selection.granularity,
        "department": selection.department,
        "sections": [
            {
                "label": s.label, "title": s.title, "note": s.note,
                "series": [
                    {"key": x.key, "label": x.label, "kind": kinds[x.key], "unit": x.unit,
                     "total": _cell(x.total),
                     "periods": [{"period": d, "label": label, **_cell(c)}
                                 for d, (label, c) in zip(dates, x.rows, strict=True)]}
                    for x in s.series
                ],
                "breakdowns": [
                    {"key": b.key, "label": b.label, "total": _cell(b.total),
                     "departments": [{"department": str(name), **_cell(c)} for name, c in b.rows]}
                    for b in s.breakdowns
                ],
            }
            for s in sections
        ],
    }  # fmt: skip


@router.get("/", response=FiguresOut, url_name="insights-figures")
def insights_figures(
    request,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    granularity: str = "",
    department: str = "",
):
    """Every section's published figures for the period (by default the last twelve months),
    per month or week, for the organisation (with a table per department) or one department."""
    return _published(request, None, start=start, end=end, granularity=granularity,
                      department=department)  # fmt: skip


@router.get("/{label}/", response=FiguresOut, url_name="insights-section")
def insights_section(
    request,
    label: str,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    granularity: str = "",
    department: str = "",
):
    """One section's published figures (its label: "sharing", "trainings", …)."""
    return _published(request, label[:40], start=start, end=end, granularity=granularity,
                      department=department)  # fmt: skip
