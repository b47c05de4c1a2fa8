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
    notify(
        new,
        "general",
        _("Welcome to hrsocial"),
        _(
            "Here you find the tips for social media, trainings that fit you, and HR to answer "
            "your questions. Start with the tips: they take five minutes."
        ),
        url="/",
    )
    ctx.log(f"notifications: {len(new)} welcome messages")
