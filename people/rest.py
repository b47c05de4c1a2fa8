"""The people directory in the API (/api/people/): what the directory card shows, no more."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from people.models import User
from people.permissions import can_view_profile

router = Router()


class PersonOut(Schema):
    id: int
    full_name: str
    job_role: str
    department: str

    @staticmethod
    def resolve_job_role(person) -> str:
        return person.job_role.name if person.job_role else ""

    @staticmethod
    def resolve_department(person) -> str:
        return person.department.name if person.department else ""


@router.get("/", response=list[PersonOut], url_name="people-list")
@paginate
def people_list(request, department: int | None = None):
    """Active colleagues, in name order, as in the directory (employees only)."""
    if not request.user.is_employee:
        return User.objects.none()
    people = User.objects.directory()
    return people.filter(department_id=department) if department else people


@router.get("/{int:pk}/", response=PersonOut, url_name="people-detail")
def people_detail(request, pk: int):
    person = get_object_or_404(User.objects.select_related("department", "job_role"), pk=pk)
    if not request.user.is_employee or not can_view_profile(request.user, person):
        return get_object_or_404(User.objects.none())
    return person
