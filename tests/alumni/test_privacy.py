import json

from django.urls import reverse

from alumni import services
from alumni.models import Gig, Interest, Profile


def test_a_member_downloads_their_data_as_json(client, anouk):
    services.profile_update(profile=services.profile_for(anouk), data={"current_role": "Coach"},
                            skills=["webcare"], visibility={})  # fmt: skip
    client.force_login(anouk)
    response = client.get(reverse("alumni:my-data"))
    data = json.loads(response.content)
    assert data["email"] == anouk.email and data["profile"]["skills"] == ["webcare"]
    assert data["profile"]["current_role"] == "Coach"


def test_leaving_removes_the_profile_and_interests_and_closes_the_account(client, anouk, hanna):
    import datetime

    services.profile_update(profile=services.profile_for(anouk), data={"in_directory": True},
                            skills=["webcare"], visibility={})  # fmt: skip
    gig = services.gig_create(posted_by=hanna, skills=[], title="Klus", description=".",
                              starts_on=datetime.date(2027, 2, 1))  # fmt: skip
    services.interest_express(gig=gig, member=anouk, note="Graag")
    client.force_login(anouk)
    client.post(reverse("alumni:membership-leave"), {})  # not confirmed: nothing happens
    assert Profile.objects.filter(user=anouk).exists()
    client.post(reverse("alumni:membership-leave"), {"confirm": "yes"})
    anouk.refresh_from_db()
    assert not anouk.is_active
    assert not Profile.objects.exists() and not Interest.objects.exists()
    assert Gig.objects.filter(pk=gig.pk).exists()
    assert not Profile.objects.directory().exists()
