"""The one way a figure of insights is shown: `publish(raw)`.

Sections and queries produce raw group figures (insights.raw), which cannot be turned into
text; `publish` turns them into cells a template, chart or export can show, applying the
portal's rule (hrsocial.privacy): a figure about fewer than five people shows nothing, and
where a total is shown beside its parts (the period's figure beside its weeks, the
organisation beside its departments, the pilot group beside the rest) the next-smallest part
is hidden too, so no hidden figure can be worked out by subtraction. A count is about the
group's headcount; a rate or average about the people it averages over, and never more than
the group; where the section counts the people behind a figure (`Section.people`: the
candidates behind applications, the sharers behind clicks), about those people, and never
more than the group. There is no per-person dimension anywhere in insights.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from hrsocial import formatting
from hrsocial.privacy import MINIMUM_GROUP, Group, suppress
from insights.raw import (
    RawBreakdown,
    RawCell,
    RawChain,
    RawComparison,
    RawDashboard,
    RawSection,
    RawSeries,
)
from insights.sections import AVERAGE, COUNT, RATE

TOO_FEW = _("too few people to show")
NO_DATA = _("no data")


@dataclass(frozen=True)
class Cell:
    """A figure as shown: `value` None when there is nothing to show, `text` what to read."""

    value: float | None
    text: str
    hidden: bool = False


@dataclass
class Series:
    key: str
    label: str
    unit: str
    periods: list[str]
    cells: list[Cell]
    total: Cell
    chart: dict = field(default_factory=dict)

    @property
    def rows(self):
        return list(zip(self.periods, self.cells, strict=True))


@dataclass
class Breakdown:
    key: str
    label: str
    rows: list[tuple[str, Cell]]
    total: Cell


@dataclass
class Section:
    label: str
    title: str
    note: str
    series: list[Series]
    breakdowns: list[Breakdown]


@dataclass
class Chain:
    key: str
    title: str
    stages: list[tuple[str, Cell]]


@dataclass
class Dashboard:
    sections: list[Section]
    chains: list[Chain]


@dataclass
class Comparison:
    label: str
    unit: str
    periods: list[str]
    organisation: list[Cell]
    pilot: list[Cell]
    rest: list[Cell]
    before: dict  # {"pilot": Cell, "rest": Cell}
    since: dict
    chart: dict
    has_pilot: bool

    @property
    def rows(self):
        return list(zip(self.periods, self.organisation, self.pilot, self.rest, strict=True))


def _people(cell: RawCell, kind: str) -> int:
    if cell._people is not None:  # the people behind the events (candidates, sharers) count
        return min(cell._headcount, cell._people)
    if kind == COUNT:
        return cell._headcount
    return min(cell._headcount, cell._base)


def _value(cell: RawCell, kind: str) -> float | None:
    if kind == COUNT:
        return cell._amount
    if not cell._base:
        return None
    ratio = cell._amount / cell._base
    return ratio * 100 if kind == RATE else ratio


def text(value: float | None, kind: str, unit: str = "") -> str:
    if value is None:
        return str(NO_DATA)
    if kind == COUNT:
        return number_format(round(value), 0, use_l10n=True)
    shown = number_format(round(value, 1), 0 if kind == RATE else 1, use_l10n=True)
    return f"{shown}\u00a0%" if kind == RATE else shown


def _cells(raw_cells, kind: str, *, with_total: bool) -> list[Cell]:
    """The cells of one table or series, suppressed together."""
    groups = suppress(
        [
            Group(key=i, label="", people=_people(c, kind), value=_value(c, kind))
            for i, c in enumerate(raw_cells)
        ],
        with_total=with_total,
        minimum=MINIMUM_GROUP,
    )
    return [
        Cell(None, str(TOO_FEW), hidden=True) if g.hidden else Cell(g.value, text(g.value, kind))
        for g in groups
    ]


def _one(raw_cell: RawCell, kind: str) -> Cell:
    return _cells([raw_cell], kind, with_total=False)[0]


def period_label(day: datetime.date, granularity: str) -> str:
    if granularity == "week":
        return str(_("week of %(day)s") % {"day": formatting.table_date(day)})
    return date_format(day, "YEAR_MONTH_FORMAT")


def _chart(labels, datasets, unit, kind, **extra) -> dict:
    return {"labels": labels, "datasets": datasets, "unit": unit,
            "type": "bar" if kind == COUNT else "line", **extra}  # fmt: skip


def _series(raw: RawSeries, granularity: str) -> Series:
    figure = raw.figure
    labels = [period_label(p, granularity) for p in raw.periods]
    cells = _cells(raw._cells, figure.kind, with_total=True)
    total = _one(raw._total, figure.kind)
    if total.hidden:  # the parts of a hidden total are hidden too
        cells = [Cell(None, str(TOO_FEW), hidden=True) for _c in cells]
    chart = _chart(labels, [{"label": str(figure.label), "data": [c.value for c in cells]}],
                   figure.unit, figure.kind)  # fmt: skip
    return Series(figure.key, str(figure.label), figure.unit, labels, cells, total, chart)


def _breakdown(raw: RawBreakdown) -> Breakdown:
    kind = raw.figure.kind
    cells = _cells([cell for _name, cell in raw._rows], kind, with_total=True)
    rows = [(name, cell) for (name, _raw), cell in zip(raw._rows, cells, strict=True)]
    return Breakdown(raw.figure.key, str(raw.figure.label), rows, _one(raw._total, kind))


def _section(raw: RawSection, granularity: str) -> Section:
    section = raw.section
    return Section(
        section.label, str(section.title), str(section.note),
        [_series(s, granularity) for s in raw.series],
        [_breakdown(b) for b in raw.breakdowns],
    )  # fmt: skip


def _chain(raw: RawChain) -> Chain:
    stages = [
        (str(s.label), _one(c, COUNT)) for s, c in zip(raw.chain.stages, raw._stages, strict=True)
    ]
    return Chain(raw.chain.key, str(raw.chain.title), stages)


def _pair(pilot: RawCell, rest: RawCell, kind: str) -> tuple[Cell, Cell]:
    """The pilot group and the rest add up to the organisation, which is shown too: when one
    of them is hidden, so is the other."""
    first, second = _cells([pilot, rest], kind, with_total=True)
    return first, second


def _sum(cells: list[RawCell], people: int | None = None) -> RawCell:
    return RawCell(sum(c._amount for c in cells), sum(c._base for c in cells),
                   max((c._headcount for c in cells), default=0), people)  # fmt: skip


def _comparison(raw: RawComparison) -> Comparison:
    figure = raw.figure
    kind = figure.kind
    labels = [period_label(p, "week") for p in raw.periods]
    organisation = _cells(raw._organisation, kind, with_total=True)
    pilot, rest = [], []
    for p, r in zip(raw._pilot, raw._rest, strict=True):
        shown_p, shown_r = (
            _pair(p, r, kind) if raw.has_pilot else (Cell(None, "–"), Cell(None, "–"))
        )
        pilot.append(shown_p)
        rest.append(shown_r)
    before = [i for i, p in enumerate(raw.periods) if p < raw.starts_on]
    since = [i for i, p in enumerate(raw.periods) if p >= raw.starts_on]

    def halves(indexes, half):
        if not raw.has_pilot:
            return {"pilot": Cell(None, "–"), "rest": Cell(None, "–")}
        people = raw._people_halves[half] if raw._people_halves else (None, None)
        p, r = _pair(
            _sum([raw._pilot[i] for i in indexes], people[0]),
            _sum([raw._rest[i] for i in indexes], people[1]),
            kind,
        )
        return {"pilot": p, "rest": r}

    datasets = [{"label": str(_("Whole organisation")), "data": [c.value for c in organisation]}]
    if raw.has_pilot:
        datasets += [
            {"label": str(_("Pilot group")), "data": [c.value for c in pilot]},
            {"label": str(_("The rest")), "data": [c.value for c in rest]},
        ]
    start_label = labels[since[0]] if since else None
    chart = _chart(labels, datasets, figure.unit, "line", start=start_label)
    return Comparison(
        str(figure.label), figure.unit, labels, organisation, pilot, rest,
        halves(before, "before"), halves(since, "since"), chart, raw.has_pilot,
    )  # fmt: skip


def publish(raw):
    """The one function between insights' raw figures and anything shown or exported."""
    if isinstance(raw, RawDashboard):
        return Dashboard(
            [_section(s, raw.granularity) for s in raw.sections], [_chain(c) for c in raw.chains]
        )
    if isinstance(raw, RawComparison):
        return _comparison(raw)
    if isinstance(raw, RawCell):
        raise TypeError("publish a whole table or series: a cell alone misses its neighbours")
    raise TypeError(f"not a raw figure of insights: {type(raw).__name__}")


__all__ = ["AVERAGE", "Cell", "publish"]
