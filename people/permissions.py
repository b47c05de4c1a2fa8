"""Who may do what with people's records, in one place.

Role checks for views (`employee_required`, `hr_required`, ...) and object-level rules for
profiles. Views call these; they never decide access themselves.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from people.models import User


def role_required(predicate):
    """Decorator for function views: 403 unless predicate(user) holds.

    Signed-out visitors never get here: LoginRequiredMiddleware sends them to the login page.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def is_employee(user) -> bool:
    return user.is_authenticated and user.is_employee


def is_hr(user) -> bool:
    return user.is_authenticated and user.is_hr


def is_manager(user) -> bool:
    return user.is_authenticated and user.is_manager


employee_required = role_required(is_employee)
hr_required = role_required(is_hr)
manager_required = role_required(is_manager)


class RoleRequiredMixin:
    """For class-based views: set `role = staticmethod(is_hr)` (or another predicate)."""

    role = staticmethod(is_employee)

    def dispatch(self, request, *args, **kwargs):
        if not self.role(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def can_view_profile(viewer, person) -> bool:
    """Colleagues see each other's profile card; alumni and freelancers only their own."""
    if viewer.pk == person.pk:
        return True
    return viewer.is_employee and person.is_active and person.kind == User.Kind.EMPLOYEE


def get_person_for_user(request, pk) -> User:
    """The profile at `pk` if the signed-in user may see it; 404 otherwise, so nobody can
    probe which accounts exist."""
    person = get_object_or_404(
        User.objects.select_related("department", "job_role", "manager"), pk=pk
    )
    if not can_view_profile(request.user, person):
        raise Http404
    return person


def can_import_people(user) -> bool:
    """HR staff who may add and change people (the HR group may) import from the HRIS."""
    return is_hr(user) and user.has_perms(["people.add_user", "people.change_user"])


import_required = role_required(can_import_people)


def get_import_for_user(request, reference):
    """An HRIS import of the signed-in HR user: the file is theirs alone (404 for others)."""
    from people.models import ImportBatch

    return get_object_or_404(ImportBatch, reference=reference, uploaded_by=request.user)
