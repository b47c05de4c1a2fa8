"""Open vacancies in the API (/api/recruitment/): what the public vacancy pages show, and for an
employee's token the internal vacancies too (Vacancy.objects.visible_to, the pages' rule).
Applications and candidates are never in the API."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from recruitment.models import Vacancy

router = Router()


class VacancyOut(Schema):
    id: int
    title: str
    department: str
    location: str
    hours_per_week: int
    employment_type: str
    salary_min: Decimal | None
    salary_max: Decimal | None
    opens_on: datetime.date
    closes_on: datetime.date | None
    visibility: str
    url: str

    @staticmethod
    def resolve_department(vacancy) -> str:
        return vacancy.department.name

    @staticmethod
    def resolve_url(vacancy) -> str:
        return settings.SITE_URL + vacancy.get_absolute_url()


def _vacancies(request):
    return Vacancy.objects.open().visible_to(request.user).select_related("department")


@router.get("/vacancies/", response=list[VacancyOut], url_name="recruitment-vacancies-list")
@paginate
def vacancies_list(request):
    return _vacancies(request).order_by("-opens_on", "title")


@router.get("/vacancies/{int:pk}/", response=VacancyOut, url_name="recruitment-vacancies-detail")
def vacancies_detail(request, pk: int):
    return get_object_or_404(_vacancies(request), pk=pk)
