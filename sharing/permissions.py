"""Who may do what in sharing: the one place that decides.

* HR and the members of the group "Communicatie" (created by a migration) curate kits and see
  the figures: the same rights on this app (`can_manage_sharing`).
* Everyone in a kit's audience shares it; each person sees their own links and clicks only.
* Per-person figures are the person's own: HR sees them only for people on the opt-in
  leaderboard, or for everyone when the works council consented (SHARING_WORKS_COUNCIL_CONSENT,
  art. 27 WOR).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from people.permissions import role_required
from sharing.models import Share, ShareKit


def can_manage_sharing(user) -> bool:
    return user.is_authenticated and (user.is_hr or user.is_communications)


def can_share(user) -> bool:
    return user.is_authenticated and (user.is_employee or user.is_alumnus or user.is_freelancer)


manager_required = role_required(can_manage_sharing)
sharer_required = role_required(can_share)


def get_kit_for_manager(request, pk) -> ShareKit:
    return get_object_or_404(ShareKit.objects.select_related("campaign"), pk=pk)


def get_kit_for_sharer(request, pk) -> ShareKit:
    """A kit the user may share now; 404 otherwise (also for drafts and ended kits)."""
    kit = ShareKit.objects.shareable_by(request.user).filter(pk=pk).first()
    if kit is None:
        raise Http404
    return kit


def get_own_share(request, code) -> Share:
    if not isinstance(code, str) or len(code) > 16:
        raise Http404
    return get_object_or_404(
        Share.objects.select_related("kit", "variant"), code=code, sharer=request.user
    )
