"""Candidate questions ("beantwoord je vragen van kandidaten")."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from notifications.services import notify
from people.models import User
from recruitment.models import CandidateQuestion, Vacancy
from recruitment.services.mail import message_queue


def question_ask(
    *, vacancy: Vacancy, question: str, name: str = "", email: str = "", language: str = "nl"
) -> CandidateQuestion:
    if not vacancy.is_open() or not vacancy.is_public:
        raise ValidationError(_("Questions can only be asked about open vacancies."))
    with transaction.atomic():
        asked = CandidateQuestion.objects.create(
            vacancy=vacancy, question=question, name=name, email=email, language=language
        )
        notify(
            User.objects.hr_staff(), "recruitment.hr",
            title=gettext_lazy("A candidate asked a question about a vacancy"),
            url=f"/recruitment/hr/questions/{asked.pk}/",
        )  # fmt: skip
    return asked


def question_answer(
    *, question: CandidateQuestion, by: User, question_text: str, answer: str,
    is_general: bool, publish: bool,
) -> CandidateQuestion:  # fmt: skip
    """HR answers (and may edit the question); the asker gets the answer once by e-mail."""
    if not answer.strip() or not question_text.strip():
        raise ValidationError(_("Write both the question and the answer."))
    with transaction.atomic():
        question = CandidateQuestion.objects.select_for_update().get(pk=question.pk)
        question.question = question_text
        question.answer = answer
        question.is_general = is_general
        question.is_published = publish
        question.answered_by = by
        question.answered_at = question.answered_at or timezone.now()
        question.save()
        message_queue(
            key=f"question:{question.pk}:answer",
            template="emails/recruitment_answer",
            recipient=question,
            context={"question": question, "vacancy": question.vacancy},
        )
    return question
