"""On "Mijn overzicht": kits to share that the person has not shared yet (two queries)."""

from hrsocial import home
from sharing.models import Share, ShareKit
from sharing.permissions import can_share

SHOWN = 3


def to_share(request):
    user = request.user
    if not can_share(user):
        return None
    shared = Share.objects.by(user).values("kit_id")
    kits = list(
        ShareKit.objects.shareable_by(user).exclude(pk__in=shared)
        .only("pk", "title", "starts_at").order_by("-starts_at", "-pk")[:SHOWN]
    )  # fmt: skip
    if not kits:
        return None
    return home.Panel(template="sharing/partials/home_to_share.html", context={"kits": kits},
                      order=45)  # fmt: skip
