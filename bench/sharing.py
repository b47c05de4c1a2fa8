"""Sharing at scale: the personal link /s/<code> (the hottest public URL: one lookup and one
INSERT, compared with the trivial view as a "public" page) and HR's figures page over
1,000,000 counted clicks (SHARING_BENCH_CLICKS) as a "list" page: it reads the pre-aggregated
daily figures, so its queries do not grow with the clicks.

    SHARING_BENCH_CLICKS=100000 BENCH_REDIS=redis://127.0.0.1:6379/2 \
        .venv/bin/python bench/run.py --only sharing --database hrsocial_bench_sharing \
        --port 8774 --no-fanout --duration 5
"""

import datetime
import os
import time

from bench.common import Page

HR_EMAIL = "hr@example.com"
KITS = 50
BATCH = 10_000


def wanted_clicks() -> int:
    return int(os.environ.get("SHARING_BENCH_CLICKS", "1000000"))


def seed(ctx):
    from django.db import transaction
    from django.utils import timezone

    from people.models import User
    from sharing.models import Click, DailyFigure, Share, ShareKit
    from sharing.services.counting import clicks_aggregate

    wanted = wanted_clicks()
    if Click.objects.count() >= wanted:
        ctx.log(f"sharing: {wanted} clicks already there")
        return
    started = time.monotonic()
    now = timezone.now()
    with transaction.atomic():
        DailyFigure.objects.all().delete()
        Click.objects.all().delete()
        Share.objects.all().delete()
        ShareKit.objects.filter(title__startswith="Bench-kit").delete()
        kits = ShareKit.objects.bulk_create(
            ShareKit(title=f"Bench-kit {n}", url=f"https://www.example.com/{n}",
                     status=ShareKit.Status.PUBLISHED, audience="employees",
                     starts_at=now - datetime.timedelta(days=365), utm_campaign="share")
            for n in range(KITS)
        )  # fmt: skip
        people = list(User.objects.filter(kind=User.Kind.EMPLOYEE).values_list("pk", "department"))
        channels = ["linkedin", "x", "facebook", "whatsapp", "email"]
        shares = Share.objects.bulk_create(
            (
                Share(kit=kits[n % KITS], sharer_id=person, department_id=department,
                      channel=channels[n % 5], created_at=now - datetime.timedelta(days=n % 300))
                for n, (person, department) in enumerate(people * 2)
            ),
            batch_size=BATCH, ignore_conflicts=True,
        )  # fmt: skip
    # Clicks come in the days after a share, as they do: the daily figures hold shares x
    # active days (here up to ten per share), far fewer rows than the clicks.
    shares = list(Share.objects.values_list("pk", "created_at"))
    made = 0
    old = now - datetime.timedelta(hours=1)
    while made < wanted:
        batch = [
            Click(share_id=shares[(made + i) % len(shares)][0],
                  day=min(shares[(made + i) % len(shares)][1]
                          + datetime.timedelta(days=(made + i) // len(shares) % 10), now).date(),
                  visitor=f"{made + i:032x}", created_at=old)
            for i in range(min(BATCH, wanted - made))
        ]  # fmt: skip
        Click.objects.bulk_create(batch)
        made += len(batch)
    added = clicks_aggregate(batch=wanted + 1)
    ctx.log(f"sharing: {len(shares)} shares, {made} clicks, {added} added up, "
            f"{time.monotonic() - started:.0f} s")  # fmt: skip


def pages(ctx):
    from sharing.models import Share

    code = Share.objects.order_by("pk").values_list("code", flat=True).first()
    return [
        Page("personal link /s/<code> (visitor)", f"/s/{code}", user=None, kind="public",
             headers={"User-Agent": "Mozilla/5.0 Firefox/130.0"}, expect_status=302),
        Page("share figures over the clicks (HR)", "/sharing/manage/figures/", user=HR_EMAIL,
             kind="list"),
        Page("my shares (employee)", "/sharing/mine/"),
    ]  # fmt: skip
