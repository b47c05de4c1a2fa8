"""The data of practice 2: a catalogue of trainings that fit the person.

catalogue.py  Training ("training"), the competencies it develops, and its querysets
sessions.py   Session, Enrolment (seat or waitlist), Completion, Feedback, CalendarToken
proposals.py  Proposal: a manager suggests a training to a direct report
scan.py       the digital-skills self-scan: questions, a person's scan, answers and levels
"""

from trainings.models.catalogue import Training, TrainingCompetency, TrainingQuerySet
from trainings.models.proposals import Proposal
from trainings.models.scan import ScanAnswer, ScanQuestion, ScanResult, SelfScan
from trainings.models.sessions import (
    CalendarToken,
    Completion,
    Enrolment,
    EnrolmentQuerySet,
    Feedback,
    Session,
    SessionQuerySet,
)

__all__ = [
    "CalendarToken",
    "Completion",
    "Enrolment",
    "EnrolmentQuerySet",
    "Feedback",
    "Proposal",
    "ScanAnswer",
    "ScanQuestion",
    "ScanResult",
    "SelfScan",
    "Session",
    "SessionQuerySet",
    "Training",
    "TrainingCompetency",
    "TrainingQuerySet",
]
