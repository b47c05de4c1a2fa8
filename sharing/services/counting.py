"""Counting clicks: the redirect writes one `Click` (or nothing: a bot, the same browser again
today); `clicks_aggregate` (a periodic task) adds new clicks up into `DailyFigure`."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from django.db import connection, transaction
from django.db.models import Count, F
from django.utils import timezone

from sharing.counting import is_bot, visitor_hash
from sharing.models import Click, Counter, DailyFigure, Share
from sharing.services.figures import FIGURES

WATERMARK = "clicks-aggregated"

# The redirect's two statements are written out once, from the models' own table and column
# names, rather than built by the ORM on every request: compiling them took longer than
# running them (about 1 ms of the redirect's 1.9 ms, bench/sharing.py). Both are plain SQL
# that PostgreSQL and SQLite (3.24 and newer) understand alike.


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, field: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(field).column)


@cache
def _lookup_sql() -> str:
    share, kit = Share, Share._meta.get_field("kit").related_model
    s = lambda f: f"s.{_column(share, f)}"  # noqa: E731
    k = lambda f: f"k.{_column(kit, f)}"  # noqa: E731
    return (
        f"SELECT {s('id')}, {s('code')}, {s('channel')}, {k('url')}, {k('add_utm')}, "
        f"{k('utm_campaign')}, {k('id')}, "
        f"CASE WHEN {k('status')} = %s AND ({k('ends_at')} IS NULL OR {k('ends_at')} > %s) "
        f"THEN 1 ELSE 0 END "
        f"FROM {_table(share)} s JOIN {_table(kit)} k ON k.{_column(kit, 'id')} = {s('kit')} "
        f"WHERE {s('code')} = %s"
    )


@cache
def _click_sql() -> str:
    columns = ", ".join(_column(Click, f) for f in ("share", "day", "visitor", "created_at"))
    return f"INSERT INTO {_table(Click)} ({columns}) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING"


@dataclass(frozen=True)
class LinkTarget:
    """What the redirect needs of a share and its kit."""

    share_id: int
    code: str
    channel: str
    url: str
    add_utm: bool
    utm_campaign: str
    kit_id: int
    available: bool  # published and not past its end date, at the moment of the lookup


def link_target(code: str, now: datetime) -> LinkTarget | None:
    """The share with this code and its kit, in one lookup on the unique code."""
    published = Share._meta.get_field("kit").related_model.Status.PUBLISHED
    with connection.cursor() as cursor:
        cursor.execute(
            _lookup_sql(), [published, connection.ops.adapt_datetimefield_value(now), code]
        )
        row = cursor.fetchone()
    if row is None:
        return None
    pk, code, channel, url, add_utm, campaign, kit_id, available = row
    return LinkTarget(pk, code, channel, url, bool(add_utm), campaign, kit_id, bool(available))


def click_record(*, request, share_id: int, now: datetime | None = None) -> bool:
    """Count a visit through a personal link: one INSERT that the unique (share, day,
    visitor) constraint ignores when this browser came today already. Bots are not counted.
    Whether a click was counted is not known without a second query, so nothing is returned
    about it; False only for a bot."""
    if is_bot(request.headers.get("user-agent", "")):
        return False
    now = now or timezone.now()
    day = timezone.localdate(now)
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(
            _click_sql(),
            [share_id, ops.adapt_datefield_value(day), visitor_hash(request, day),
             ops.adapt_datetimefield_value(now)],
        )  # fmt: skip
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
        # Bulk writes send no signals: HR's cached figures are forgotten here.
        FIGURES.forget()
    return added
