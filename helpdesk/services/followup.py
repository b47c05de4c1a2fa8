"""The periodic work (see helpdesk.apps): response targets, anonymous askers' news,
questions waiting for their asker."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.anonymity import MAX_WINDOWS, window
from helpdesk.models import HeldNotice, Message, Question
from helpdesk.models.questions import Status
from helpdesk.queue import counts_changed
from helpdesk.services import notices
from hrsocial.formatting import event
from notifications.services import notify
from people.models import User


def response_targets_check(*, now=None) -> dict:
    """Warn the assignee before a first-response target passes, and the HR leads once it has.
    Each question is warned once and reported once."""
    now = now or timezone.now()
    warned = reported = 0
    due_soon = (
        Question.objects.unanswered()
        .filter(response_warn_at__lte=now, response_due_at__gt=now, sla_warned_at__isnull=True)
        .select_related("assignee", "category")
    )
    for question in due_soon:
        with transaction.atomic():
            if not Question.objects.filter(pk=question.pk, sla_warned_at__isnull=True).update(
                sla_warned_at=now
            ):
                continue  # another run got there first
            recipients = (
                [question.assignee] if question.assignee else notices.team_or_leads(question)
            )
            subject, due = question.subject, question.response_due_at
            notify(
                recipients,
                "helpdesk.response_target",
                lambda subject=subject: _("Answer soon: “%(subject)s”") % {"subject": subject},
                lambda due=due: (
                    _("The first-response target passes on %(due)s.") % {"due": event(due)}
                ),
                url=question.get_manage_url(),
            )
            warned += 1
    overdue = (
        Question.objects.unanswered()
        .filter(response_due_at__lte=now, sla_breach_reported_at__isnull=True)
        .select_related("assignee", "category")
    )
    for question in overdue:
        with transaction.atomic():
            if not Question.objects.filter(
                pk=question.pk, sla_breach_reported_at__isnull=True
            ).update(sla_breach_reported_at=now):
                continue
            subject = question.subject
            assignee = question.assignee
            notify(
                notices.hr_leads_and(None),
                "helpdesk.response_target",
                lambda subject=subject: (
                    _("Response target missed: “%(subject)s”") % {"subject": subject}
                ),
                lambda assignee=assignee: (
                    _("Assigned to %(name)s.") % {"name": assignee.full_name}
                    if assignee
                    else _("Nobody is assigned yet.")
                ),
                url=question.get_manage_url(),
            )
            reported += 1
    return {"warned": warned, "reported": reported}


def anonymous_askers_notify() -> int:
    """Tell every anonymous asker with news, in one batch (see `helpdesk.anonymity`).

    The first slots' mailboxes of every active employee are computed (keyed hashes, about a
    second for ten thousand people) and matched with the questions that have news; further
    slots only while some news has not found its asker.
    """
    with transaction.atomic():
        pending = list(
            Question.objects.select_for_update(skip_locked=True)
            .filter(anonymous_news_pending=True)
            .values_list("pk", "asker_mailbox")
        )
        if not pending:
            return 0
        wanted = {mailbox for _pk, mailbox in pending}
        askers = {}
        people = list(User.objects.employees().only("pk", "preferred_language", "email"))
        for number in range(MAX_WINDOWS):
            before = len(askers)
            for person in people:
                for mailbox in window(person, number):
                    if mailbox in wanted:
                        askers[mailbox] = person
            # Done when all news found its asker, or a window found nobody (the asker left).
            if not wanted - askers.keys() or len(askers) == before:
                break
        recipients = {askers[m].pk: askers[m] for _pk, m in pending if m in askers}
        notify(
            recipients.values(),
            "helpdesk.anonymous",
            lambda: _("There is news in the helpdesk for you"),
            lambda: _("Read it under “My questions”."),
            url=reverse("helpdesk:index"),
        )
        Question.objects.filter(pk__in=[pk for pk, _m in pending]).update(
            anonymous_news_pending=False
        )
    return len(recipients)


def held_notices_send(*, now=None) -> int:
    """Send HR's held notices about anonymous askers' actions whose quarter hour has come,
    all at once (see `helpdesk.models.HeldNotice`)."""
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        due = list(
            HeldNotice.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(deliver_after__lte=now)
            .select_related("question__category", "question__assignee")
            .order_by("question_id", "pk")
        )
        for held in due:
            question = held.question
            if held.event == HeldNotice.Event.NEW_QUESTION:
                recipients = notices.new_question_recipients(
                    question=question, category=question.category, asker=None
                )
                notices.tell_hr_about_new_question(
                    question=question, recipients=recipients, held=True
                )
            elif held.event == HeldNotice.Event.FOLLOW_UP:
                notices.tell_handlers_about_follow_up(question=question, held=True)
            else:
                notices.tell_rating(question=question, score=held.score, held=True)
            sent += 1
        HeldNotice.objects.filter(pk__in=[held.pk for held in due]).delete()
    return sent


def waiting_questions_follow_up(*, now=None) -> dict:
    """A question waiting for its asker: remind them after HELPDESK_WAITING_REMINDER_DAYS,
    close it after HELPDESK_WAITING_CLOSE_DAYS (the asker can always ask again)."""
    now = now or timezone.now()
    remind_before = now - datetime.timedelta(days=settings.HELPDESK_WAITING_REMINDER_DAYS)
    close_before = now - datetime.timedelta(days=settings.HELPDESK_WAITING_CLOSE_DAYS)
    waiting = Question.objects.filter(status=Status.WAITING).select_related("asker")
    closed = reminded = 0
    for question in waiting.filter(waiting_since__lte=close_before):
        with transaction.atomic():
            if not Question.objects.filter(pk=question.pk, status=Status.WAITING).update(
                status=Status.CLOSED, closed_at=now, waiting_since=None, updated_at=now
            ):
                continue
            counts_changed()
            Message.objects.create(
                question=question,
                kind=Message.Kind.NOTE,
                body=_("Closed automatically: the asker did not react for %(days)s days.")
                % {"days": settings.HELPDESK_WAITING_CLOSE_DAYS},
            )
            subject = question.subject
            notices.tell_asker(
                question=question,
                title=lambda subject=subject: (
                    _("Your question “%(subject)s” was closed") % {"subject": subject}
                ),
                body=lambda: _("HR did not hear from you. You can always ask a new question."),
            )
            closed += 1
    to_remind = waiting.filter(
        waiting_since__lte=remind_before,
        waiting_since__gt=close_before,
        waiting_reminded_at__isnull=True,
    )
    for question in to_remind:
        with transaction.atomic():
            if not Question.objects.filter(pk=question.pk, waiting_reminded_at__isnull=True).update(
                waiting_reminded_at=now
            ):
                continue
            subject = question.subject
            notices.tell_asker(
                question=question,
                title=lambda subject=subject: (
                    _("HR is waiting for your reaction to “%(subject)s”") % {"subject": subject}
                ),
            )
            reminded += 1
    return {"reminded": reminded, "closed": closed}
