"""A member who leaves the network is gone from every list, figure and newsletter within a
day (issue 17, point 7): at once through "leave", otherwise through the daily sweep."""

import datetime

import pytest

from alumni import newsletter, services
from alumni.models import Gig, Interest, Profile
from alumni.tasks import sweep_members_who_left
from hrsocial.models import AuditEntry
from people.models import User

pytestmark = pytest.mark.django_db


def _member_everywhere(user, gig):
    Profile.objects.update_or_create(
        user=user, defaults={"in_directory": True, "receives_newsletter": True}
    )
    services.interest_express(gig=gig, member=user, note="Graag")


@pytest.fixture
def gig(hanna):
    return services.gig_create(posted_by=hanna, skills=[], title="Klus", description=".",
                               starts_on=datetime.date(2027, 2, 1))  # fmt: skip


def test_a_closed_account_and_a_boomerang_drop_out_of_lists_and_newsletter(anouk, femke, gig):
    _member_everywhere(anouk, gig)
    _member_everywhere(femke, gig)
    User.objects.filter(pk=anouk.pk).update(is_active=False)  # HR closed the account
    User.objects.filter(pk=femke.pk).update(kind=User.Kind.EMPLOYEE)  # hired again
    assert sweep_members_who_left() == 2
    assert not Profile.objects.filter(in_directory=True).exists()
    assert not Profile.objects.filter(receives_newsletter=True).exists()
    assert not Interest.objects.exists()
    # Reactivated or leaving again, they are not back in any list until they choose so.
    User.objects.filter(pk=anouk.pk).update(is_active=True)
    assert not Profile.objects.directory().exists() and not newsletter.recipients().exists()
    entry = AuditEntry.objects.get(action="alumni.members_left_sweep")
    assert entry.detail == {"count": 2}  # a count, no names


def test_active_members_and_filled_gigs_are_left_alone(anouk, femke, gig):
    _member_everywhere(anouk, gig)
    _member_everywhere(femke, gig)
    services.gig_pick(gig=gig, member=femke, picked_by=None)
    User.objects.filter(pk=femke.pk).update(is_active=False)
    assert sweep_members_who_left() == 1
    assert Profile.objects.get(user=anouk).receives_newsletter
    assert Interest.objects.filter(gig=gig).count() == 2  # a filled gig's history stays
    assert Gig.objects.get(pk=gig.pk).status == Gig.Status.FILLED
    assert sweep_members_who_left() == 0  # nothing left to do the next day


def test_leaving_through_the_profile_page_takes_effect_at_once(anouk, gig, client):
    _member_everywhere(anouk, gig)
    client.force_login(anouk)
    client.post("/alumni/profile/leave/", {"confirm": "yes"})
    assert not Profile.objects.exists() and not Interest.objects.exists()
    assert not newsletter.recipients().exists()
    assert sweep_members_who_left() == 0
