"""What other apps may use of trainings (practice 2); nothing else of trainings is public."""

from trainings.models import Completion, Training
from trainings.signals import training_completed

__all__ = ["completions_of", "training_completed", "trainings_developing"]


def trainings_developing(competency, level: int, *, person=None, limit: int) -> list[Training]:
    """Up to `limit` published trainings that take `competency` to `level` or beyond, best fit
    first (provided to competencies as "trainings_for_gap", see trainings.apps); with `person`,
    each says where that person stands with it (`my_state`, `my_state_label`)."""
    trainings = Training.objects.developing(competency, level)
    if person is not None:
        trainings = trainings.with_state_for(person)
    return list(trainings[:limit])


def completions_of(person):
    """The trainings `person` completed, newest first (a queryset of Completion)."""
    return (
        Completion.objects.filter(person=person)
        .select_related("training")
        .order_by("-completed_at")
    )
