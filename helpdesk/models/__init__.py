"""Practice 3: the internal helpdesk ("vraagbaak"): questions to HR, the conversation about
them, response targets, satisfaction, and the FAQ that good answers turn into."""

from helpdesk.models.faq import FaqEntry, FaqVote, SelfServiceResolution
from helpdesk.models.questions import (
    Attachment,
    HeldNotice,
    Message,
    Question,
    QuestionQuerySet,
    Rating,
    SavedReply,
)
from helpdesk.models.routing import Category, PublicHoliday

__all__ = [
    "Attachment",
    "Category",
    "FaqEntry",
    "FaqVote",
    "HeldNotice",
    "Message",
    "PublicHoliday",
    "Question",
    "QuestionQuerySet",
    "Rating",
    "SavedReply",
    "SelfServiceResolution",
]
