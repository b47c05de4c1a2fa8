from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hrsocial.demo import DEMO_ACCOUNTS
from notifications.models import Notification
from notifications.services import notify
from people.models import User


def seed(ctx):
    """A welcome message for each demo account, so the notification centre has something."""
    people = User.objects.filter(email__in=[email for email, _role in DEMO_ACCOUNTS])
    new = [
        p
        for p in people
        if not Notification.objects.filter(recipient=p, category="general").exists()
    ]
    staff = [p for p in new if p.is_employee]
    notify(
        staff,
        "general",
        _("Welcome to hrsocial"),
        _(
            "Here you find the tips for social media, trainings that fit you, and HR to answer "
            "your questions. Start with the tips: they take five minutes."
        ),
        url="/",
    )
    # Alumni and freelancers see no tips, trainings or helpdesk (yet): tell them what is true.
    notify(
        [p for p in new if not p.is_employee],
        "general",
        _("Welcome to hrsocial"),
        lambda: (
            (
                gettext(
                    "Here HR keeps in touch with former colleagues and freelancers: in the "
                    "network you find its members and gigs (klussen), and HR's messages arrive "
                    "here. Questions? E-mail HR: %(email)s"
                )
                if apps.is_installed("alumni")
                else gettext(
                    "Here HR keeps in touch with former colleagues and freelancers. The network "
                    "with its news, vacancies and gigs is not open yet; until then you find HR's "
                    "messages here. Questions? E-mail HR: %(email)s"
                )
            )
            % {"email": settings.HR_CONTACT_EMAIL}
        ),
        url="/",
    )
    ctx.log(f"notifications: {len(new)} welcome messages")
