"""What HR does with a question: reply, note, assign, change status or category, link tips."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guidelines import api as guidelines_api
from helpdesk.models import Message, Question, SavedReply
from helpdesk.models.questions import ReplyStatus, Status
from helpdesk.queue import counts_changed
from helpdesk.services import notices
from helpdesk.services.asking import check_text
from helpdesk.services.files import attachment_store
from helpdesk.sla import working_calendar
from hrsocial import audit
from hrsocial.caching import CachedValue

REPLY_STATUSES = tuple(ReplyStatus)


def reply_text_fill(*, text: str, question: Question) -> str:
    """Fill the placeholders of a saved reply. An anonymous asker is "colleague": HR must not
    learn a name, not even from its own saved replies."""
    if question.is_anonymous or question.asker is None:
        first_name = _("colleague")
    else:
        first_name = question.asker.first_name
    return text.replace("{first_name}", first_name).replace("{voornaam}", first_name)


# Read on every question page; forgotten when one changes (helpdesk.apps).
SAVED_REPLIES = CachedValue("helpdesk:saved-replies", lambda: list(SavedReply.objects.all()))


# The tips HR can link a question to, on every question page.
GUIDELINE_CHOICES = guidelines_api.PUBLISHED_TIPS


def saved_replies_for(question: Question) -> list[SavedReply]:
    """The saved replies, those for the question's category first."""
    replies = SAVED_REPLIES.get()
    return sorted(
        replies, key=lambda r: (r.category_id != question.category_id, r.display_title.lower())
    )


def _locked(question: Question) -> Question:
    return (
        Question.objects.select_for_update(of=("self",))
        .select_related("asker", "category")
        .get(pk=question.pk)
    )


def question_reply(
    *,
    question: Question,
    author,
    body: str,
    status: str = Status.ANSWERED,
    upload=None,
    submission_key=None,
) -> Message:
    """A public reply: the asker sees it. The first one stops the response clock; the status
    becomes "answered" or "waiting for asker", or stays (`ReplyStatus.KEEP`; a new question
    becomes "open"); the asker is told. An unassigned question becomes the replier's."""
    body = check_text(body, field_label=_("The reply"))
    if status not in REPLY_STATUSES:
        raise ValidationError(
            _("Choose whether the question is answered, waits for the asker or keeps its status.")
        )
    with transaction.atomic():
        question = _locked(question)
        if submission_key and (
            done := Message.objects.filter(submission_key=submission_key).first()
        ):
            return done
        if question.is_closed:
            raise ValidationError(
                _("This question is closed. Re-open it first if you want to reply.")
            )
        now = timezone.now()
        message = Message.objects.create(
            question=question,
            kind=Message.Kind.REPLY,
            author=author,
            body=reply_text_fill(text=body, question=question),
            created_at=now,
            submission_key=submission_key,
        )
        if upload is not None:
            attachment_store(question=question, upload=upload, message=message)
        question.first_responded_at = question.first_responded_at or now
        question.last_reply_at = now
        requested = status
        if status == ReplyStatus.KEEP:
            status = Status.OPEN if question.status == Status.NEW else question.status
        question.status = status
        question.waiting_since = now if status == Status.WAITING else None
        question.waiting_reminded_at = None
        if question.assignee_id is None:
            _assign_to_replier(question, author)
        question.save()
        subject = question.subject
        if requested == ReplyStatus.WAITING:
            title = lambda: _("HR needs more from you about “%(subject)s”") % {"subject": subject}  # noqa: E731
        elif requested == ReplyStatus.ANSWERED:
            title = lambda: _("HR answered your question “%(subject)s”") % {"subject": subject}  # noqa: E731
        else:
            title = lambda: _("HR replied to your question “%(subject)s”") % {"subject": subject}  # noqa: E731
        notices.tell_asker(question=question, title=title)
    return message


def _assign_to_replier(question: Question, replier) -> None:
    """Whoever replies to an unassigned question handles it from then on: the same rules and
    audit entry as assigning it by hand (an anonymous question never goes to its own asker)."""
    assignee = notices.reroute_from_asker(question=question, assignee=replier)
    if assignee is None:
        return
    question.assignee = assignee
    audit.record(
        actor=replier,
        action="helpdesk.assign",
        target=question,
        previous=None,
        assignee=assignee.pk,
        confidential=question.is_confidential,
        by_reply=True,
    )
    notices.tell_assignee(question=question, assigned_by=replier)


def question_note(*, question: Question, author, body: str, upload=None, submission_key=None):
    """An internal note: for HR only, never shown to the asker."""
    body = check_text(body, field_label=_("The note"))
    with transaction.atomic():
        question = _locked(question)
        if submission_key and (
            done := Message.objects.filter(submission_key=submission_key).first()
        ):
            return done
        message = Message.objects.create(
            question=question,
            kind=Message.Kind.NOTE,
            author=author,
            body=body,
            submission_key=submission_key,
        )
        if upload is not None:
            attachment_store(question=question, upload=upload, message=message)
        Question.objects.filter(pk=question.pk).update(updated_at=timezone.now())
    return message


