from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.plugins import PortalAppConfig, Receiver, category


def _members(user) -> bool:
    from alumni.permissions import is_member

    return is_member(user)


class AlumniConfig(PortalAppConfig):
    """Practice 10: the network of former colleagues (alumni) and freelancers."""

    name = "alumni"
    verbose_name = _("Alumni network")
    navigation = [
        navigation.NavItem("alumni", _("Alumni network"), "alumni:index", visible=_members,
                           order=90),
        navigation.NavItem("alumni", _("Alumni verification"), "alumni:verification-queue",
                           visible=navigation.hr_staff, order=90, section="hr"),
    ]  # fmt: skip
    notification_categories = [
        category("alumni.membership", _("HR's decision on your sign-up to the network"),
                 order=89, audience=lambda user: user.is_alumnus or user.is_freelancer),
        category("alumni.gig", _("Gigs you showed interest in"), order=90,
                 audience=lambda user: user.is_alumnus or user.is_freelancer),
        category("alumni.invitation", _("Invitations to the freelancer network"), order=92,
                 audience=lambda user: user.is_freelancer),
        category("alumni.event", _("Events you signed up for: seats, the waiting list, changes"),
                 description=_("The confirmation e-mail has the calendar file attached."),
                 attachments="alumni.events.calendar_attachment", order=91,
                 audience=lambda user: user.is_alumnus or user.is_freelancer),
    ]  # fmt: skip
    home_todos = ["alumni.home.verification_todo"]
    receivers = [
        # A self sign-up (people.forms.SignupForm) becomes a membership waiting for verification.
        Receiver("allauth.account.signals.user_signed_up", "alumni.receivers.handle_sign_up"),
        # The HRIS import's private e-mail column (people.importer) goes on the departure.
        Receiver("people.signals.person_imported", "alumni.boomerang.handle_person_imported"),
        # A renamed, re-hired or closed account changes the directory and the gig matches.
        Receiver("post_save", "alumni.directory.forget_on_person_saved", ("people.User",)),
    ]
    # The directory's totals and the gig matches' order (alumni.directory): forgotten when
    # anything that decides them changes (people through the receiver above, the sweep itself).
    cached = {
        "alumni.permissions.MEMBERSHIP_STATUS": ("alumni.Membership",),
        "alumni.directory.NETWORK": (
            "alumni.Profile", "alumni.Profile.skills", "alumni.Membership", "alumni.Skill",
        ),
    }  # fmt: skip
    # The HRIS import finds a boomerang's network account by former number or private e-mail.
    provides = {"people_import_boomerangs": "alumni.boomerang.import_boomerangs"}
    periodic_tasks = {
        # The first of the month, the newsletter to members who consented.
        "alumni-newsletter": {
            "task": "alumni.tasks.send_newsletter",
            "schedule": crontab(hour=8, minute=0, day_of_month=1),
        },
        # Leavers are invited on their last day, to their private address.
        "alumni-departure-invitations": {
            "task": "alumni.tasks.send_departure_invitations",
            "schedule": crontab(hour=10, minute=0),
        },
        # Who left the network some other way than "leave" drops out of every list.
        "alumni-sweep-members-who-left": {
            "task": "alumni.tasks.sweep_members_who_left",
            "schedule": crontab(hour=1, minute=30),
        },
    }
