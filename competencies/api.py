"""What other apps may use of competencies (practices 4 and 8); nothing else is public."""

from competencies.gaps import gap_rows, profile_rows
from competencies.models import Competency
from competencies.receivers import record_completed_training

__all__ = ["Competency", "gap_rows", "profile_rows", "record_completed_training"]
