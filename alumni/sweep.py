"""The daily sweep for members who left the network some other way than "leave" on their
profile (which removes everything at once, alumni.services.membership_delete): HR closed the
account, the membership was rejected after all, or a boomerang became an employee again.
Their consents are switched off and their interest in open gigs removed, so within a day no
directory, gig list, match or newsletter finds them; counts stay anonymous."""

from django.db import transaction
from django.db.models import Q

from alumni.directory import NETWORK
from alumni.models import Gig, Interest, Profile
from hrsocial import audit
from people.models import User


def _left():
    """People with a network trace who are no longer active members."""
    return User.objects.filter(
        Q(is_active=False)
        | ~Q(kind__in=(User.Kind.ALUMNUS, User.Kind.FREELANCER))
        | Q(membership__status="rejected")
    )


def members_left_sweep() -> int:
    """Returns how many people it removed from the network's lists (a count, no names)."""
    with transaction.atomic():
        left = _left()
        profiles = Profile.objects.filter(user__in=left).filter(
            Q(in_directory=True) | Q(receives_newsletter=True)
        )
        people = set(profiles.values_list("user_id", flat=True))
        interests = Interest.objects.filter(member__in=left, gig__status=Gig.Status.OPEN)
        people |= set(interests.values_list("member_id", flat=True))
        profiles.update(in_directory=False, receives_newsletter=False)
        interests.delete()
        if people:  # a bulk update sends no signal: the directory's totals and matches go
            NETWORK.forget()
        if people:
            audit.record(actor=None, action="alumni.members_left_sweep", count=len(people))
        return len(people)
