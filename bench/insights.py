"""Insights at the scale of 10,000 people (seed_demo --scale 334): a year of daily figures
for every department and every figure of the installed sections (bulk inserts, as the
nightly builder would have written them), then the full dashboard per month and per week,
one department, the monthly report and an initiative with a pilot group. Each page runs a
fixed number of queries whatever the year holds; target: the full dashboard at least 10 %
of the signed-in floor (kind "dashboard", bench/run.py).

The dashboard and the report render their published sections once per selection and language
(insights.rendering, cached with the figures): a page view is the base layout plus one cache
read. A miss (after the nightly build or five minutes) runs a fixed number of queries: the
departments' headcounts (2), the sums of the daily rows (2) and the people behind the figures
over events (Section.people: sharing 1, trainings 3, competencies 2, helpdesk 2, recruitment 3
for the candidates and sharers behind each channel). Measured 2026-12-03, 63 figures, 8
connections, 2 workers: the full dashboard per month 12 req/s (3 % of the floor) before,
178-243 req/s (35-44 %) after; per week 6 → 124-172 req/s (2 % → 24-31 %). With recruitment
per channel (80 figures, 15 queries on a miss, about 310 ms in-process per month or week): per
month 281 req/s (43 % of the floor), per week 253 (39 %), one department 64 %, the report 77 %,
an initiative 27 %.

    BENCH_REDIS=redis://127.0.0.1:6379/2 flock /tmp/bench.lock .venv/bin/python bench/run.py \
        --only insights --database hrsocial_bench_insights --port 8773 --no-fanout --duration 5
"""

import datetime
import random
import time

from bench.common import Page

HR_EMAIL = "hr@example.com"
DAYS = 365
BATCH = 10_000


def seed(ctx):
    from django.utils import timezone

    from insights.figures import FIGURES, departments
    from insights.models import DailyFigure, Initiative
    from insights.sections import all_figures
    from people.models import User

    figures = list(all_figures())
    known = departments()
    wanted = DAYS * len(known) * len(figures)
    if DailyFigure.objects.count() >= wanted:
        ctx.log(f"insights: {DailyFigure.objects.count()} daily figures already there")
        return
    started = time.monotonic()
    DailyFigure.objects.all().delete()
    rng = random.Random(18)
    last = timezone.localdate() - datetime.timedelta(days=1)
    batch = []
    for offset in range(DAYS):
        day = last - datetime.timedelta(days=offset)
        for pk, _name, headcount in known:
            for key in figures:
                base = max(1, int(headcount * rng.uniform(0.01, 0.05)))
                amount = base * rng.uniform(0.3, 4.5)
                batch.append(
                    DailyFigure(day=day, figure=key, department_id=pk, amount=amount, base=base)
                )
        if len(batch) >= BATCH:
            DailyFigure.objects.bulk_create(batch)
            batch = []
    DailyFigure.objects.bulk_create(batch)
    FIGURES.forget()
    hr = User.objects.get(email=HR_EMAIL)
    pilot = [pk for pk, _name, _n in known[: max(1, len(known) // 3)]]
    initiative, _created = Initiative.objects.get_or_create(
        title="Bench: tips in het werkoverleg",
        defaults={"practice": "guidelines", "owner": hr, "created_by": hr,
                  "starts_on": last - datetime.timedelta(days=84),
                  "figure": "guidelines.acknowledgement_rate", "baseline": 60, "target": 80},
    )  # fmt: skip
    initiative.pilot_departments.set(pilot)
    ctx.log(
        f"insights: {DailyFigure.objects.count()} daily figures, {len(known)} departments, "
        f"in {time.monotonic() - started:.0f} s"
    )


def pages(ctx):
    from insights.figures import departments
    from insights.models import Initiative

    department = max(departments(), key=lambda d: d[2])[0]
    initiative = Initiative.objects.order_by("pk").first()
    return [
        Page("insights: full dashboard, a year per month (HR)", "/insights/", user=HR_EMAIL,
             kind="dashboard"),
        Page("insights: full dashboard, a year per week (HR)", "/insights/?granularity=week",
             user=HR_EMAIL, kind="dashboard"),
        Page("insights: one department", f"/insights/?department={department}", user=HR_EMAIL,
             kind="dashboard"),
        Page("insights: monthly report", "/insights/report/", user=HR_EMAIL, kind="dashboard"),
        Page("insights: initiative, pilot group against the rest",
             f"/insights/initiatives/{initiative.pk}/", user=HR_EMAIL, kind="dashboard"),
    ]  # fmt: skip
