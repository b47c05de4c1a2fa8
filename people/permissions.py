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


# --- Two-factor sign-in ------------------------------------------------------------------------
# The one rule: HR staff, HR leads and everyone with admin access need a second factor before
# they reach any page but their account's (people.middleware.SecondFactorMiddleware applies it
# to every request, so the HR pages' decorators and the admin are covered alike).

# Set in the session when single sign-on came from an identity provider whose MFA counts
# (people.adapters.SocialAccountAdapter.pre_social_login).
SSO_MFA_SESSION_KEY = "people_sso_mfa"


def must_have_second_factor(user) -> bool:
    """Who is required to sign in with two factors (MFA_REQUIRED_FOR_HR)."""
    from django.conf import settings

    if not settings.MFA_REQUIRED_FOR_HR or not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.is_hr or user.is_hr_lead


def needs_second_factor(request) -> bool:
    """True while the signed-in user must set up a second factor first: required, none set up,
    and not signed in through an identity provider whose own MFA counts."""
    user = request.user
    if not must_have_second_factor(user) or user.has_second_factor:
        return False
    return not request.session.get(SSO_MFA_SESSION_KEY, False)


def sso_counts_as_second_factor(*, provider: str, claims: dict) -> bool:
    """An identity provider's sign-in counts as two factors when the provider is trusted
    (MFA_TRUSTED_SSO_PROVIDERS) or its ID token's `amr` claim names "mfa" (RFC 8176)."""
    from django.conf import settings

    if provider in settings.MFA_TRUSTED_SSO_PROVIDERS:
        return True
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    return "mfa" in amr


def can_reset_second_factor(user, person=None) -> bool:
    """HR leads reset a colleague's second factor when a device is lost (never their own:
    another lead does that, so nobody removes their own protection unseen)."""
    if not (user.is_authenticated and user.is_hr_lead):
        return False
    return person is None or person.pk != user.pk


second_factor_reset_required = role_required(can_reset_second_factor)


def get_person_for_second_factor_reset(request, pk) -> User:
    """The person whose second factor the signed-in HR lead may reset; 404 otherwise."""
    person = get_object_or_404(User, pk=pk, is_active=True)
    if not can_reset_second_factor(request.user, person):
        raise Http404
    return person
