"""Where competencies meet trainings, through trainings' own contract only.

* For a gap: the trainings that develop a competency to at least that level (best fit first),
  from the function trainings provides as "trainings_for_gap" (trainings.apps), each saying
  where the person stands with it, so a training already enrolled in (or completed) is not
  offered as "enrol": competencies does not import trainings, which depends on competencies.
* The manager's one-click proposal posts to `trainings:propose` (fields `training`,
  `employee`, `next`); trainings owns the proposal and what follows.
* A completed training arrives as the `trainings.signals.training_completed` signal and is
  recorded as evidence (`competencies.api.record_completed_training`, connected by trainings).

Everything here works without the trainings app, or with an empty catalogue: a gap then
simply has no suggestions.
"""

from django.urls import NoReverseMatch, reverse

from hrsocial.plugins import provided

SUGGESTIONS_PER_GAP = 3


def trainings_installed() -> bool:
    return provided("trainings_for_gap") is not None


def trainings_for_gap(
    competency, level: int, *, person=None, limit: int = SUGGESTIONS_PER_GAP
) -> list:
    """Up to `limit` trainings that take `competency` to `level` or beyond; with `person`,
    each says where that person stands with it (`my_state`, `my_state_label`)."""
    if not trainings_installed():
        return []
    return provided("trainings_for_gap")(competency, level, person=person, limit=limit)


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
