"""The invitation to the alumni network on a person's last day of employment, to the private
e-mail address HR keeps on the departure (alumni.models.Departure): once, and never when HR
marked the departure "do not invite" or no private address is known."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alumni.models import Departure
from hrsocial import audit, emails

# A departure whose end date is longer ago than this is not invited any more: a task that
# did not run for a while (or this feature's first run) must not mail people who left years
# ago.
CATCH_UP = timedelta(days=30)


def due(*, today=None):
    """Departures to invite today: the end date has come (or came within CATCH_UP), a private
    address is known, HR did not say "do not invite", and no invitation went yet."""
    today = today or timezone.localdate()
    return (
        Departure.objects.filter(
            invited_at__isnull=True,
            do_not_invite=False,
            person__end_date__lte=today,
            person__end_date__gte=today - CATCH_UP,
            person__kind__in=("employee", "former_employee"),
        )
        .exclude(private_email="")
        .select_related("person")
        .order_by("pk")
    )


def invitation_send(*, departure: Departure, now=None) -> bool:
    """Invite one leaver; the stamp is written in the send's transaction, so a failed send
    is retried and a sent one never goes again."""
    now = now or timezone.now()
    with transaction.atomic():
        departure = (
            Departure.objects.select_for_update().select_related("person").get(pk=departure.pk)
        )
        if departure.invited_at or departure.do_not_invite or not departure.private_email:
            return False
        person = departure.person
        emails.send_templated_email(
            template="emails/alumni_invitation",
            recipient=person,
            to=departure.private_email,
            context={
                "person": person,
                "private_email": departure.private_email,
                "url": settings.SITE_URL + reverse("account_signup"),
            },
        )
        departure.invited_at = now
        departure.save(update_fields=["invited_at"])
        audit.record(actor=None, action="alumni.departure_invite", target=person)
        return True


def invitations_send_due(*, now=None) -> int:
    # Without self sign-up the invitation's link leads nowhere: nothing is sent (or stamped).
    if not settings.SELF_SIGNUP_ENABLED:
        return 0
    now = now or timezone.now()
    return sum(
        invitation_send(departure=d, now=now) for d in list(due(today=timezone.localdate(now)))
    )
