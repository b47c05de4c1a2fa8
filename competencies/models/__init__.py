"""The competencies app's data: the framework, reviews, and current profiles."""

from competencies.models.framework import (
    LEVEL_VALUES,
    LEVELS,
    Competency,
    CompetencyCategory,
    CompetencyLevel,
    RoleRequirement,
    level_label,
)
from competencies.models.profiles import (
    EXPERT_LEVELS,
    AssessedLevel,
    Evidence,
    ExpertiseTag,
    ExpertProfile,
)
from competencies.models.reviews import AssessmentLine, Review, ReviewCycle

__all__ = [
    "EXPERT_LEVELS",
    "LEVELS",
    "LEVEL_VALUES",
    "AssessedLevel",
    "AssessmentLine",
    "Competency",
    "CompetencyCategory",
    "CompetencyLevel",
    "Evidence",
    "ExpertProfile",
    "ExpertiseTag",
    "Review",
    "ReviewCycle",
    "RoleRequirement",
    "level_label",
]
