"""Trainings at scale: a catalogue of 2,000 trainings with 20,000 sessions.

seed() adds them (with seats taken, waitlists on full sessions and past attendance) to the
demo organisation; pages() are the catalogue (first and a deep page, filters, search), a
training's page, one's own trainings, HR's session list and report, and the calendar feed;
measure() times enrolment under the session lock, alone and with 50 people at once.
"""

import random
import threading
import time
from datetime import timedelta

from bench.common import Page

TRAININGS = 2_000
SESSIONS_PER_TRAINING = 10
WORDS = [
    "LinkedIn", "schrijven", "sociale media", "personal branding", "netwerken", "privacy",
    "Teams", "Yammer", "video", "webcare", "recruiting", "content", "storytelling", "X",
    "Instagram", "reputatie", "samenwerken", "vacatures", "klantcontact", "AVG",
]  # fmt: skip


def seed(ctx):
    from django.db import transaction
    from django.utils import timezone

    from competencies.models import Competency
    from people.models import User
    from trainings.models import Enrolment, Session, Training, TrainingCompetency

    missing = TRAININGS - Training.objects.count()
    if missing <= 0:
        ctx.log(f"trainings: {Training.objects.count()} trainings already there")
        return
    rng = random.Random(2026)
    competencies = list(Competency.objects.all())
    people = list(User.objects.employees().values_list("pk", flat=True)[:5000])
    formats = [f for f, _label in Training.Format.choices]
    levels = [level for level, _label in Training.Level.choices]
    now = timezone.now()
    with transaction.atomic():
        trainings = Training.objects.bulk_create(
            Training(
                title=f"{rng.choice(WORDS).capitalize()} en {rng.choice(WORDS)} {number}",
                summary=f"Praktisch aan de slag met {rng.choice(WORDS)} en {rng.choice(WORDS)}.",
                description=(
                    f"In deze training werk je aan {rng.choice(WORDS)}. Je oefent met je eigen "
                    "accounts en voorbeelden uit je werk, en gaat naar huis met drie dingen die "
                    "je morgen anders doet. " * 3
                ),
                format=(fmt := rng.choice(formats)),
                level=rng.choice(levels),
                language=rng.choice(["nl", "nl", "nl", "en"]),
                duration_minutes=rng.choice([45, 60, 90, 180, 240]),
                provider="internal",
                provider_name="Bench Academie",
                elearning_url="https://leren.example.com/" if fmt == "elearning" else "",
            )
            for number in range(missing)
        )
        links = []
        for training in trainings:
            for competency in rng.sample(competencies, k=min(2, len(competencies))):
                links.append(
                    TrainingCompetency(
                        training=training, competency=competency, level=rng.randint(1, 4)
                    )
                )
        Training.objects.all().refresh_search_vectors()  # bulk_create skips save()
        TrainingCompetency.objects.bulk_create(links, batch_size=5000)
        sessions = []
        for training in trainings:
            if training.format == "elearning":
                continue
            for _number in range(SESSIONS_PER_TRAINING):
                start = now + timedelta(days=rng.randint(-120, 180), hours=rng.randint(0, 8))
                sessions.append(
                    Session(
                        training=training,
                        starts_at=start,
                        ends_at=start + timedelta(minutes=training.duration_minutes),
                        location="Utrecht",
                        trainer="Bench Trainer",
                        capacity=rng.choice([4, 8, 12, 20]),
                    )
                )
        # E-learnings have no sessions; the others make up the 20,000.
        shortfall = TRAININGS * SESSIONS_PER_TRAINING - len(sessions)
        classroom = [t for t in trainings if t.format != "elearning"]
        for number in range(shortfall):
            training = classroom[number % len(classroom)]
            start = now + timedelta(days=rng.randint(1, 180))
            sessions.append(
                Session(
                    training=training,
                    starts_at=start,
                    ends_at=start + timedelta(minutes=training.duration_minutes),
                    location="Amersfoort",
                    capacity=8,
                )
            )
        sessions = Session.objects.bulk_create(sessions, batch_size=5000)
        enrolments = []
        for session in sessions:
            taken = rng.choice([0, 1, session.capacity // 2, session.capacity])
            chosen = rng.sample(people, k=min(len(people), taken + (2 if taken else 0)))
            for index, person in enumerate(chosen):
                booked = index < taken
                enrolments.append(
                    Enrolment(
                        session=session,
                        person_id=person,
                        status="booked" if booked else "waitlisted",
                        booked_at=session.starts_at - timedelta(days=10) if booked else None,
                        created_at=session.starts_at - timedelta(days=10 - index / 100),
                        attendance="present" if booked and session.ends_at < now else "unknown",
                    )
                )
            session.seats_taken = taken
        Enrolment.objects.bulk_create(enrolments, batch_size=5000)
        Session.objects.bulk_update(sessions, ["seats_taken"], batch_size=5000)
    ctx.log(
        f"trainings: {Training.objects.count()} trainings, {Session.objects.count()} sessions, "
        f"{Enrolment.objects.count()} enrolments"
    )


def pages(ctx):
    from competencies.models import Competency
    from people.models import User
    from trainings.models import CalendarToken, Session, Training

    training = Training.objects.filter(sessions__isnull=False).order_by("pk").first()
    employee = User.objects.get(email="employee@example.com")
    token, _created = CalendarToken.objects.get_or_create(person=employee)
    competency = Competency.objects.order_by("pk").first()
    session = Session.objects.filter(seats_taken__gt=2).order_by("pk").first()
    result = [
        Page("trainings: catalogue, page 1", "/trainings/"),
        Page("trainings: catalogue, page 50", "/trainings/?page=50"),
        Page(
            "trainings: catalogue, webinar + starter + seats this month",
            "/trainings/?format=webinar&level=starter&seats=on",
        ),
        Page("trainings: catalogue search 'linkedin'", "/trainings/?q=linkedin"),
        Page("trainings: a training with its sessions", f"/trainings/{training.pk}/"),
        Page("trainings: my trainings", "/trainings/mine/"),
        Page(
            "trainings: calendar feed (no sign-in)",
            f"/trainings/calendar/{token.token}.ics",
            user=None,
        ),  # fmt: skip
        Page(
            "trainings: HR sessions, page 1",
            "/trainings/hr/sessions/",
            user="hr@example.com",
            kind="list",
        ),  # fmt: skip
        Page(
            "trainings: HR attendance of a session",
            f"/trainings/hr/sessions/{session.pk}/",
            user="hr@example.com",
        ),
        Page("trainings: HR report (12 months)", "/trainings/hr/report/", user="hr@example.com"),
    ]
    if competency:
        result.insert(
            3,
            Page("trainings: catalogue by competency", f"/trainings/?competency={competency.pk}"),
        )
    return result


def measure(ctx):
    """Enrolment speed under the session's row lock: one after another, and 50 at once."""
    from django.db import connections
    from django.utils import timezone

    from people.models import User
    from trainings import services
    from trainings.models import Session, Training

    training = Training.objects.exclude(format="elearning").order_by("pk").first()
    people = list(User.objects.employees().order_by("-pk")[:250])
    crowd, queue = people[:50], people[50:]
    start = timezone.now() + timedelta(days=400)
    alone = Session.objects.create(
        training=training, starts_at=start, ends_at=start + timedelta(hours=1), capacity=100
    )
    started = time.perf_counter()
    for person in queue:
        services.enrolment_create(session=alone, person=person)
    sequential = time.perf_counter() - started

    crowded = Session.objects.create(
        training=training, starts_at=start, ends_at=start + timedelta(hours=1), capacity=10
    )
    barrier = threading.Barrier(len(crowd))

    def enrol(person):
        try:
            barrier.wait()
            services.enrolment_create(session=crowded, person=person)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=enrol, args=(p,)) for p in crowd]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    burst = time.perf_counter() - started
    crowded.refresh_from_db()
    seats = crowded.enrolments.booked().count()
    waiting = crowded.enrolments.waitlisted().count()
    for session in (alone, crowded):
        session.delete()
    return [
        f"Trainings: {len(queue)} enrolments one after another took {sequential:.2f} s "
        f"({len(queue) / sequential:.0f} per second, each with its confirmation in the outbox).",
        f"Trainings: {len(crowd)} people enrolling at once for 10 seats took {burst:.2f} s: "
        f"{seats} seats, {waiting} on the waitlist, seats_taken = {crowded.seats_taken}.",
    ]
