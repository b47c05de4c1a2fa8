"""Every write with rules, as keyword-only functions named <noun>_<verb>.

enrolments.py  seats and waitlists, the manager's decision on paid trainings
proposals.py   a manager proposes a training (the contract with `competencies`)
followup.py    reminders, attendance, completion, e-learning, feedback
catalogue.py   HR's changes to sessions and trainings
participants.py HR's changes to one participant: cancel a seat, move to another session
scan.py        the self-scan
calendar.py    the personal calendar feed's secret address
"""

from trainings.services.calendar import (
    calendar_token_renew,
    calendar_token_revoke,
    calendar_token_used,
)
from trainings.services.catalogue import (
    session_cancel,
    session_create,
    session_update,
    training_save,
)
from trainings.services.enrolments import (
    enrolment_approve,
    enrolment_cancel,
    enrolment_claim,
    enrolment_create,
    enrolment_decline,
    seats_fill,
)
from trainings.services.followup import (
    attendance_register,
    completion_record,
    elearning_complete,
    feedback_allowed,
    feedback_give,
    feedback_requests_send,
    reminders_send,
)
from trainings.services.participants import enrolment_move, seat_cancel
from trainings.services.proposals import proposal_accept, proposal_decline, training_propose
from trainings.services.scan import level_from_answers, scan_submit

__all__ = [
    "attendance_register",
    "calendar_token_renew",
    "calendar_token_revoke",
    "calendar_token_used",
    "completion_record",
    "elearning_complete",
    "enrolment_approve",
    "enrolment_cancel",
    "enrolment_claim",
    "enrolment_create",
    "enrolment_decline",
    "enrolment_move",
    "feedback_allowed",
    "feedback_give",
    "feedback_requests_send",
    "level_from_answers",
    "proposal_accept",
    "proposal_decline",
    "reminders_send",
    "scan_submit",
    "seat_cancel",
    "seats_fill",
    "session_cancel",
    "session_create",
    "session_update",
    "training_propose",
    "training_save",
]
