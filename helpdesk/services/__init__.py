"""Every write with rules, as keyword-only functions named <noun>_<verb>.

asking.py     the asker: ask, write again, close, rate; the draft from the post checker
answering.py  HR: reply (with its status), note, assign, the details (status, category,
              confidentiality), related tips
notices.py    who is told about what (the notification outbox)
files.py      storing checked attachments
faq.py        the FAQ, votes, questions solved without a ticket
followup.py   the periodic work: response targets, anonymous askers' news, waiting questions
export.py     the queue as a CSV file
"""

from helpdesk.services.answering import (
    question_assign,
    question_details_change,
    question_note,
    question_reply,
    question_set_category,
    question_set_confidential,
    question_set_guidelines,
    question_set_status,
    questions_assign,
    reply_text_fill,
    saved_replies_for,
)
from helpdesk.services.asking import (
    draft_prefill,
    question_ask,
    question_close_by_asker,
    question_follow_up,
    question_mark_seen,
    rating_give,
)
from helpdesk.services.faq import (
    faq_answer_suggestion,
    faq_entry_save,
    faq_vote,
    self_service_record,
)
from helpdesk.services.followup import (
    anonymous_askers_notify,
    held_notices_send,
    response_targets_check,
    waiting_questions_follow_up,
)

__all__ = [
    "anonymous_askers_notify",
    "draft_prefill",
    "faq_answer_suggestion",
    "faq_entry_save",
    "faq_vote",
    "held_notices_send",
    "question_ask",
    "question_assign",
    "question_close_by_asker",
    "question_details_change",
    "question_follow_up",
    "question_mark_seen",
    "question_note",
    "question_reply",
    "question_set_category",
    "question_set_confidential",
    "question_set_guidelines",
    "question_set_status",
    "questions_assign",
    "rating_give",
    "reply_text_fill",
    "response_targets_check",
    "saved_replies_for",
    "self_service_record",
    "waiting_questions_follow_up",
]
