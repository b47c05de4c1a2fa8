"""Who sees and does what with competency profiles and reviews, in one place.

* An employee sees their own profile and reviews.
* A manager sees the profiles of their direct reports, and, when
  COMPETENCIES_MANAGER_SEES_WHOLE_LINE is on, of everyone in the line below them.
* HR sees everyone's; every time HR opens someone else's profile or review, the audit log
  says so.
* Nobody else: the fetch helpers answer 404, so nobody can probe whose records exist.

A review is reviewed by the employee's own manager; for someone without a manager, by HR.
The expert finder is open to every employee, but only shows people who opted in.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from competencies.models import Competency, Review
from hrsocial import audit
from people.models import User
from people.permissions import is_hr, is_manager, role_required

# HR runs the framework, role profiles, cycles and department overviews (views/hr.py); a
# manager sees their team (views/managers.py). Templates ask the same: `user|can:"…"`.
can_manage_competencies = is_hr
can_see_team = is_manager
manager_of_competencies_required = role_required(can_manage_competencies)
team_manager_required = role_required(can_see_team)

# A management line deeper than this is a data error, not an organisation.
MAX_LINE_DEPTH = 25


def sees_whole_line() -> bool:
    return settings.COMPETENCIES_MANAGER_SEES_WHOLE_LINE


def manages(manager, person) -> bool:
    """Whether `manager` is `person`'s manager (or above them in the line, when configured)."""
    if person.manager_id is None or manager.pk is None:
        return False
    if person.manager_id == manager.pk:
        return True
    if not sees_whole_line():
        return False
    seen = {person.pk}
    current = person.manager_id
    for _step in range(MAX_LINE_DEPTH):
        if current is None or current in seen:
            return False
        if current == manager.pk:
            return True
        seen.add(current)
        current = User.objects.filter(pk=current).values_list("manager_id", flat=True).first()
    return False


def can_view_profile(viewer, person) -> bool:
    if not (viewer.is_authenticated and viewer.is_employee):
        return False
    return viewer.pk == person.pk or viewer.is_hr or manages(viewer, person)


def can_review(reviewer, employee) -> bool:
    """The employee's own manager reviews; HR reviews people who have no manager."""
    if not (reviewer.is_authenticated and reviewer.is_employee) or reviewer.pk == employee.pk:
        return False
    if employee.manager_id is not None:
        return employee.manager_id == reviewer.pk
    return reviewer.is_hr


def competencies_visible_to(user):
    """The framework as this user reads it: the active competencies; HR also the retired."""
    competencies = Competency.objects.framework().ordered()
    return competencies if can_manage_competencies(user) else competencies.active()


def is_reviewee(user, review: Review) -> bool:
    """The review is of this user: they assess themselves in it and react to it."""
    return review.employee_id == user.pk


def can_propose_training(viewer, person) -> bool:
    """The trainings app lets only the direct manager propose; we only show the button then."""
    return viewer.is_employee and person.manager_id == viewer.pk


def team_of(manager):
    """The people whose profiles a manager sees: direct reports, or the whole line below."""
    people = User.objects.employees()
    if not sees_whole_line():
        return people.filter(manager=manager)
    ids, frontier = set(), {manager.pk}
    for _depth in range(MAX_LINE_DEPTH):
        below = (
            set(
                User.objects.filter(manager_id__in=frontier, is_active=True).values_list(
                    "pk", flat=True
                )
            )
            - ids
            - {manager.pk}
        )
        if not below:
            break
        ids |= below
        frontier = below
    return people.filter(pk__in=ids)


def _audit_hr_view(request, person, *, what: str, target=None) -> None:
    """HR reading someone else's competencies is written to the audit log."""
    viewer = request.user
    if viewer.is_hr and viewer.pk != person.pk:
        audit.record(actor=viewer, action="competencies.view", target=target or person, page=what)


def get_person_for_user(request, pk, *, what: str = "profile") -> User:
    """The person whose competencies are at `pk`, if the signed-in user may see them."""
    person = get_object_or_404(
        User.objects.select_related("department", "job_role", "manager"), pk=pk
    )
    if not can_view_profile(request.user, person):
        raise Http404
    _audit_hr_view(request, person, what=what)
    return person


def get_review_for_user(request, pk, *, what: str = "review") -> Review:
    """A review the signed-in user may read: their own, their report's, or any for HR."""
    review = get_object_or_404(
        Review.objects.select_related(
            "cycle", "employee__department", "employee__job_role", "employee__manager",
            "reviewed_by",
        ),
        pk=pk,
    )  # fmt: skip
    employee = review.employee
    if not (can_view_profile(request.user, employee) or can_review(request.user, employee)):
        raise Http404
    _audit_hr_view(request, employee, what=what, target=review)
    return review


def get_own_review(request, pk) -> Review:
    """A review for its employee to fill in or react to; others who may read it get 403."""
    review = get_review_for_user(request, pk, what="review")
    if review.employee_id != request.user.pk:
        raise PermissionDenied
    return review
