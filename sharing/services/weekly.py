"""The weekly "to share" e-mail: instead of a mail per kit (sharing.new_kit is a portal notice
by default), each person hears once a week which kits of the past week they may share and
have not shared yet."""

from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from hrsocial.i18n import localized
from notifications.models import Notification
from notifications.services import notify
from sharing.models import Share, ShareKit
from sharing.services.kits import audience_of


def _lines(kits) -> str:
    # Called when the notification is rendered in the recipient's language.
    return "\n".join(
        f"- {localized(kit, 'title')} ({reverse('sharing:kit', args=[kit.pk])})" for kit in kits
    )


CATEGORY = "sharing.weekly"


def weekly_kits_send(*, now=None) -> int:
    """Send this week's "to share" e-mail to everyone with something new to share; once a
    week, also when the task runs again. Returns how many people were told."""
    now = now or timezone.now()
    kits = list(
        ShareKit.objects.current(now)
        .filter(published_at__gt=now - timedelta(days=7), published_at__lte=now)
        .order_by("-published_at")
    )
    if not kits:
        return 0
    already = set(
        Notification.objects.filter(
            category=CATEGORY, created_at__gt=now - timedelta(days=6)
        ).values_list("recipient_id", flat=True)
    )
    shared = set(Share.objects.filter(kit__in=kits).values_list("sharer_id", "kit_id").distinct())
    to_share = defaultdict(list)
    people = {}
    for kit in kits:  # a handful of kits a week: one audience query each
        for person in audience_of(kit).exclude(pk__in=already):
            if (person.pk, kit.pk) not in shared:
                people[person.pk] = person
                to_share[person.pk].append(kit)
    for pk, person_kits in to_share.items():
        with transaction.atomic():
            notify(
                [people[pk]], CATEGORY,
                gettext_lazy("New to share this week"),
                lambda person_kits=person_kits: gettext("Suggested texts are ready for:")
                + "\n" + _lines(person_kits),
                url=reverse("sharing:index"),
            )  # fmt: skip
    return len(to_share)
