"""Who sees insights, in one place.

HR reads the dashboard, the monthly report and the exports, and records initiatives. HR shares
a read-only dashboard with managers or the works council by a link (`Share`): any employee
signed in with a valid link sees the same suppressed figures, nothing of initiatives or
exports. Nobody else sees anything; the fetch helpers raise 404, so nobody probes links.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from insights.models import Initiative, Share
from people.permissions import is_hr

can_read = is_hr
can_manage = is_hr


def can_open_share(user) -> bool:
    return user.is_authenticated and user.is_employee


def get_share_for_user(request, token: str) -> Share:
    if not can_open_share(request.user) or len(token) > 64:
        raise Http404
    return get_object_or_404(Share.objects.valid(), token=token)


def get_initiative_for_user(request, pk: int) -> Initiative:
    if not can_manage(request.user):
        raise Http404
    return get_object_or_404(
        Initiative.objects.select_related("owner").prefetch_related("pilot_departments"), pk=pk
    )
