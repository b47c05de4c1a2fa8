"""The sections of the dashboard: one module per practice app, `insights/sections/<label>.py`.

The contract (docs/DEVELOPING.md, "Insights"): the module is named after the app's label and
defines `SECTION = Section(...)`: its title, the figures it offers and `daily(day)`, which asks
the app's `api.daily_figures(day)` for that day's aggregates per department. A module whose
app is not installed is never imported, so its section is absent. Sections hand out raw
aggregates only; `insights.privacy.publish` is the one way they become something shown.

A section whose rates or averages divide by events one person can repeat (shares), or whose
counts are about people other than the department's employees (candidates), may offer
`people(start, end, granularity)`: per figure name, the distinct people behind it per period
(the first day of each week or month, and `WHOLE_PERIOD`) and department (an id, None for no
department, and `ORGANISATION`), read at request time because daily rows cannot count distinct
people over a period. Privacy then gates those figures by these people instead of the base.
"""

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.apps import apps

COUNT, RATE, AVERAGE = "count", "rate", "average"
# The keys of `Section.people(...)` for the whole period and for the whole organisation.
WHOLE_PERIOD, ORGANISATION = "period", "organisation"


@dataclass(frozen=True)
class Figure:
    """One figure a section offers. `name` is the key in the app's `daily_figures(day)`;
    `kind`: COUNT (the amounts added up), RATE (amount over base, as a percentage) or
    AVERAGE (amount over base: a mean rating, mean hours). `unit` is shown after the value."""

    name: str
    label: str
    kind: str = COUNT
    unit: str = ""
    section: str = ""  # filled in by Section

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}"


@dataclass(frozen=True)
class Section:
    label: str
    title: str
    figures: tuple[Figure, ...]
    daily: Callable  # daily(day) -> {name: {department id | None: (amount, base)}}
    order: int = 100
    note: str = ""
    # people(start, end, granularity) -> {figure name: {period | WHOLE_PERIOD:
    #     {department id | None | ORGANISATION: distinct people}}}; None: every base counts people.
    people: Callable | None = None

    def __post_init__(self):
        figures = tuple(Figure(**{**f.__dict__, "section": self.label}) for f in self.figures)
        object.__setattr__(self, "figures", figures)


@cache
def installed_sections() -> tuple[Section, ...]:
    """The sections of the installed apps, in their order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if apps.is_installed(info.name):
            found.append(import_module(f"{__name__}.{info.name}").SECTION)
    return tuple(sorted(found, key=lambda s: (s.order, s.label)))


def all_figures() -> dict[str, Figure]:
    return {f.key: f for section in installed_sections() for f in section.figures}


def figure_choices() -> list:
    """(section title, [(figure key, label)]) for a select with groups."""
    return [(s.title, [(f.key, f.label) for f in s.figures]) for s in installed_sections()]
