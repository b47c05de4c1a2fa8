"""Who gets what from every alumni URL: the network for members (and HR who run it), the
verification queue for HR only, the waiting page for sign-ups still waiting (others are
sent on to the network page, which answers them in turn). Only members have a profile."""

import datetime

from tests.access import LOGIN, Route, everyone, hr_only, network, signed_in


def setup(world):
    from alumni.models import Gig, Profile
    from alumni.services import membership_sign_up
    from tests.factories import AlumnusFactory

    world.al_pending = membership_sign_up(user=AlumnusFactory(full_name="Wachtend Persoon"))
    world.al_other = membership_sign_up(user=AlumnusFactory(full_name="Nog Een Persoon"))
    world.al_profile = Profile.objects.create(user=world.alumnus, in_directory=True)
    from alumni.newsletter import unsubscribe_token

    world.al_unsubscribe = unsubscribe_token(world.alumnus)
    world.al_gig = Gig.objects.create(
        title="Salarisadministratie", description="Drie maanden.",
        starts_on=datetime.date(2027, 2, 1),
    )  # fmt: skip
    from django.utils import timezone

    from alumni.models import Event

    start = timezone.now() + datetime.timedelta(days=30)  # ahead of any clock
    from alumni.freelancers import token_for
    from alumni.models import FreelancerInvitation
    from tests.factories import FreelancerFactory

    invited = FreelancerFactory(full_name="Uitgenodigde Freelancer")
    invited.set_unusable_password()
    invited.save()
    world.al_join = token_for(
        FreelancerInvitation.objects.create(person=invited, sent_at=timezone.now())
    )
    world.al_event = Event.objects.create(
        title="Reünie", starts_at=start, ends_at=start + datetime.timedelta(hours=3),
        location="Utrecht", capacity=10,
    )  # fmt: skip


ROUTES = [
    Route("alumni:index", network(200)),
    Route("alumni:waiting", {**signed_in(302), "visitor": LOGIN}),
    Route("alumni:directory", network(200)),
    Route("alumni:profile-detail", network(200), kwargs=lambda w: {"pk": w.al_profile.pk}),
    Route("alumni:profile-edit", {**network(200), "hr": 403}),
    Route("alumni:my-data", {**network(200), "hr": 403}),
    Route("alumni:membership-leave", {**network(302), "hr": 403}, method="post", data={}),
    Route("alumni:verification-queue", hr_only(200)),
    Route("alumni:membership-approve", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.al_pending.pk}),
    Route("alumni:membership-reject", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.al_other.pk}, data={"reason": "Onbekend bij HR"}),
    Route("alumni:gig-list", network(200)),
    Route("alumni:gig-create", hr_only(200)),
    Route("alumni:gig-detail", network(200), kwargs=lambda w: {"pk": w.al_gig.pk}),
    Route("alumni:interest-create", {**network(302), "hr": 403}, method="post",
          kwargs=lambda w: {"pk": w.al_gig.pk}, data={"note": "Graag"}),
    Route("alumni:gig-pick", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.al_gig.pk}, data={"member": "1"}),
    # The newsletter's unsubscribe link: the signed token is the authority, no sign-in needed;
    # the GET only asks for confirmation.
    Route("alumni:newsletter-unsubscribe", everyone(200),
          kwargs=lambda w: {"token": w.al_unsubscribe}),
    Route("alumni:event-list", network(200)),
    Route("alumni:event-create", hr_only(200)),
    Route("alumni:event-detail", network(200), kwargs=lambda w: {"pk": w.al_event.pk}),
    Route("alumni:event-edit", hr_only(200), kwargs=lambda w: {"pk": w.al_event.pk}),
    Route("alumni:event-calendar", network(200), kwargs=lambda w: {"pk": w.al_event.pk}),
    Route("alumni:event-sign-up", {**network(302), "hr": 403}, method="post",
          kwargs=lambda w: {"pk": w.al_event.pk}),
    Route("alumni:event-cancel", {**network(302), "hr": 403}, method="post",
          kwargs=lambda w: {"pk": w.al_event.pk}),
    Route("alumni:event-call-off", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.al_event.pk}, data={"confirm": "yes"}),
    Route("alumni:freelancer-invite", hr_only(200)),
    # The invitation's signed link is the authority: anyone holding it sees the sign-up form.
    Route("alumni:freelancer-join", everyone(200), kwargs=lambda w: {"token": w.al_join}),
]  # fmt: skip
