"""Counting clicks: the redirect writes one `Click` (or nothing: a bot, the same browser again
today); `clicks_aggregate` (a periodic task) adds new clicks up into `DailyFigure`."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from django.db import InterfaceError, OperationalError, connection, transaction
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
        f"SELECT {s('id')} AS share_id, {s('code')} AS code, {s('channel')} AS channel, "
        f"{k('url')} AS url, {k('add_utm')} AS add_utm, {k('utm_campaign')} AS utm_campaign, "
        f"{k('id')} AS kit_id, "
        f"CASE WHEN {k('status')} = %s AND ({k('ends_at')} IS NULL OR {k('ends_at')} > %s) "
        f"THEN 1 ELSE 0 END AS available "
        f"FROM {_table(share)} s JOIN {_table(kit)} k ON k.{_column(kit, 'id')} = {s('kit')} "
        f"WHERE {s('code')} = %s"
    )


@cache
def _click_sql() -> str:
    columns = ", ".join(_column(Click, f) for f in ("share", "day", "visitor", "created_at"))
    return f"INSERT INTO {_table(Click)} ({columns}) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING"


@cache
def _follow_sql() -> str:
    """PostgreSQL only: the lookup and the click's INSERT as one statement (a data-modifying
    CTE runs once whether or not the outer query reads it). Its parameters: the lookup's,
    then the click's day, visitor and time. Nothing is inserted for a kit that is withdrawn
    or past its end."""
    columns = ", ".join(_column(Click, f) for f in ("share", "day", "visitor", "created_at"))
    return (
        f"WITH target AS ({_lookup_sql()}), "
        f"counted AS (INSERT INTO {_table(Click)} ({columns}) "
        f"SELECT target.share_id, %s, %s, %s FROM target WHERE target.available = 1 "
        f"ON CONFLICT DO NOTHING) "
        f"SELECT * FROM target"
    )


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


def follow_link(code: str, *, request, now: datetime | None = None) -> LinkTarget | None:
    """The share with this code and its kit, looked up on the unique code, and the visit
    counted: one INSERT that the unique (share, day, visitor) constraint ignores when this
    browser came today already. Bots and withdrawn or ended kits are not counted.

    On PostgreSQL both are one statement, and Django's connection health check (a
    `SELECT 1` before the first query of every request) is skipped: a connection that died
    since the last request fails the statement, and it runs once more on a new connection.
    Running it twice is harmless: the unique constraint keeps a click from counting twice.
    Three round trips to the database become one (bench/sharing.py)."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    agent = request.headers.get("user-agent", "")
    visitor = None if is_bot(agent) else visitor_hash(request, day)
    ops = connection.ops
    published = Share._meta.get_field("kit").related_model.Status.PUBLISHED
    lookup = [published, ops.adapt_datetimefield_value(now), code]
    click = [ops.adapt_datefield_value(day), visitor, ops.adapt_datetimefield_value(now)]
    if connection.vendor != "postgresql":
        row = _fetch(_lookup_sql(), lookup)
        if row is not None and row[-1] and visitor is not None:
            with connection.cursor() as cursor:
                cursor.execute(_click_sql(), [row[0], *click])
    else:
        if visitor is None:
            row = _fetch_skipping_health_check(_lookup_sql(), lookup)
        else:
            row = _fetch_skipping_health_check(_follow_sql(), lookup + click)
    if row is None:
        return None
    pk, code, channel, url, add_utm, campaign, kit_id, available = row
    return LinkTarget(pk, code, channel, url, bool(add_utm), campaign, kit_id, bool(available))


def _fetch(sql: str, params: list):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _fetch_skipping_health_check(sql: str, params: list):
    if connection.in_atomic_block:  # inside a transaction (a test): no retry is possible
        return _fetch(sql, params)
    # Django's own flag (BaseDatabaseWrapper.close_if_health_check_failed): the check counts
    # as done for this request, so no SELECT 1 goes first; the retry below takes its place.
    connection.health_check_done = True
    try:
        return _fetch(sql, params)
    except (OperationalError, InterfaceError):
        connection.close()  # a dead connection: the next statement opens a new one
        return _fetch(sql, params)


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
