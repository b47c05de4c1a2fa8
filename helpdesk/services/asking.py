"""What the asker does: ask, write again, close, rate, and the draft from the post checker."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from helpdesk import anonymity
from helpdesk.attachments import CheckedFile
from helpdesk.models import Category, Message, Question, Rating
from helpdesk.models.questions import MAX_TEXT_LENGTH, Status
from helpdesk.queue import counts_changed
from helpdesk.services import notices
from helpdesk.services.files import attachment_store
from helpdesk.sla import working_calendar
from integrations import webhooks

MAX_DRAFT_LENGTH = 5_000
DRAFT_SESSION_KEY = "helpdesk_draft"
# The checker sends the network's code; the subject shows its name.
NETWORK_NAMES = {
    "linkedin": "LinkedIn", "x": "X", "twitter": "X", "instagram": "Instagram",
    "facebook": "Facebook", "tiktok": "TikTok", "bluesky": "Bluesky", "mastodon": "Mastodon",
}  # fmt: skip


def check_text(text: str, *, field_label: str) -> str:
    """The same rules for every text: not empty, not longer than the limit."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("%(field)s cannot be empty.") % {"field": field_label})
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            _("%(field)s can be at most %(limit)s characters (now %(length)s).")
            % {
                "field": field_label,
                "limit": number_format(MAX_TEXT_LENGTH, force_grouping=True),
                "length": number_format(len(text), force_grouping=True),
            }
        )
    return text


def question_ask(
    *,
    asker,
    subject: str,
    body: str,
    category: Category,
    anonymous: bool = False,
    confidential: bool = False,
    upload: CheckedFile | None = None,
    submission_key: uuid.UUID | None = None,
) -> tuple[Question, str | None, bool]:
    """Ask HR a question. Returns (question, private-link token or None, created).

    A form submitted twice (a double click, a reload) has the same `submission_key`: the
    second call returns the question the first one made instead of a duplicate. The token of
    an anonymous question exists only in this return value; the caller hands it to the asker.
    """
    submission_key = submission_key or uuid.uuid4()
    existing = Question.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, None, False
    if not category.is_active:
        raise ValidationError(_("This category can no longer be chosen."))
    subject = (subject or "").strip()
    if not subject:
        raise ValidationError(_("The subject cannot be empty."))
    body = check_text(body, field_label=_("Your question"))
    now = timezone.now()
    # An anonymous question keeps only its day part (helpdesk.anonymity).
    asked_at = anonymity.day_part_start(now) if anonymous else now
    clock = anonymity.day_part_end(now) if anonymous else now
    warn_at, due_at = working_calendar().target(clock, category.response_hours)
    token = anonymity.new_access_token() if anonymous else None
    question = Question(
        subject=subject[:200],
        body=body,
        category=category,
        asker=None if anonymous else asker,
        is_anonymous=anonymous,
        asker_mailbox=anonymity.new_mailbox(asker) if anonymous else "",
        access_token_hash=anonymity.hash_token(token) if anonymous else "",
        is_confidential=confidential,
        created_at=asked_at,
        response_warn_at=warn_at,
        response_due_at=due_at,
        # The asker has seen everything there is when they ask.
        asker_seen_at=asked_at,
        submission_key=submission_key,
    )
    try:
        with transaction.atomic():
            question.save()
            if upload is not None:
                attachment_store(question=question, upload=upload)
            _route(question=question, asker=asker)
            # Nothing about the asker or the text leaves the portal: the category and a link
            # to HR's queue, where signing in is needed.
            webhooks.publish(
                "helpdesk.question_asked",
                {"category": category.name, "url": settings.SITE_URL + "/helpdesk/"},
            )
    except IntegrityError:
        # The same form, submitted twice at the same moment: the other request won.
        existing = Question.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, None, False
    return question, token, True


def _route(*, question: Question, asker) -> None:
    """Assign when the category has no team, and tell the right HR people.

    A named question goes round-robin, past its asker and the asker's managers. An anonymous
    one is routed without looking at the asker at all: it goes to a random HR colleague and
    leaves the turn alone (a skipped turn, or a team that shrank by one, would point at the
    asker); only if that colleague turns out to be the asker does someone else get it.
    """
    category = Category.objects.select_for_update().get(pk=question.category_id)
    leave_out = notices.not_for(question, asker)
    has_team = category.team.filter(is_active=True).exclude(pk__in=leave_out).exists()
    if not has_team:
        if question.is_anonymous:
            person = notices.anyone_but_the_asker(question=question, confidential=False)
        else:
            person = notices.next_in_turn(category=category, exclude=leave_out)
        if person is not None:
            question.assignee = person
            question.status = Status.OPEN
            question.save(update_fields=["assignee", "status"])
            if not question.is_anonymous:
                category.last_routed_to = person
                category.save(update_fields=["last_routed_to"])
    recipients = notices.new_question_recipients(question=question, category=category, asker=asker)
    notices.tell_hr_about_new_question(question=question, recipients=recipients)


