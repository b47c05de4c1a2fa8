"""Signals from other apps that competencies listens to; `connect()` runs in ready()."""

from django.apps import apps

from competencies.services import evidence_record_training, reviews_of_leaver_withdraw


def record_completed_training(sender, *, person, training, competencies=(), **kwargs):
    """trainings.signals.training_completed: the training becomes evidence on each
    competency it develops, shown on the person's profile and in their next review."""
    evidence_record_training(person=person, training=training, competencies=competencies)


def withdraw_reviews_of_leaver(sender, *, person, ended_by=None, **kwargs):
    """people.signals.employment_ended: open reviews of someone who left are withdrawn.
    Reviews they had to give as a manager follow their reports to the new manager (or HR)."""
    reviews_of_leaver_withdraw(person=person, withdrawn_by=ended_by)


def connect() -> None:
    from people.signals import employment_ended

    employment_ended.connect(
        withdraw_reviews_of_leaver, dispatch_uid="competencies.withdraw_reviews_of_leaver"
    )
    if apps.is_installed("trainings"):
        from trainings.signals import training_completed

        training_completed.connect(
            record_completed_training, dispatch_uid="competencies.record_completed_training"
        )
