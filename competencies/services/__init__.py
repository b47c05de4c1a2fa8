"""Every write with rules in the competencies app (keyword-only functions, `<noun>_<verb>`).

framework.py  HR's framework and role profiles
cycles.py     opening and closing review cycles, newcomers, deadline reminders
reviews.py    self-assessment, the manager's review, the employee's reaction
evidence.py   completed trainings recorded as evidence
experts.py    people's own entry in the expert finder
"""

from competencies.services.cycles import (
    cycle_add_newcomers,
    cycle_close,
    cycle_open,
    cycle_validate,
    reminders_send,
)
from competencies.services.evidence import evidence_record_training
from competencies.services.experts import expert_profile_save, tags_parse
from competencies.services.framework import (
    competency_save,
    competency_set_active,
    role_requirements_save,
)
from competencies.services.reviews import (
    Decision,
    SelfAssessment,
    reaction_add,
    review_submit,
    reviewers_of,
    reviews_of_leaver_withdraw,
    self_assessment_submit,
)

__all__ = [
    "Decision",
    "SelfAssessment",
    "competency_save",
    "competency_set_active",
    "cycle_add_newcomers",
    "cycle_close",
    "cycle_open",
    "cycle_validate",
    "evidence_record_training",
    "expert_profile_save",
    "reaction_add",
    "reminders_send",
    "review_submit",
    "reviewers_of",
    "reviews_of_leaver_withdraw",
    "role_requirements_save",
    "self_assessment_submit",
    "tags_parse",
]