def check_assignee(question: Question, assignee) -> None:
    if assignee is None:
        return
    if not assignee.is_hr:
        raise ValidationError(_("Only HR staff can be assigned a question."))
    if question.asker_id is not None and question.asker_id == assignee.pk:
        raise ValidationError(_("Nobody can handle their own question."))
    if assignee.pk in notices.not_for(question):
        raise ValidationError(_("Nobody handles the question of someone who reports to them."))


def question_assign(*, question: Question, assignee, assigned_by) -> Question:
    """Give the question to an HR colleague (or to nobody). Written to the audit log: for a
    confidential question the assignee decides who may read it. An anonymous question given
    to its own asker silently goes to someone else (`notices.reroute_from_asker`)."""
    check_assignee(question, assignee)
    assignee = notices.reroute_from_asker(question=question, assignee=assignee)
    with transaction.atomic():
        question = _locked(question)
        previous = question.assignee_id
        new = assignee.pk if assignee else None
        if previous == new:
            return question
        question.assignee = assignee
        if question.status == Status.NEW and assignee is not None:
            question.status = Status.OPEN
        question.save(update_fields=["assignee", "status", "updated_at"])
        audit.record(
            actor=assigned_by,
            action="helpdesk.assign",
            target=question,
            previous=previous,
            assignee=new,
            confidential=question.is_confidential,
        )
        notices.tell_assignee(question=question, assigned_by=assigned_by)
    return question


def questions_assign(*, questions, assignee, assigned_by) -> int:
    """Bulk assignment from the queue; each change is audited. Returns how many changed."""
    changed = 0
    for question in questions:
        if question.assignee_id != (assignee.pk if assignee else None):
            question_assign(question=question, assignee=assignee, assigned_by=assigned_by)
            changed += 1
    return changed


def question_set_status(*, question: Question, status: str, changed_by) -> Question:
    if status not in Status.values:
        raise ValidationError(_("Unknown status."))
    with transaction.atomic():
        question = _locked(question)
        if question.status == status:
            return question
        now = timezone.now()
        question.status = status
        question.closed_at = now if status == Status.CLOSED else None
        question.waiting_since = now if status == Status.WAITING else None
        question.waiting_reminded_at = None
        question.save()
        label = Status(status).label
        subject = question.subject
        notices.tell_asker(
            question=question,
            title=lambda: (
                _("Your question “%(subject)s” is now: %(status)s")
                % {"subject": subject, "status": str(label).lower()}
            ),
        )
    return question


def question_details_change(
    *, question: Question, status: str, category, confidential: bool, changed_by
) -> bool:
    """The question page's details form: status, category and confidentiality in one save,
    all or nothing. Returns whether anything changed."""
    if not confidential and question.is_confidential and not changed_by.is_hr_lead:
        raise ValidationError(_("Only an HR lead can make a confidential question visible."))
    if status not in Status.values:
        raise ValidationError(_("Unknown status."))
    before = (question.status, question.category_id, question.is_confidential)
    with transaction.atomic():
        question_set_category(question=question, category=category, changed_by=changed_by)
        question_set_confidential(
            question=question, confidential=confidential, changed_by=changed_by
        )
        question_set_status(question=question, status=status, changed_by=changed_by)
    return before != (status, category.pk, confidential)


def question_set_category(*, question: Question, category, changed_by) -> Question:
    """Move the question; a target not met yet is recomputed from when it was asked."""
    if not category.is_active:
        raise ValidationError(_("This category can no longer be chosen."))
    with transaction.atomic():
        question = _locked(question)
        if question.category_id == category.pk:
            return question
        question.category = category
        if question.first_responded_at is None:
            warn_at, due_at = working_calendar().target(
                question.response_clock_start, category.response_hours
            )
            question.response_warn_at, question.response_due_at = warn_at, due_at
            question.sla_warned_at = question.sla_breach_reported_at = None
        question.save()
    return question


def question_set_confidential(*, question: Question, confidential: bool, changed_by) -> None:
    """Only HR leads may lift confidentiality; any handler may make a question confidential."""
    if not confidential and question.is_confidential and not changed_by.is_hr_lead:
        raise ValidationError(_("Only an HR lead can make a confidential question visible."))
    if question.is_confidential != confidential:
        Question.objects.filter(pk=question.pk).update(
            is_confidential=confidential, updated_at=timezone.now()
        )
        counts_changed()
        audit.record(
            actor=changed_by,
            action="helpdesk.confidential",
            target=question,
            confidential=confidential,
        )


def question_set_guidelines(*, question: Question, guidelines, changed_by) -> None:
    question.related_guidelines.set(guidelines)
    Question.objects.filter(pk=question.pk).update(updated_at=timezone.now())
