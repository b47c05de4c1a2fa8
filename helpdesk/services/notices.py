"""Who hears about what, through the notification outbox.

New questions go to the category's HR team, or (without a team) to the HR colleague whose turn
it is. Confidential questions only ever to the HR leads and their assignee. The asker hears
about replies and status changes; an anonymous asker through the batched, anonymous route of
`helpdesk.anonymity` instead.
"""

from django.utils.translation import gettext as _

from helpdesk.models import Category, Question
from notifications.services import notify
from people.models import User


def hr_staff_for_routing(*, exclude=None):
    """Active HR staff in a fixed order (round-robin walks it); without `exclude`."""
    staff = User.objects.hr_staff().order_by("pk")
    if exclude is not None:
        staff = staff.exclude(pk=exclude.pk)
    return staff


def next_in_turn(*, category: Category, exclude=None):
    """The HR colleague after the one who got the previous question of this category (the
    category row is locked by the caller, so two new questions never pick the same turn)."""
    staff = hr_staff_for_routing(exclude=exclude)
    after = staff.filter(pk__gt=category.last_routed_to_id or 0).first()
    return after or staff.first()


def new_question_recipients(*, question: Question, category: Category, asker) -> list:
    """Who is told about a new question: not an HR colleague who asked it with their name.

    When HR staff ask anonymously they are told like everyone else on the team: leaving them
    out would show, in the outbox, who asked. (They cannot open it: nobody handles their own.)
    """
    leave_out = [] if question.is_anonymous else [asker.pk]
    if question.is_confidential:
        people = list(User.objects.hr_leads().exclude(pk__in=leave_out))
        if question.assignee and question.assignee not in people:
            people.append(question.assignee)
        return people
    if question.assignee:
        return [question.assignee]
    return list(category.team.filter(is_active=True).exclude(pk__in=leave_out))


def tell_hr_about_new_question(*, question: Question, recipients) -> None:
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


def tell_handlers_about_follow_up(*, question: Question) -> None:
    """The asker wrote again: the assignee hears it, or the HR leads when nobody has it."""
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


def tell_rating(*, question: Question, score: int) -> None:
    if question.assignee is None:
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
