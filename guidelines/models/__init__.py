"""Practice 1: tips for social media (guidelines), their versions and acknowledgements, and
the rules of the "may I post this?" draft checker."""

from guidelines.models.rules import DraftCheckTally, Rule, RuleSetState, Severity, Term
from guidelines.models.tips import (
    Acknowledgement,
    AcknowledgementReminder,
    Category,
    ChangeKind,
    Guideline,
    GuidelineQuerySet,
    GuidelineVersion,
    TipOpening,
)

__all__ = [
    "Acknowledgement",
    "AcknowledgementReminder",
    "Category",
    "ChangeKind",
    "DraftCheckTally",
    "Guideline",
    "GuidelineQuerySet",
    "GuidelineVersion",
    "Rule",
    "RuleSetState",
    "Severity",
    "Term",
    "TipOpening",
]
