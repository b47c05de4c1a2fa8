"""Group figures that cannot point at a person: the one rule every figure of the portal obeys.

A figure about a group (a department's click-through, a consultation's answers per department,
a must-read rate) is shown only when the group has at least `MINIMUM_GROUP` people (free-text
answers: `MINIMUM_FREE_TEXT`). Hiding the small groups is not enough when a total is shown too:
the total minus the shown groups gives the hidden one away, so `suppress()` then hides the
next-smallest group as well (complementary suppression), until what is hidden together is a
group of at least the minimum. Per-person figures are never groups: the works councils act
(art. 27 WOR) asks the works council's consent for monitoring individual employees.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

MINIMUM_GROUP = 5
MINIMUM_FREE_TEXT = 10


@dataclass(frozen=True)
class Group:
    """One row of a group figure: `people` is how many persons the figure is about (not the
    number of events), `value` what is shown for them (a count, a rate, a dict of counts)."""

    key: Any
    label: str
    people: int
    value: Any
    hidden: bool = False

    @property
    def shown(self) -> bool:
        return not self.hidden


def enough_people(people: int, *, minimum: int = MINIMUM_GROUP) -> bool:
    return people >= minimum


def figure(people: int, value, *, minimum: int = MINIMUM_GROUP):
    """`value` when it is about enough people, otherwise None (shown as "too few to show")."""
    return value if enough_people(people, minimum=minimum) else None


def suppress(
    groups: Iterable[Group], *, with_total: bool = True, minimum: int = MINIMUM_GROUP
) -> list[Group]:
    """The groups, in their order, with `hidden` set on those that may not be shown.

    `with_total`: a total over all the groups is shown beside them (the usual case), so one
    hidden group alone, or hidden groups that are together fewer than `minimum` people, would
    be worked out by subtraction; the next-smallest shown groups are hidden too until that is
    no longer possible (or nothing is left to show)."""
    groups = list(groups)
    hidden = {i for i, g in enumerate(groups) if not enough_people(g.people, minimum=minimum)}
    if with_total:
        by_size = sorted(range(len(groups)), key=lambda i: (groups[i].people, i))
        while hidden and (len(hidden) == 1 or sum(groups[i].people for i in hidden) < minimum):
            shown = [i for i in by_size if i not in hidden]
            if not shown:
                break
            hidden.add(shown[0])
    return [replace(group, hidden=i in hidden) for i, group in enumerate(groups)]
