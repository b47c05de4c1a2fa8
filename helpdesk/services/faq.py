"""The FAQ: publishing an answer for everyone, votes, and questions solved without a ticket."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from helpdesk.models import FaqEntry, FaqVote, Message, Question, SelfServiceResolution
from hrsocial import audit


def faq_answer_suggestion(question: Question) -> str:
    """A starting point for the FAQ answer: HR's own public replies, without the asker's name.
    The asker's text is not copied; HR sees it next to the form and copies what it wants."""
    replies = [m.body for m in question.messages.all() if m.kind == Message.Kind.REPLY]
    text = "\n\n".join(replies)
    if question.asker is not None:
        for name in {question.asker.full_name, *question.asker.full_name.split()}:
            if len(name) > 1:
                text = re.sub(rf"\b{re.escape(name)}\b", "", text)
        # "Hoi ," left behind by a greeting: tidy the punctuation.
        text = re.sub(r"(?m)^(\w+)\s+,", r"\1,", text)
    return text.strip()


def faq_entry_save(*, entry: FaqEntry, saved_by, source_question: Question | None = None):
    """Create or change an FAQ entry; one made from a question remembers where it came from."""
    if not (entry.title or "").strip() or not (entry.answer or "").strip():
        raise ValidationError(_("An FAQ entry needs a question and an answer."))
    with transaction.atomic():
        created = entry.pk is None
        if created:
            entry.created_by = saved_by
            entry.source_question = source_question
        entry.full_clean()
        entry.save()
        audit.record(
            actor=saved_by,
            action="helpdesk.faq_create" if created else "helpdesk.faq_change",
            target=entry,
            from_question=source_question.pk if source_question else None,
        )
    return entry


def faq_vote(*, entry: FaqEntry, voter, helpful: bool) -> FaqVote:
    """ "Was this helpful?" One vote per person; voting again changes it."""
    vote, _created = FaqVote.objects.update_or_create(
        entry=entry, voter=voter, defaults={"is_helpful": helpful}
    )
    return vote


def self_service_record(*, source: str, object_id: int, title: str) -> SelfServiceResolution:
    """Someone found their answer while typing their question: count it."""
    if source not in SelfServiceResolution.Source.values:
        raise ValidationError(_("Unknown source."))
    return SelfServiceResolution.objects.create(
        source=source, object_id=object_id, title=(title or "")[:200]
    )
