"""Who may do what in the alumni network, in one place.

A member is an alumnus or freelancer whose membership is verified (or whom HR created, so
has no membership row). Until then the person sees only the waiting page
(alumni.middleware.VerificationMiddleware asks `is_waiting`).
"""

from django.shortcuts import get_object_or_404

from alumni.models import Membership
from hrsocial.caching import CachedValue
from people.permissions import role_required


def _load_status(user_id) -> str:
    status = Membership.objects.filter(user_id=user_id).values_list("status", flat=True).first()
    return status or ""  # "": no sign-up (HR vouched); the cache keeps no None


# Every page an alumnus or freelancer opens asks for it (alumni.middleware): a query and a
# half millisecond each time. Forgotten whenever the person's membership is saved or deleted
# (alumni/apps.py); memberships change only through save() and delete().
MEMBERSHIP_STATUS = CachedValue(
    "alumni:membership-status", _load_status, instance_parts=lambda m: [m.user_id]
)


def _status(user):
    """The membership status, read once per request (None: no sign-up, HR vouched)."""
    if "_alumni_status" not in user.__dict__:
        user.__dict__["_alumni_status"] = MEMBERSHIP_STATUS.get(user.pk) or None
    return user.__dict__["_alumni_status"]


def is_waiting(user) -> bool:
    """An alumnus or freelancer who signed up and is not (or no longer) verified."""
    if not (user.is_authenticated and (user.is_alumnus or user.is_freelancer)):
        return False
    return _status(user) in (Membership.Status.PENDING, Membership.Status.REJECTED)


def is_member(user) -> bool:
    return (
        user.is_authenticated and (user.is_alumnus or user.is_freelancer) and not is_waiting(user)
    )


def can_see_network(user) -> bool:
    """The alumni page: members, and HR who run the network."""
    return is_member(user) or (user.is_authenticated and user.is_hr)


def can_verify_members(user) -> bool:
    return user.is_authenticated and user.is_hr


network_required = role_required(can_see_network)
verifier_required = role_required(can_verify_members)


def get_pending_membership_for_user(request, pk) -> Membership:
    """A membership in the verification queue, for HR; 404 for anything else."""
    if not can_verify_members(request.user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return get_object_or_404(Membership.objects.pending().select_related("user"), pk=pk)


member_required = role_required(is_member)


def get_profile_for_user(request, pk):
    """A member's profile: for HR any member's (the read is audited by the view), for other
    members only those who opted in to the directory; 404 otherwise."""
    from django.http import Http404

    from alumni.models import Profile

    user = request.user
    if not can_see_network(user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    rows = Profile.objects.select_related("user").prefetch_related("skills")
    if not user.is_hr:
        rows = rows.directory()
    profile = get_object_or_404(rows, pk=pk)
    if not (profile.user.is_alumnus or profile.user.is_freelancer):
        raise Http404
    return profile


def can_edit_profile(user) -> bool:
    return is_member(user)


def can_manage_gigs(user) -> bool:
    return user.is_authenticated and user.is_hr


def can_show_interest(user) -> bool:
    return is_member(user)


def get_gig_for_user(request, pk):
    """A listed gig for members and HR (drafts for HR only); 404 otherwise."""
    from alumni.models import Gig

    if not can_see_network(request.user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    rows = Gig.objects.all() if can_manage_gigs(request.user) else Gig.objects.listed()
    return get_object_or_404(rows.prefetch_related("skills"), pk=pk)


# Events (alumni.events): HR runs them, members sign up, everyone in the network sees them.


def can_manage_events(user) -> bool:
    return user.is_authenticated and user.is_hr


def can_sign_up_for_events(user) -> bool:
    return is_member(user)


def get_event_for_user(request, pk):
    """An event for members and HR; 403 for anyone else, 404 for an unknown one."""
    from alumni.models import Event

    if not can_see_network(request.user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return get_object_or_404(Event.objects.all(), pk=pk)


def can_invite_freelancers(user) -> bool:
    return user.is_authenticated and user.is_hr


def can_see_rates(user, profile) -> bool:
    """A freelancer's KvK number and hourly rates: HR and the freelancer only."""
    return user.is_authenticated and (user.is_hr or user.pk == profile.user_id)
