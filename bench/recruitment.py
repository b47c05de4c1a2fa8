"""Recruitment at scale: the hot public URLs and HR's application list.

One public vacancy with RECRUITMENT_BENCH_APPLICATIONS applications (default 100,000) in every
stage and channel, seeded with bulk inserts. Pages: the public vacancy page and the JSON and
RSS feeds as "public" pages (target ≥ 50 % of the trivial view: they come whole from the
cache, without session or user), and HR's application list of that vacancy as a "list" page.

    RECRUITMENT_BENCH_APPLICATIONS=1000 BENCH_REDIS=redis://127.0.0.1:6379/4 \
        .venv/bin/python bench/run.py --only recruitment --database hrsocial_bench_recruitment \
        --port 8774 --no-fanout --duration 5
"""

import datetime
import os
import random
import time

from bench.common import Page

HR_EMAIL = "hr@example.com"
SLUG = "bench-communicatieadviseur"
BATCH = 5_000


def wanted() -> int:
    return int(os.environ.get("RECRUITMENT_BENCH_APPLICATIONS", "100000"))


def _vacancy():
    from django.utils import timezone

    from people.models import Department
    from recruitment.models import Vacancy

    department = Department.objects.order_by("pk").first() or Department.objects.create(
        name="Communicatie", code="COM"
    )
    vacancy, _created = Vacancy.objects.get_or_create(
        slug=SLUG,
        defaults={
            "title": "Communicatieadviseur (bench)", "department": department,
            "location": "Utrecht", "hours_per_week": 32, "salary_min": 3400,
            "salary_max": 4700,
            "description": "Je vertelt **ons verhaal**.\n\n- schrijven\n- delen",
            "opens_on": timezone.localdate() - datetime.timedelta(days=10),
            "closes_on": timezone.localdate() + datetime.timedelta(days=3650),
            "status": "open", "visibility": "public",
        },
    )  # fmt: skip
    return vacancy


def seed(ctx):
    from django.db import transaction
    from django.utils import timezone

    from recruitment.models import Application

    vacancy = _vacancy()
    have = vacancy.applications.count()
    if have >= wanted():
        ctx.log(f"recruitment: {have} applications already there")
        return
    started = time.monotonic()
    rng = random.Random(9)
    stages = [value for value, _label in Application.Stage.choices]
    channels = [value for value, _label in Application.Channel.choices]
    now = timezone.now()
    for start in range(have, wanted(), BATCH):
        rows = [
            Application(
                vacancy=vacancy,
                name=f"Kandidaat {n}",
                email=f"kandidaat{n}@example.org",
                token=f"bench-{n}-{rng.getrandbits(64):x}",
                stage=rng.choice(stages),
                channel=rng.choice(channels),
                created_at=now - datetime.timedelta(minutes=n),
                stage_changed_at=now,
            )  # fmt: skip
            for n in range(start, min(start + BATCH, wanted()))
        ]
        with transaction.atomic():
            Application.objects.bulk_create(rows)
    ctx.log(f"recruitment: {wanted() - have} applications in {time.monotonic() - started:.0f} s")


def pages(ctx):
    vacancy = _vacancy()
    return [
        Page("public vacancy page (visitor)", f"/vacatures/{SLUG}/", user=None, kind="public"),
        Page("vacancy JSON feed (visitor)", "/vacatures/feed.json", user=None, kind="public"),
        Page("vacancy RSS feed (visitor)", "/vacatures/feed.rss", user=None, kind="public"),
        Page(
            "recruitment applications of a vacancy (HR)",
            f"/recruitment/hr/vacancies/{vacancy.pk}/",
            user=HR_EMAIL,
            kind="list",
        ),
    ]
