"""Counting clicks: the redirect writes one `Click` (or nothing: a bot, the same browser again
today); `clicks_aggregate` (a periodic task) adds new clicks up into `DailyFigure`."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from sharing.counting import is_bot, visitor_hash
from sharing.models import Click, Counter, DailyFigure, Share

WATERMARK = "clicks-aggregated"


def click_record(*, request, share_id: int) -> bool:
    """Count a visit through a personal link: one INSERT that the unique (share, day,
    visitor) constraint ignores when this browser came today already. Bots are not counted.
    Whether a click was counted is not known without a second query, so nothing is returned
    about it; False only for a bot."""
    if is_bot(request.headers.get("user-agent", "")):
        return False
    now = timezone.now()
    day = timezone.localdate(now)
    Click.objects.bulk_create(
        [Click(share_id=share_id, day=day, visitor=visitor_hash(request, day), created_at=now)],
        ignore_conflicts=True,
    )
    return True


def clicks_aggregate(*, batch: int = 50_000, settle_seconds: int = 30) -> int:
    """Add the clicks after the watermark to the daily figures; how many were added. Under a
    row lock on the watermark, so two runs never add the same clicks twice. Clicks younger
    than `settle_seconds` wait for the next run: a click whose INSERT has not committed yet
    must not be skipped by a watermark already past its pk."""
    added = 0
    cutoff = timezone.now() - timedelta(seconds=settle_seconds)
    with transaction.atomic():
        counter, _created = Counter.objects.get_or_create(name=WATERMARK)
        counter = Counter.objects.select_for_update().get(pk=counter.pk)
        last = (
            Click.objects.filter(pk__gt=counter.value, created_at__lt=cutoff).order_by("pk")
            .values_list("pk", flat=True)[batch - 1 : batch].first()
        )  # fmt: skip
        new = Click.objects.filter(pk__gt=counter.value, created_at__lt=cutoff)
        if last is not None:
            new = new.filter(pk__lte=last)
        groups = list(new.values("share_id", "day").annotate(n=Count("pk")))
        if not groups:
            return 0
        top = new.order_by("-pk").values_list("pk", flat=True).first()
        shares = {
            s.pk: s for s in Share.objects.filter(pk__in={g["share_id"] for g in groups})
            .select_related("kit").only("pk", "sharer_id", "department_id", "channel",
                                        "kit_id", "kit__campaign_id")
        }  # fmt: skip
        existing = {
            (f.share_id, f.day): f
            for f in DailyFigure.objects.filter(
                share_id__in=shares, day__in={g["day"] for g in groups}
            )
        }
        create = []
        for group in groups:
            key = (group["share_id"], group["day"])
            added += group["n"]
            if key in existing:
                DailyFigure.objects.filter(pk=existing[key].pk).update(
                    clicks=F("clicks") + group["n"]
                )
                continue
            share = shares[group["share_id"]]
            create.append(
                DailyFigure(
                    share_id=share.pk, day=group["day"], kit_id=share.kit_id,
                    channel=share.channel, sharer_id=share.sharer_id,
                    department_id=share.department_id, campaign_id=share.kit.campaign_id,
                    clicks=group["n"],
                )
            )  # fmt: skip
        DailyFigure.objects.bulk_create(create, batch_size=1000)
        counter.value = top
        counter.save(update_fields=["value"])
    return added
