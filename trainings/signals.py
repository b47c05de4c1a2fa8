"""Signals trainings sends, so other apps can react without trainings importing them.

training_completed: sent once when a person completes a training (attendance registered as
present, or an e-learning marked done). Arguments: person, training, and `competencies`, a
list of (Competency, level) pairs the training develops. `competencies` records it as
evidence; the receiver is declared in trainings.apps (competencies.api).
"""

from django.dispatch import Signal

training_completed = Signal()
