"""Who may see which question, attachment and FAQ entry: the one place that decides.

* The asker sees their own question (named: by `asker`; anonymous: by their sealed mailbox or
  the private link's token), never HR's internal notes.
* HR staff handle the questions `Question.objects.visible_to_staff(user)` gives them: not
  confidential ones unless they are the assignee or an HR lead, never their own.
* A manager has no special rights: they never see their reports' questions.

Each fetch helper raises 404 for a record the user may not see, so nobody can find out by
guessing numbers which questions exist.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from helpdesk.anonymity import hash_token, is_asker_of
from helpdesk.models import Attachment, FaqEntry, Question
from hrsocial import audit
from people.permissions import is_hr

# HR staff work the queue (views/staff.py) and write the FAQ, drafts included (views/faq.py);
# their views are `hr_required`, the same predicate. Templates: `user|can:"helpdesk.…"`.
can_use_queue = is_hr
can_manage_faq = is_hr


def get_question_for_asker(request, reference, *, token: str = "") -> Question:
    """The asker's own question. `token` (from the private link) also opens an anonymous one."""
    questions = Question.objects.select_related("category")
    question = questions.asked_by(request.user).filter(reference=reference).first()
    if question is None and token:
        question = questions.filter(
            reference=reference, is_anonymous=True, access_token_hash=hash_token(token)
        ).first()
    if question is None:
        raise Http404
    return question


def get_question_by_token(request, token: str) -> Question:
    if not token or len(token) > 100:
        raise Http404
    return get_object_or_404(
        Question.objects.select_related("category"),
        is_anonymous=True,
        access_token_hash=hash_token(token),
    )


def get_question_for_staff(request, reference, *, record_read: bool = False) -> Question:
    """A question HR staff may handle. Opening a confidential one is written to the audit log
    (`record_read`: the question page, not every action on it; the page also gets to know
    what it need not load, `with_page_flags`)."""
    questions = Question.objects.visible_to_staff(request.user).select_related(
        "category", "asker", "assignee", "rating"
    )
    if record_read:
        questions = questions.with_page_flags()
    question = get_object_or_404(questions, reference=reference)
    if record_read and question.is_confidential:
        audit.record(actor=request.user, action="helpdesk.view_confidential", target=question)
    return question


def is_asker(user, question: Question) -> bool:
    if not user.is_authenticated:
        return False
    if question.is_anonymous:
        return is_asker_of(user, question)
    return question.asker_id == user.pk


def can_handle(user, question: Question) -> bool:
    return Question.objects.visible_to_staff(user).filter(pk=question.pk).exists()


def get_attachment_for_user(request, reference, *, token: str = "") -> Attachment:
    """An attachment for its question's asker (not on internal notes) or its handlers."""
    attachment = get_object_or_404(
        Attachment.objects.select_related("question", "message"), reference=reference
    )
    question = attachment.question
    user = request.user
    if can_handle(user, question):
        if question.is_confidential:
            audit.record(
                actor=user, action="helpdesk.view_confidential", target=question, file=reference
            )
        return attachment
    opened_by_token = bool(token) and question.access_token_hash == hash_token(token)
    if (is_asker(user, question) or opened_by_token) and not attachment.is_internal:
        return attachment
    raise Http404


def faq_entries_visible_to(user):
    """Published entries for every employee; drafts too for HR."""
    entries = FaqEntry.objects.select_related("category")
    return entries if can_manage_faq(user) else entries.published()


def get_faq_entry_for_user(request, pk) -> FaqEntry:
    return get_object_or_404(faq_entries_visible_to(request.user), pk=pk)
