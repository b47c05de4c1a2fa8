"""Who may see and do what in recruitment, in one place.

Visitors see public open vacancies (and a closed one's "closed" page); employees see internal
ones too and their own referrals in coarse terms only; HR runs the pipeline. A candidate's
status page is opened by its private link alone."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from people.permissions import is_employee, is_hr
from recruitment.models import Application, CandidateQuestion, Vacancy


def can_manage_recruitment(user) -> bool:
    return is_hr(user)


def can_refer(user) -> bool:
    return is_employee(user)


def get_vacancy_for_user(request, pk) -> Vacancy:
    vacancy = get_object_or_404(
        Vacancy.objects.visible_to(request.user).select_related("department", "job_role"), pk=pk
    )
    if vacancy.status == Vacancy.Status.DRAFT and not is_hr(request.user):
        raise Http404
    return vacancy


def get_application_for_hr(request, pk) -> Application:
    if not is_hr(request.user):
        raise Http404
    return get_object_or_404(
        Application.objects.select_related("vacancy__department", "referrer", "applicant"), pk=pk
    )


def get_application_by_token(token: str) -> Application:
    if not token or len(token) > 64:
        raise Http404
    return get_object_or_404(Application.objects.select_related("vacancy"), token=token)


def get_question_for_hr(request, pk) -> CandidateQuestion:
    if not is_hr(request.user):
        raise Http404
    return get_object_or_404(CandidateQuestion.objects.select_related("vacancy"), pk=pk)
