"""What other apps may use of guidelines (practice 1); nothing else of guidelines is public.

Other apps import this module only (tests/hrsocial/test_architecture.py), so guidelines may
change its models, services and views without breaking them.
"""

import datetime

from django.db.models import F

from guidelines.models import Guideline
from guidelines.services import draft_check
from hrsocial.caching import CachedValue
from hrsocial.daily import Figures, day_bounds, per_department
from people.models import User

__all__ = ["Guideline", "PUBLISHED_TIPS", "daily_figures", "draft_check", "published_tips"]


def published_tips():
    """The tips everyone may read (a queryset)."""
    return Guideline.objects.published()


# The published tips' ids and titles, to choose from on busy pages (the helpdesk's question
# page); forgotten when a tip changes (guidelines.apps).
PUBLISHED_TIPS = CachedValue(
    "guidelines:published-tips",
    lambda: list(published_tips().only("pk", "title", "title_en").order_by("title")),
)


def daily_figures(day: datetime.date) -> dict[str, Figures]:
    """For insights: per department, the acknowledgements given on `day` and, at the end of it,
    how many of the acknowledgements asked for are given (hrsocial.daily), and the draft
    checker's counts. Five queries."""
    from guidelines.models import Acknowledgement

    start, end = day_bounds(day)
    tips = list(published_tips().filter(ack_version__gte=1).values_list("pk", flat=True))
    given = per_department(
        Acknowledgement.objects.filter(acknowledged_at__gte=start, acknowledged_at__lt=end),
        "person__department",
    )
    current = per_department(
        Acknowledgement.objects.filter(
            guideline__in=tips, version__gte=F("guideline__ack_version"),
            person__in=User.objects.employees(),
        ),
        "person__department",
    )  # fmt: skip
    staff = per_department(User.objects.employees(), "department")
    rate = {
        department: (current.get(department, (0, 0))[0], people * len(tips))
        for department, (people, _base) in staff.items()
        if tips
    }
    return {"acknowledgements": given, "acknowledgement_rate": rate, **_draft_checks(day)}


def _draft_checks(day: datetime.date) -> dict[str, Figures]:
    """The checker's counts of `day` per department (one query): checks done, drafts with a
    finding, and per kind of rule the drafts it found something in
    (`found_<kind>`). Counts only: the drafts themselves are never stored."""
    from guidelines.models import DraftCheckTally

    counts: dict[str, dict] = {}
    for department, kind, n in DraftCheckTally.objects.filter(day=day).values_list(
        "department", "kind", "count"
    ):
        counts.setdefault(kind, {})[department] = counts.get(kind, {}).get(department, 0) + n
    checked = counts.pop(DraftCheckTally.CHECKED, {})
    flagged = counts.pop(DraftCheckTally.FLAGGED, {})
    return {
        "draft_checks": {d: (float(n), 0) for d, n in checked.items()},
        # A count, not a share of the checks: the checks are not people (one person may check
        # many drafts), so a rate over them could be about one person's drafts.
        "draft_flagged": {d: (float(n), 0) for d, n in flagged.items()},
        **{
            f"found_{kind}": {d: (float(n), 0) for d, n in found.items()}
            for kind, found in counts.items()
        },
    }
