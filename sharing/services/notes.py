"""The monthly "your shares brought N visits" note to people whose shares were clicked."""

import datetime

from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications.services import notify
from people.models import User
from sharing.models import DailyFigure, SharingProfile


def _visits_title(clicks: int):
    """Rendered per recipient language (a function, not a string formatted now)."""
    return lambda: (
        ngettext(
            "Your shares brought %(count)d visit last month",
            "Your shares brought %(count)d visits last month",
            clicks,
        )
        % {"count": clicks}
    )


def monthly_notes_send(*, today: datetime.date | None = None) -> int:
    """For last month: each person whose shares brought visits hears how many, once."""
    today = today or timezone.localdate()
    month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    totals = (
        DailyFigure.objects.filter(day__gte=month, day__lt=today.replace(day=1))
        .values("sharer").annotate(clicks=Sum("clicks")).filter(clicks__gt=0)
    )  # fmt: skip
    sent = 0
    people = User.objects.in_bulk([row["sharer"] for row in totals])
    for row in totals:
        person = people[row["sharer"]]
        if not person.is_active:
            continue
        with transaction.atomic():
            profile, _created = SharingProfile.objects.get_or_create(user=person)
            profile = SharingProfile.objects.select_for_update().get(pk=profile.pk)
            if profile.noted_month and profile.noted_month >= month:
                continue
            profile.noted_month = month
            profile.save(update_fields=["noted_month"])
            notify(
                [person], "sharing.monthly_clicks",
                _visits_title(row["clicks"]),
                _("Counted clicks on your personal links; link previews of bots are left out."),
                url=reverse("sharing:mine"),
            )  # fmt: skip
            sent += 1
    return sent
