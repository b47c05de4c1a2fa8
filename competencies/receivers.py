"""Signals from other apps that competencies listens to; connected by the app's
`receivers` declaration (apps.py)."""

from competencies.services import evidence_record_training, reviews_of_leaver_withdraw


def record_completed_training(sender, *, person, training, competencies=(), **kwargs):
    """trainings.signals.training_completed: the training becomes evidence on each
    competency it develops, shown on the person's profile and in their next review."""
    evidence_record_training(person=person, training=training, competencies=competencies)


def withdraw_reviews_of_leaver(sender, *, person, ended_by=None, **kwargs):
    """people.signals.employment_ended: open reviews of someone who left are withdrawn.
    Reviews they had to give as a manager follow their reports to the new manager (or HR)."""
    reviews_of_leaver_withdraw(person=person, withdrawn_by=ended_by)
