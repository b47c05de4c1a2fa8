"""Signals from other apps that competencies listens to; `connect()` runs in ready()."""

from django.apps import apps

from competencies.services import evidence_record_training


def record_completed_training(sender, *, person, training, competencies=(), **kwargs):
    """trainings.signals.training_completed: the training becomes evidence on each
    competency it develops, shown on the person's profile and in their next review."""
    evidence_record_training(person=person, training=training, competencies=competencies)


def connect() -> None:
    if apps.is_installed("trainings"):
        from trainings.signals import training_completed

        training_completed.connect(
            record_completed_training, dispatch_uid="competencies.record_completed_training"
        )
