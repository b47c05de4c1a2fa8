"""Who hears about what, through the notification outbox.

HR's notices about what an anonymous asker does (a new question, a follow-up, a rating) are
held until the next quarter hour and sent in one batch (`HeldNotice`).

New questions go to the category's HR team, or (without a team) to the HR colleague whose turn
it is. Confidential questions only ever to the HR leads and their assignee. The asker hears
about replies and status changes; an anonymous asker through the batched, anonymous route of
`helpdesk.anonymity` instead.
"""

import datetime
import secrets

from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.anonymity import mailboxes_of
from helpdesk.models import Category, HeldNotice, Question
from notifications.services import notify
from people.models import User


def managers_of(person) -> list[int]:
    """The ids of `person`'s manager, their manager and so on up (a cycle cannot exist)."""
    found, current = [], person
    while current is not None and current.manager_id and current.manager_id not in found:
        found.append(current.manager_id)
        current = current.manager
    return found


def not_for(question: Question, asker=None) -> list[int]:
    """Who may not handle a named question: its asker and everyone they report to, directly
    or not (nobody's manager reads their report's question to HR). For an anonymous question
    nobody is known, so nobody is left out here (see `reroute_from_asker`)."""
    asker = asker if asker is not None else question.asker
    if question.is_anonymous or asker is None:
        return []
    return [asker.pk, *managers_of(asker)]


def hr_staff_for_routing(*, exclude=()):
    """Active HR staff in a fixed order (round-robin walks it); without `exclude` (ids)."""
    staff = User.objects.hr_staff().order_by("pk")
    if exclude:
        staff = staff.exclude(pk__in=exclude)
    return staff


def next_in_turn(*, category: Category, exclude=()):
    """The HR colleague after the one who got the previous question of this category (the
    category row is locked by the caller, so two new questions never pick the same turn)."""
    staff = hr_staff_for_routing(exclude=exclude)
    after = staff.filter(pk__gt=category.last_routed_to_id or 0).first()
    return after or staff.first()


def anyone_but_the_asker(*, question: Question, confidential: bool, leave_out=()):
    """A random HR colleague (an HR lead for a confidential question) who did not ask this
    anonymous question. Random rather than in turn: a skipped turn would point at the asker."""
    people = list(User.objects.hr_leads() if confidential else User.objects.hr_staff())
    people = [p for p in people if p.pk not in leave_out]
    secrets.SystemRandom().shuffle(people)
    for person in people:
        if question.asker_mailbox not in mailboxes_of(person):
            return person
    return None


def reroute_from_asker(*, question: Question, assignee):
    """`assignee`, unless they asked this anonymous question themselves: then silently someone
    else (nobody is told why, and the asker is never told "assigned to you")."""
    if assignee is None or not question.is_anonymous:
        return assignee
    if question.asker_mailbox not in mailboxes_of(assignee):
        return assignee
    return anyone_but_the_asker(
        question=question, confidential=question.is_confidential, leave_out=[assignee.pk]
    )


def new_question_recipients(*, question: Question, category: Category, asker) -> list:
    """Who is told about a new question: not an HR colleague who asked it with their name, nor
    their managers.

    When HR staff ask anonymously they are told like everyone else on the team: leaving them
    out would show, in the outbox, who asked. (They cannot open it: nobody handles their own.)
    """
    leave_out = not_for(question, asker)
    if question.is_confidential:
        people = list(User.objects.hr_leads().exclude(pk__in=leave_out))
        if question.assignee and question.assignee not in people:
            people.append(question.assignee)
        return people
    if question.assignee:
        return [question.assignee]
    return list(category.team.filter(is_active=True).exclude(pk__in=leave_out))


BATCH_MINUTES = 15


def next_batch(now=None):
    """The next quarter hour: when HR hears about what an anonymous asker does now."""
    now = timezone.localtime(now or timezone.now())
    start = now.replace(minute=now.minute - now.minute % BATCH_MINUTES, second=0, microsecond=0)
    return start + datetime.timedelta(minutes=BATCH_MINUTES)


def hold(*, question: Question, event: str, score=None) -> None:
    """Keep HR's notice about an anonymous asker's action for the next batch."""
    HeldNotice.objects.create(
        question=question, event=event, score=score, deliver_after=next_batch()
    )


def tell_hr_about_new_question(*, question: Question, recipients, held=False) -> None:
    if question.is_anonymous and not held:
        hold(question=question, event=HeldNotice.Event.NEW_QUESTION)
        return
    subject = question.subject
    notify(
        recipients,
        "helpdesk.new_question",
        lambda: _("New question to HR: “%(subject)s”") % {"subject": subject},
        lambda: (
            _("Category: %(category)s.") % {"category": question.category}
            + (" " + _("Asked anonymously.") if question.is_anonymous else "")
        ),
        url=question.get_manage_url(),
    )


def tell_assignee(*, question: Question, assigned_by) -> None:
    if question.assignee is None or question.assignee == assigned_by:
        return
    subject = question.subject
    notify(
        [question.assignee],
        "helpdesk.assigned",
        lambda: _("Question assigned to you: “%(subject)s”") % {"subject": subject},
        url=question.get_manage_url(),
    )


def tell_handlers_about_follow_up(*, question: Question, held=False) -> None:
    """The asker wrote again: the assignee hears it, or the HR leads when nobody has it."""
    if question.is_anonymous and not held:
        hold(question=question, event=HeldNotice.Event.FOLLOW_UP)
        return
    recipients = [question.assignee] if question.assignee else list(User.objects.hr_leads())
    subject = question.subject
    notify(
        recipients,
        "helpdesk.follow_up",
        lambda: _("The asker replied to “%(subject)s”") % {"subject": subject},
        url=question.get_manage_url(),
    )


def tell_asker(*, question: Question, title, body="") -> None:
    """Tell the asker about news on their question. A named asker hears it now; for an
    anonymous one the question is only marked, and the next batch tells them (see
    `helpdesk.anonymity` for why)."""
    if question.is_anonymous:
        Question.objects.filter(pk=question.pk).update(anonymous_news_pending=True)
        question.anonymous_news_pending = True
        return
    if question.asker is None or not question.asker.is_active:
        return
    notify([question.asker], "helpdesk.answer", title, body, url=question.get_absolute_url())


def tell_rating(*, question: Question, score: int, held=False) -> None:
    if question.assignee is None:
        return
    if question.is_anonymous and not held:
        hold(question=question, event=HeldNotice.Event.RATING, score=score)
        return
    subject = question.subject
    notify(
        [question.assignee],
        "helpdesk.rating",
        lambda: (
            _("Your answer to “%(subject)s” was rated %(score)s out of 5")
            % {"subject": subject, "score": score}
        ),
        url=question.get_manage_url(),
    )


def hr_leads_and(person) -> list:
    leads = list(User.objects.hr_leads())
    if person is not None and person not in leads:
        leads.append(person)
    return leads


def team_or_leads(question: Question) -> list:
    """Who watches an unassigned question: its category team (not for confidential ones), or
    else the HR leads."""
    if not question.is_confidential:
        team = list(question.category.team.filter(is_active=True))
        if team:
            return team
    return list(User.objects.hr_leads())