def question_follow_up(
    *, question: Question, author, body: str, upload=None, submission_key=None
) -> Message:
    """The asker writes again (more detail, an answer to HR's question). Re-opens the
    question for HR; a closed question takes no more messages."""
    body = check_text(body, field_label=_("Your message"))
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if submission_key and (
            done := Message.objects.filter(submission_key=submission_key).first()
        ):
            return done
        if question.is_closed:
            raise ValidationError(
                _("This question is closed, so it takes no more messages. Ask a new question.")
            )
        now = timezone.now()
        message = Message.objects.create(
            question=question,
            kind=Message.Kind.ASKER,
            author=None if question.is_anonymous else author,
            body=body,
            created_at=now,
            submission_key=submission_key,
        )
        if upload is not None:
            attachment_store(question=question, upload=upload, message=message)
        if question.status != Status.NEW:
            question.status = Status.OPEN
        Question.objects.filter(pk=question.pk).update(
            status=question.status,
            waiting_since=None,
            waiting_reminded_at=None,
            asker_seen_at=_asker_moment(question, now),
            updated_at=_asker_moment(question, now, changed=True),
        )
        notices.tell_handlers_about_follow_up(question=question)
    return message


def question_close_by_asker(*, question: Question) -> None:
    """The asker has what they needed."""
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.is_closed:
            return
        now = timezone.now()
        moment = _asker_moment(question, now, changed=True)
        Question.objects.filter(pk=question.pk).update(
            status=Status.CLOSED, closed_at=moment, waiting_since=None, updated_at=moment
        )
        counts_changed()


def _asker_moment(question: Question, now, *, changed=False):
    """The time stored for something the asker did. For an anonymous question not the
    moment itself, which would line up with what the same person did with their name: "seen"
    is the reply they saw, "changed" no later than the start of the day part, and never
    earlier than HR's own last change (the question does not jump up the queue)."""
    if not question.is_anonymous:
        return now
    if changed:
        return max(question.updated_at or question.created_at, anonymity.day_part_start(now))
    return max(question.last_reply_at or question.created_at, question.created_at)


def question_mark_seen(*, question: Question) -> None:
    """The asker opened the question: its replies are read."""
    if question.has_unread_reply or question.asker_seen_at is None:
        seen = _asker_moment(question, timezone.now())
        Question.objects.filter(pk=question.pk).update(asker_seen_at=seen)
        question.asker_seen_at = seen


def rating_give(*, question: Question, score, comment: str = "") -> Rating:
    """Rate the answer, once."""
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise ValidationError(_("Choose a rating from 1 to 5."))
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise ValidationError(_("The comment can be at most 2,000 characters."))
    if not question.can_be_rated:
        raise ValidationError(_("You can rate the answer once HR has answered."))
    try:
        with transaction.atomic():
            rating = Rating.objects.create(question=question, score=score, comment=comment)
            notices.tell_rating(question=question, score=score)
    except IntegrityError:
        raise ValidationError(_("You already rated this answer. Thank you!")) from None
    return rating


def draft_prefill(*, draft: str, network: str) -> dict:
    """What the ask form starts with when someone asks about a draft post: a subject
    suggestion and the draft quoted in the question."""
    draft = (draft or "").strip()
    if not draft:
        raise ValidationError(_("There is no draft to ask about."))
    if len(draft) > MAX_DRAFT_LENGTH:
        raise ValidationError(
            _("A draft can be at most 5,000 characters; shorten it and try again.")
        )
    network = " ".join((network or "").split())[:50]
    network = NETWORK_NAMES.get(network.lower(), network)
    if network:
        subject = _("May I post this on %(network)s?") % {"network": network}
    else:
        subject = _("May I post this?")
    quoted = "\n".join("> " + line if line.strip() else ">" for line in draft.splitlines())
    body = _("I would like to post this:") + "\n\n" + quoted + "\n\n"
    return {"subject": subject, "body": body, "network": network}
