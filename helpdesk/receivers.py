"""Signals from the shared ground that the helpdesk listens to; connected by the app's
`receivers` declaration (apps.py)."""

from helpdesk.models import Question
from helpdesk.services import question_assign, question_close_by_asker


def handle_questions_of_leaver(sender, *, person, ended_by=None, **kwargs):
    """people.signals.employment_ended: the leaver's own named questions that are still open
    are closed (they can no longer read the answer), and questions assigned to a leaving HR
    colleague go back to the queue. Anonymous questions are left alone on purpose: closing
    them on the day someone leaves would tell HR who asked; they close as any unanswered
    question does."""
    for question in Question.objects.filter(asker=person).open():
        question_close_by_asker(question=question)
    for question in Question.objects.filter(assignee=person).open():
        question_assign(question=question, assignee=None, assigned_by=ended_by)
