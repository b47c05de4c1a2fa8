"""Competencies at scale: a manager's heat map of 200 people × 12 competencies, a department
of 5,000 people (figures and a page of its heat map), a cycle's progress over 5,000 reviews,
the expert finder, and the time to open a cycle for 5,000 people."""

import time

from bench.common import Page

MANAGER = "teamlead.bench@example.com"
HR = "hr@example.com"
DEPARTMENT = ("Benchmark-afdeling", "BENCH")
CYCLE = "Bench-ronde"
TEAM_SIZE = 200
DEPARTMENT_SIZE = 5_000
COMPETENCIES = 12
EXPERTS = 500
TAGS = ["TikTok", "LinkedIn", "Canva", "Instagram", "Privacy", "Storytelling", "Video", "Excel"]


def seed(ctx):
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from competencies.models import (
        AssessedLevel,
        Competency,
        CompetencyCategory,
        CompetencyLevel,
        ExpertiseTag,
        ExpertProfile,
        Review,
        ReviewCycle,
        RoleRequirement,
    )
    from hrsocial.demo import DEMO_PASSWORD
    from people.models import Department, JobRole, User

    with transaction.atomic():
        category, _ = CompetencyCategory.objects.get_or_create(
            name="Bench", defaults={"name_en": "Bench", "order": 99}
        )
        for number in range(Competency.objects.active().count() + 1, COMPETENCIES + 1):
            competency = Competency.objects.create(
                category=category, name=f"Bench-competentie {number}", order=number
            )
            CompetencyLevel.objects.bulk_create(
                CompetencyLevel(competency=competency, level=level, behaviour=f"Niveau {level}")
                for level in (1, 2, 3, 4)
            )
        competencies = list(Competency.objects.active().order_by("pk")[:COMPETENCIES])
        roles = list(JobRole.objects.order_by("pk"))
        RoleRequirement.objects.bulk_create(
            [
                RoleRequirement(job_role=role, competency=c, level=1 + (r + i) % 4)
                for r, role in enumerate(roles)
                for i, c in enumerate(competencies)
            ],
            ignore_conflicts=True,
        )

        department, _ = Department.objects.get_or_create(
            code=DEPARTMENT[1], defaults={"name": DEPARTMENT[0]}
        )
        manager, created = User.objects.get_or_create(
            email=MANAGER,
            defaults={
                "full_name": "Teamleider Benchmark",
                "department": department,
                "job_role": roles[0],
                "password": make_password(DEMO_PASSWORD),
            },
        )
        if created:
            from people.services import email_mark_verified

            email_mark_verified(person=manager)
        people = list(
            User.objects.filter(email__startswith="bench.").order_by("email")[:DEPARTMENT_SIZE]
        )
        ids = [p.pk for p in people]
        User.objects.filter(pk__in=ids).exclude(department=department).update(department=department)
        User.objects.filter(pk__in=ids[:TEAM_SIZE]).update(manager=manager)

        existing = set(
            AssessedLevel.objects.filter(person_id__in=ids).values_list(
                "person_id", "competency_id"
            )
        )
        AssessedLevel.objects.bulk_create(
            [
                AssessedLevel(
                    person_id=pk, competency=c, level=1 + (n + i) % 4, self_level=1 + n % 4
                )
                for n, pk in enumerate(ids)
                for i, c in enumerate(competencies)
                if (n + i) % 7 and (pk, c.pk) not in existing  # some not assessed yet
            ],
            batch_size=5000,
        )

        cycle, created = ReviewCycle.objects.get_or_create(
            name=CYCLE,
            defaults={
                "starts_on": _today(-14),
                "self_assessment_due": _today(7),
                "ends_on": _today(30),
            },
        )
        if created:
            cycle.departments.set([department])
            statuses = list(Review.Status)
            Review.objects.bulk_create(
                [
                    Review(cycle=cycle, employee_id=pk, status=statuses[n % 2])
                    for n, pk in enumerate(ids)
                ],
                batch_size=5000,
            )

        tags = [ExpertiseTag.objects.get_or_create(name=name)[0] for name in TAGS]
        have = set(ExpertProfile.objects.values_list("person_id", flat=True))
        for n, pk in enumerate(ids[:EXPERTS]):
            if pk in have:
                continue
            chosen = [tags[n % len(tags)], tags[(n + 3) % len(tags)]]
            profile = ExpertProfile.objects.create(
                person_id=pk,
                is_listed=n % 5 != 0,
                ask_me_about="Vraag me gerust om hulp.",
                tags_text=", ".join(t.name for t in chosen),
            )
            profile.tags.set(chosen)
    ctx.log(
        f"competencies: {len(competencies)} competencies, a team of "
        f"{User.objects.filter(manager=manager).count()}, a department of "
        f"{User.objects.filter(department=department).count()}, "
        f"{AssessedLevel.objects.count()} assessed levels"
    )


def _today(offset):
    import datetime

    from django.utils import timezone

    return timezone.localdate() + datetime.timedelta(days=offset)


def pages(ctx):
    from competencies.models import ReviewCycle
    from people.models import Department, User

    department = Department.objects.get(code=DEPARTMENT[1])
    cycle = ReviewCycle.objects.get(name=CYCLE)
    employee = User.objects.get(email="employee@example.com")
    return [
        Page("competencies: team heat map, 200 × 12", "/competencies/team/", user=MANAGER),
        Page(
            "competencies: department of 5,000 (figures + heat map page)",
            f"/competencies/hr/departments/{department.pk}/",
            user=HR,
        ),
        Page(
            "competencies: cycle progress, 5,000 reviews",
            f"/competencies/hr/cycles/{cycle.pk}/",
            user=HR,
        ),
        Page("competencies: who knows what, search", "/competencies/experts/?q=tiktok"),
        Page("competencies: my profile", "/competencies/"),
        Page("competencies: my gaps", f"/competencies/people/{employee.pk}/gaps/"),
    ]


def measure(ctx):
    """Opening a cycle for the 5,000-person department (reviews and notifications written),
    in a transaction that is rolled back, so nothing is sent and the data stays as seeded."""
    from django.db import transaction

    from competencies import services
    from people.models import Department, User

    department = Department.objects.get(code=DEPARTMENT[1])
    hr = User.objects.get(email=HR)
    started = time.monotonic()
    with transaction.atomic():
        cycle = services.cycle_open(
            name="Bench: openen",
            starts_on=_today(0),
            self_assessment_due=_today(7),
            ends_on=_today(30),
            departments=[department],
            opened_by=hr,
        )
        reviews = cycle.reviews.count()
        transaction.set_rollback(True)
    elapsed = time.monotonic() - started
    lines = [
        f"Opening a review cycle for {reviews} people (reviews and outbox rows written, "
        f"then rolled back): {elapsed:.2f} s."
    ]
    return lines + _single_requests(ctx)


def _single_requests(ctx) -> list[str]:
    """One request at a time, in-process (median of five): the pages' own cost, apart from
    queueing behind other connections on a busy machine."""
    from statistics import median

    from django.test import Client

    from people.models import User

    lines = []
    for page in pages(ctx)[:3]:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(email=page.user))
        client.get(page.path)
        times = []
        for _attempt in range(5):
            started = time.monotonic()
            client.get(page.path)
            times.append(time.monotonic() - started)
        lines.append(f"{page.name}: {1000 * median(times):.0f} ms per request on its own.")
    return lines
