from django.urls import reverse
from django.utils.translation import ngettext

from alumni.models import Membership
from alumni.permissions import can_verify_members
from hrsocial import home


def verification_todo(request) -> list[home.Todo]:
    """HR: sign-ups waiting for verification (one count)."""
    if not can_verify_members(request.user):
        return []
    count = Membership.objects.pending().count()
    if not count:
        return []
    label = ngettext(
        "%(count)d sign-up to the alumni network to verify",
        "%(count)d sign-ups to the alumni network to verify",
        count,
    ) % {"count": count}
    return [home.Todo(label, reverse("alumni:verification-queue"), 90)]
