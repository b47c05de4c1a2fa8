"""Where competencies meet trainings, through trainings' own contract only.

* For a gap: `Training.objects.developing(competency, level)`, the trainings that develop a
  competency to at least that level (best fit first), with `.with_state_for(person)` so a
  training the person is already enrolled in (or completed) is not offered as "enrol".
* The manager's one-click proposal posts to `trainings:propose` (fields `training`,
  `employee`, `next`); trainings owns the proposal and what follows.
* A completed training arrives as the `trainings.signals.training_completed` signal and is
  recorded as evidence (see `competencies.receivers`).

Everything here works without the trainings app, or with an empty catalogue: a gap then
simply has no suggestions.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

SUGGESTIONS_PER_GAP = 3


def trainings_installed() -> bool:
    return apps.is_installed("trainings")


def trainings_for_gap(
    competency, level: int, *, person=None, limit: int = SUGGESTIONS_PER_GAP
) -> list:
    """Up to `limit` trainings that take `competency` to `level` or beyond; with `person`,
    each says where that person stands with it (`my_state`, `my_state_label`)."""
    if not trainings_installed():
        return []
    from trainings.models import Training

    trainings = Training.objects.developing(competency, level)
    if person is not None:
        trainings = trainings.with_state_for(person)
    return list(trainings[:limit])


def attach_trainings(rows, *, person=None) -> None:
    """Give each gap row (ProfileRow) its suggested trainings: one query per real gap, and
    the framework bounds the number of gaps. Rows not assessed yet get none: first assess."""
    for row in rows:
        if row.assessed is not None and row.required and row.assessed < row.required:
            row.trainings = trainings_for_gap(row.competency, row.required, person=person)


def propose_url() -> str | None:
    """Where the manager's proposal form posts, or None when trainings is not there."""
    if not trainings_installed():
        return None
    try:
        return reverse("trainings:propose")
    except NoReverseMatch:
        return None
