"""HR's view of the acknowledgements: the rate per tip and per department, and who is missing.

Only current employees count, and only acknowledgements that still count (of the tip's
latest material version or later). Every figure comes from a fixed number of aggregate
queries, whatever the number of employees.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guidelines.models import Acknowledgement, Guideline, TipOpening
from people.models import Department, User


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass
class TipRate:
    guideline: Guideline
    acknowledged: int
    total: int
    opened: int = 0  # opened the tip's page since its latest material change

    @property
    def percent(self) -> int:
        return _percent(self.acknowledged, self.total)

    @property
    def missing(self) -> int:
        return self.total - self.acknowledged


@dataclass
class DepartmentRate:
    name: str
    department_id: int | None
    members: int
    complete: int  # people who acknowledged every published tip
    pairs_done: int  # (person, tip) pairs acknowledged
    tips: int

    @property
    def percent_complete(self) -> int:
        return _percent(self.complete, self.members)

    @property
    def percent_pairs(self) -> int:
        return _percent(self.pairs_done, self.members * self.tips)


def _staff(department=None):
    staff = User.objects.employees()
    return staff.filter(department=department) if department else staff


def _done_per_department_and_tip() -> dict[tuple[int | None, int], int]:
    """How many current employees acknowledged each tip, per department: one grouped query,
    from which both tables of the report are summed."""
    return {
        (department_id, tip_id): done
        for department_id, tip_id, done in Acknowledgement.objects.current()
        .values_list("person__department", "guideline")
        .annotate(done=Count("person", distinct=True))
        .order_by()
    }


def _opened_per_department_and_tip() -> dict[tuple[int | None, int], int]:
    """How many current employees opened each tip (in a version that counts), per department:
    one grouped query, like the acknowledgements'."""
    return {
        (department_id, tip_id): opened
        for department_id, tip_id, opened in TipOpening.objects.current()
        .values_list("person__department", "guideline")
        .annotate(opened=Count("person", distinct=True))
        .order_by()
    }


def _complete_people(tip_count: int):
    """A subquery: the people who acknowledged every published tip in a version that counts."""
    return (
        Acknowledgement.objects.current()
        .values("person")
        .annotate(done=Count("guideline", distinct=True))
        .filter(done__gte=tip_count)
        .values("person")
    )


@dataclass
class Report:
    tip_rates: list[TipRate]
    department_rates: list[DepartmentRate]


def acknowledgement_report(*, department=None) -> Report:
    """The rates per tip (for one department, or everyone) and per department. Six queries,
    whatever the number of employees and acknowledgements."""
    tips = list(Guideline.objects.published().in_reading_order())
    done = _done_per_department_and_tip()
    opened = _opened_per_department_and_tip()
    members = dict(
        User.objects.employees().values_list("department").annotate(n=Count("pk")).order_by()
    )
    complete = (
        dict(
            User.objects.employees()
            .filter(pk__in=_complete_people(len(tips)))
            .values_list("department")
            .annotate(n=Count("pk"))
            .order_by()
        )
        if tips
        else members
    )
    names = dict(Department.objects.values_list("pk", "name"))
    in_scope = (lambda d: d == department.pk) if department else (lambda d: True)
    total = sum(n for d, n in members.items() if in_scope(d))
    tip_rates = [
        TipRate(
            tip,
            acknowledged=sum(n for (d, t), n in done.items() if t == tip.pk and in_scope(d)),
            total=total,
            opened=sum(n for (d, t), n in opened.items() if t == tip.pk and in_scope(d)),
        )
        for tip in tips
    ]
    department_rates = sorted(
        (
            DepartmentRate(
                name=names.get(department_id) or _("No department"),
                department_id=department_id,
                members=count,
                complete=complete.get(department_id, 0),
                pairs_done=sum(n for (d, _t), n in done.items() if d == department_id),
                tips=len(tips),
            )
            for department_id, count in members.items()
        ),
        key=lambda r: (r.department_id is None, r.name),
    )
    return Report(tip_rates=tip_rates, department_rates=department_rates)


def missing_people(*, department=None, guideline=None):
    """Employees who still have to acknowledge a tip (the given one, or any), by name."""
    staff = _staff(department).select_related("department")
    if guideline is not None:
        done = Acknowledgement.objects.filter(
            person=OuterRef("pk"), guideline=guideline, version__gte=guideline.ack_version
        )
        return staff.exclude(Exists(done)).order_by("full_name", "pk")
    tip_count = Guideline.objects.published().count()
    if not tip_count:
        return staff.none()
    return staff.exclude(pk__in=_complete_people(tip_count)).order_by("full_name", "pk")


def attach_missing_tips(people, tips: list[Guideline]) -> None:
    """Set `missing_tips` on each person of a page: one query for the whole page."""
    done = set(
        Acknowledgement.objects.current()
        .filter(person__in=[p.pk for p in people])
        .values_list("person_id", "guideline_id")
    )
    for person in people:
        person.missing_tips = [t for t in tips if (person.pk, t.pk) not in done]


EXPORT_HEADER = (
    gettext_lazy("Name"),
    gettext_lazy("E-mail"),
    gettext_lazy("Department"),
    gettext_lazy("Tip"),
    gettext_lazy("Status"),
    gettext_lazy("Version acknowledged"),
    gettext_lazy("Acknowledged on"),
)


def export_rows(*, department=None, guideline=None, chunk: int = 1000):
    """The export's rows (`hrsocial.exports`), one per employee and tip, generated in chunks
    of people so that a large organisation streams instead of filling memory."""
    tips = list(Guideline.objects.published().in_reading_order())
    if guideline is not None:
        tips = [t for t in tips if t.pk == guideline.pk]
    statuses = {
        "done": _("acknowledged"),
        "again": _("to acknowledge again"),
        "never": _("not acknowledged"),
    }
    staff = _staff(department).select_related("department").order_by("pk")
    last_pk = 0
    while True:
        people = list(staff.filter(pk__gt=last_pk)[:chunk])
        if not people:
            return
        last_pk = people[-1].pk
        latest: dict[tuple[int, int], Acknowledgement] = {}
        for ack in Acknowledgement.objects.filter(person__in=people, guideline__in=tips).order_by(
            "version"
        ):
            latest[(ack.person_id, ack.guideline_id)] = ack
        for person in people:
            for tip in tips:
                ack = latest.get((person.pk, tip.pk))
                if ack is None:
                    status, version, when = statuses["never"], None, None
                else:
                    status = statuses[
                        "done" if tip.counts_as_acknowledged(ack.version) else "again"
                    ]
                    version, when = ack.version, timezone.localdate(ack.acknowledged_at)
                yield (
                    person.full_name,
                    person.email,
                    person.department.name if person.department else "",
                    tip.display_title,
                    status,
                    version,
                    when,
                )
