"""Who gets what from every alumni URL: the network for members (and HR who run it), the
verification queue for HR only, the waiting page for sign-ups still waiting (others are
sent on to the network page, which answers them in turn). Only members have a profile."""

from tests.access import LOGIN, Route, hr_only, network, signed_in


def setup(world):
    from alumni.models import Profile
    from alumni.services import membership_sign_up
    from tests.factories import AlumnusFactory

    world.al_pending = membership_sign_up(user=AlumnusFactory(full_name="Wachtend Persoon"))
    world.al_other = membership_sign_up(user=AlumnusFactory(full_name="Nog Een Persoon"))
    world.al_profile = Profile.objects.create(user=world.alumnus, in_directory=True)


ROUTES = [
    Route("alumni:index", network(200)),
    Route("alumni:waiting", {**signed_in(302), "visitor": LOGIN}),
    Route("alumni:directory", network(200)),
    Route("alumni:profile-detail", network(200), kwargs=lambda w: {"pk": w.al_profile.pk}),
    Route("alumni:profile-edit", {**network(200), "hr": 403}),
    Route("alumni:verification-queue", hr_only(200)),
    Route("alumni:membership-approve", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.al_pending.pk}),
    Route("alumni:membership-reject", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.al_other.pk}, data={"reason": "Onbekend bij HR"}),
]  # fmt: skip
