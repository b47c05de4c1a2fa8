"""Required versus assessed: a person's profile, the team heat map and department figures.

These reads combine the framework, role requirements and assessed levels. Each runs a fixed
number of queries whatever the number of people, so a heat map of 200 people costs the same
handful of queries as one of five.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from competencies.models import (
    LEVEL_VALUES,
    AssessedLevel,
    Competency,
    Evidence,
    RoleRequirement,
)


@dataclass
class Cell:
    """One competency of one person: what their role requires and what was assessed."""

    competency: Competency
    required: int | None
    assessed: int | None

    @property
    def gap(self) -> int | None:
        """How many levels short of the requirement; None when not assessed yet."""
        if not self.required:
            return 0
        if self.assessed is None:
            return None
        return max(self.required - self.assessed, 0)

    @property
    def state(self) -> str:
        """A name for the colour (CSS class) and the symbol; never the only signal."""
        if not self.required:
            return "none" if self.assessed is None else "extra"
        if self.assessed is None:
            return "unknown"
        gap = self.gap
        if gap == 0:
            return "met"
        return "gap1" if gap == 1 else "gap2"

    @property
    def symbol(self) -> str:
        return {"met": "✓", "extra": "✓", "unknown": "?", "none": "–"}.get(
            self.state, f"−{self.gap}"
        )

    @property
    def description(self) -> str:
        """The cell read aloud, for screen readers and tooltips."""
        state = self.state
        if state == "none":
            return str(_("not required, not assessed"))
        if state == "unknown":
            return str(_("requires %(required)s, not assessed yet") % {"required": self.required})
        if state == "extra":
            return str(_("level %(assessed)s, not required") % {"assessed": self.assessed})
        if state == "met":
            return str(
                _("level %(assessed)s, requires %(required)s: meets it")
                % {"assessed": self.assessed, "required": self.required}
            )
        return str(
            _("level %(assessed)s, requires %(required)s: %(gap)s short")
            % {"assessed": self.assessed, "required": self.required, "gap": self.gap}
        )

    @property
    def is_gap(self) -> bool:
        """A gap to work on: below the requirement, or required and not assessed yet."""
        return bool(self.required) and (self.assessed is None or self.assessed < self.required)


@dataclass
class ProfileRow(Cell):
    self_level: int | None = None
    assessed_on: object = None
    evidence: list = field(default_factory=list)
    trainings: list = field(default_factory=list)


def active_competencies() -> list[Competency]:
    return list(Competency.objects.active().select_related("category").ordered())


def profile_rows(person, competencies=None) -> list[ProfileRow]:
    """Every competency in use with the person's requirement, assessed level and evidence."""
    competencies = competencies if competencies is not None else active_competencies()
    required = {}
    if person.job_role_id:
        required = dict(
            RoleRequirement.objects.filter(job_role_id=person.job_role_id).values_list(
                "competency_id", "level"
            )
        )
    assessed = {a.competency_id: a for a in AssessedLevel.objects.filter(person=person)}
    evidence = defaultdict(list)
    for item in Evidence.objects.filter(person=person):
        evidence[item.competency_id].append(item)
    rows = []
    for competency in competencies:
        current = assessed.get(competency.pk)
        rows.append(
            ProfileRow(
                competency=competency,
                required=required.get(competency.pk),
                assessed=current.level if current else None,
                self_level=current.self_level if current else None,
                assessed_on=current.assessed_on if current else None,
                evidence=evidence.get(competency.pk, []),
            )
        )
    return rows


def gap_rows(person, competencies=None) -> list[ProfileRow]:
    """The person's gap list: required minus assessed, largest gap first."""
    rows = [row for row in profile_rows(person, competencies) if row.is_gap]
    return sorted(rows, key=lambda r: (-(r.gap if r.gap is not None else -1), r.competency.order))


@dataclass
class HeatMapRow:
    person: object
    cells: list[Cell]

    @property
    def total_gap(self) -> int:
        return sum(cell.gap or 0 for cell in self.cells)

    @property
    def unknown(self) -> int:
        return sum(1 for cell in self.cells if cell.state == "unknown")


@dataclass
class HeatMap:
    competencies: list[Competency]
    rows: list[HeatMapRow]


def heat_map(people, competencies=None) -> HeatMap:
    """People × competencies in three queries (competencies, requirements, levels)."""
    people = list(people)
    competencies = competencies if competencies is not None else active_competencies()
    competency_ids = [c.pk for c in competencies]
    required = RoleRequirement.objects.levels_by_role(p.job_role_id for p in people)
    assessed = AssessedLevel.objects.matrix([p.pk for p in people], competency_ids)
    rows = [
        HeatMapRow(
            person=person,
            cells=[
                Cell(
                    competency=competency,
                    required=required.get((person.job_role_id, competency.pk)),
                    assessed=assessed.get((person.pk, competency.pk)),
                )
                for competency in competencies
            ],
        )
        for person in people
    ]
    return HeatMap(competencies=competencies, rows=rows)


@dataclass
class DepartmentFigure:
    """One competency across a department: who needs it and how far they are."""

    competency: Competency
    required: int = 0  # people whose role requires it
    assessed: int = 0  # people with an assessed level
    meets: int = 0  # required and at or above the requirement
    below: int = 0  # required and below it
    average: float | None = None
    per_level: dict = field(default_factory=dict)

    @property
    def not_assessed(self) -> int:
        return max(self.required - self.meets - self.below, 0)

    @property
    def meets_percentage(self) -> int | None:
        return round(100 * self.meets / self.required) if self.required else None


def department_figures(people, competencies=None) -> list[DepartmentFigure]:
    """Per competency, for a queryset of people (a department): three grouped queries whatever
    the department's size. Assessed levels are counted per (competency, job role, level), at
    most a few hundred groups, and set against the role requirements here."""
    competencies = competencies if competencies is not None else active_competencies()
    figures = {c.pk: DepartmentFigure(competency=c, per_level=dict.fromkeys(LEVEL_VALUES, 0))
               for c in competencies}  # fmt: skip
    headcount = dict(
        people.order_by()
        .values("job_role_id")
        .annotate(n=Count("pk"))
        .values_list("job_role_id", "n")
    )
    required = RoleRequirement.objects.levels_by_role(headcount)
    for (role, competency), _level in required.items():
        if competency in figures:
            figures[competency].required += headcount.get(role, 0)
    groups = (
        AssessedLevel.objects.filter(person__in=people.values("pk"), competency_id__in=figures)
        .values("competency_id", "person__job_role_id", "level")
        .annotate(n=Count("pk"))
        .values_list("competency_id", "person__job_role_id", "level", "n")
        .order_by()
    )
    totals = dict.fromkeys(figures, 0)
    for competency, role, level, count in groups:
        figure = figures[competency]
        figure.assessed += count
        figure.per_level[level] += count
        totals[competency] += level * count
        needed = required.get((role, competency))
        if needed:
            if level >= needed:
                figure.meets += count
            else:
                figure.below += count
    for competency, figure in figures.items():
        figure.average = totals[competency] / figure.assessed if figure.assessed else None
    return list(figures.values())
