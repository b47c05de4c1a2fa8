"""Raw group figures, as sections and queries produce them: not displayable.

Only `insights.privacy.publish` reads them. Their numbers live in attributes whose names start
with an underscore, which Django templates refuse to look up, and turning one into text raises:
a raw figure that reaches a template, a CSV or an f-string fails loudly instead of showing."""

import datetime
from dataclasses import dataclass


class NotPublished(TypeError):
    """A raw figure was about to be shown without passing insights.privacy.publish."""


class Raw:
    def __str__(self):
        raise NotPublished("raw figures are shown only through insights.privacy.publish")

    __html__ = __str__

    def __format__(self, spec):
        raise NotPublished("raw figures are shown only through insights.privacy.publish")

    def __repr__(self):
        return f"<{type(self).__name__}: not published>"


@dataclass(frozen=True, repr=False)
class RawCell(Raw):
    """One figure for one group and period: summed amounts and bases, and the people of the
    group (its headcount) the figure is about. `_people`: the distinct people behind a rate or
    average whose base counts events (`Section.people`); None: the base counts people."""

    _amount: float
    _base: int
    _headcount: int
    _people: int | None = None


@dataclass(frozen=True, repr=False)
class RawSeries(Raw):
    figure: object  # insights.sections.Figure
    periods: tuple[datetime.date, ...]
    _cells: tuple[RawCell, ...]
    _total: RawCell


@dataclass(frozen=True, repr=False)
class RawBreakdown(Raw):
    """One figure per department over the whole period, beside the organisation's total."""

    figure: object
    _rows: tuple[tuple[str, RawCell], ...]
    _total: RawCell


@dataclass(frozen=True, repr=False)
class RawSection(Raw):
    section: object  # insights.sections.Section
    series: tuple[RawSeries, ...]
    breakdowns: tuple[RawBreakdown, ...]


@dataclass(frozen=True, repr=False)
class RawChain(Raw):
    chain: object
    _stages: tuple[RawCell, ...]


@dataclass(frozen=True, repr=False)
class RawDashboard(Raw):
    sections: tuple[RawSection, ...]
    chains: tuple[RawChain, ...]
    granularity: str


@dataclass(frozen=True, repr=False)
class RawComparison(Raw):
    """An initiative's figure: the organisation per week since before the start, and the
    pilot group against the rest over the same weeks (before and since the start)."""

    figure: object
    periods: tuple[datetime.date, ...]
    _organisation: tuple[RawCell, ...]
    _pilot: tuple[RawCell, ...]
    _rest: tuple[RawCell, ...]
    starts_on: datetime.date
    has_pilot: bool
    # With `Section.people`: the distinct people of the pilot group and of the rest before
    # and since the start ({"before": (pilot, rest), "since": (pilot, rest)}); None otherwise.
    _people_halves: dict | None = None
