"""The helpdesk at the scale we compare with other helpdesks.

10,000 people (seed_demo --scale 334) of whom 50 HR staff, 5 categories, and a year of
questions (HELPDESK_BENCH_QUESTIONS, default 100,000) with 2 messages each: 40 % still open,
90 % assigned, some anonymous and some confidential. Seeded with bulk inserts; PostgreSQL's
trigger fills the search vectors. Pages: the HR queue (first page, all statuses, a search), a
question page, the ask form and its suggestions.

    HELPDESK_BENCH_QUESTIONS=1000 BENCH_REDIS=redis://127.0.0.1:6379/2 [HELPDESK_BENCH_RESEED=1] \
        .venv/bin/python bench/run.py --only helpdesk --database hrsocial_bench_helpdesk \
        --port 8772 --no-fanout --duration 5
"""

import datetime
import os
import random
import re
import time

from bench.common import Page

HR_STAFF = 50
MESSAGES_PER_QUESTION = 2
BATCH = 5_000
HR_EMAIL = "hr@example.com"
EMPLOYEE_EMAIL = "employee@example.com"

TOPICS = [
    ("tweeten over het nieuwe project", "Ik werk aan het zonnepark en wil er graag over tweeten."),
    ("een klant noemen op LinkedIn", "Mag ik De Linde bedanken en taggen in een post?"),
    ("reageren op een negatieve review", "Op Google staat een boze review over een monteur."),
    ("foto's van klantlocaties delen", "Een collega plaatst foto's met huisnummers op Instagram."),
    ("vacatures delen in een Facebookgroep", "Ik zit in een groep voor technici uit de regio."),
    ("ons logo in mijn profielfoto gebruiken", "Ik wil het logo op de achtergrond van mijn foto."),
    ("een blog over mijn werk schrijven", "Ik wil maandelijks schrijven over de energietransitie."),
    (
        "sociale media onder werktijd gebruiken",
        "Hoeveel tijd mag ik er onder werktijd aan besteden?",
    ),
    ("kritiek op het thuiswerkbeleid posten", "Ik ben het er niet mee eens en wil dat zeggen."),
    (
        "interne cijfers delen met een oud-collega",
        "Een oud-collega vraagt via WhatsApp naar cijfers.",
    ),
]
OPENINGS = ["Mag ik", "Kan ik", "Hoe zit het met", "Vraag over", "Is het goed om"]
# Clients and places make the words of a year of questions as varied as real ones: searching
# for one client finds a few hundred questions, not a tenth of them.
CLIENT_KINDS = ["Woonstichting", "Energiecoöperatie", "Gemeente", "Zorggroep", "Scholengroep",
                "Installatiebedrijf", "Netbeheerder", "Waterschap"]  # fmt: skip
CLIENT_NAMES = [
    "De Linde", "Zonnedael", "Het Baken", "Noorderlicht", "Waterland", "De Kempen",
    "Rivierenland", "Duinstreek", "Parkstad", "Het Gooi", "Achterhoek", "Veluwezoom",
    "Westerkwartier", "De Peel", "Salland", "Twentewind", "Kennemerland", "Alblasserwaard",
    "Zeeuwse Eilanden", "Drechtsteden", "Biesbosch", "Krimpenerwaard", "Hoeksche Waard",
    "Lingewaard", "Betuwe", "Liemers", "Vechtdal", "Drentsche Aa", "Fivelingo", "Hunzedal",
    "Eemland", "Vijfheerenlanden", "Langstraat", "Meierij", "Baronie", "Markiezaat",
    "Oostergo", "Westergo", "Zevenwouden", "Noordkop", "West-Friesland", "Waterlandse Zee",
    "Zaanstreek", "Amstelland", "Rijnwoude", "Groene Hart", "Heuvelland", "Maasvallei",
    "Geuldal", "Roerdal",
]  # fmt: skip
STATUS_WEIGHTS = [("new", 10), ("open", 20), ("waiting", 10), ("answered", 25), ("closed", 35)]


def wanted_questions() -> int:
    return int(os.environ.get("HELPDESK_BENCH_QUESTIONS", "100000"))


def seed(ctx):
    from django.db import connection, transaction

    from helpdesk.models import Question

    wanted = wanted_questions()
    reseed = os.environ.get("HELPDESK_BENCH_RESEED") == "1"
    if Question.objects.count() == wanted and not reseed:
        ctx.log(f"helpdesk: {wanted} questions already there")
        return
    started = time.monotonic()
    staff = _hr_staff()
    categories = _categories()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE helpdesk_faqentry SET source_question_id = NULL")
            for table in ("helpdesk_message", "helpdesk_attachment", "helpdesk_rating",
                          "helpdesk_question_related_guidelines", "helpdesk_question"):  # fmt: skip
                cursor.execute(f"DELETE FROM {table}")
        _bulk_questions(wanted, staff, categories)
    # A table in use is vacuumed by autovacuum: merge the search index's pending entries now,
    # or the first searches would measure a freshly bulk-loaded index.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE helpdesk_question")
    from helpdesk.queue import COUNTS

    COUNTS.forget()
    ctx.log(
        f"helpdesk: {wanted} questions, {wanted * MESSAGES_PER_QUESTION} messages, "
        f"{len(staff)} HR staff, {len(categories)} categories in {time.monotonic() - started:.0f} s"
    )


def _hr_staff():
    from django.contrib.auth.models import Group

    from people.models import HR_GROUP, User

    group = Group.objects.get(name=HR_GROUP)
    staff = list(User.objects.hr_staff().order_by("pk"))
    if len(staff) < HR_STAFF:
        extra = list(
            User.objects.employees()
            .exclude(pk__in=[p.pk for p in staff])
            .exclude(email=EMPLOYEE_EMAIL)
            .order_by("pk")[: HR_STAFF - len(staff)]
        )
        group.user_set.add(*extra)
        staff += extra
    return staff


def _categories():
    from helpdesk.models import Category

    categories = list(Category.objects.order_by("pk")[:5])
    for number in range(len(categories), 5):
        categories.append(Category.objects.create(name=f"Bench-categorie {number}"))
    return categories


def _bulk_questions(wanted, staff, categories):
    from django.utils import timezone

    from helpdesk.anonymity import mailbox_for
    from helpdesk.models import Message, Question
    from helpdesk.sla import working_calendar
    from people.models import User

    rng = random.Random(2026)
    calendar = working_calendar()
    now = timezone.now()
    askers = list(User.objects.employees().values_list("pk", flat=True))
    statuses = [s for s, weight in STATUS_WEIGHTS for _ in range(weight)]
    targets = {}
    for start in range(0, wanted, BATCH):
        questions = []
        for _number in range(start, min(start + BATCH, wanted)):
            created = now - datetime.timedelta(seconds=rng.randrange(365 * 24 * 3600))
            category = rng.choice(categories)
            key = (created.replace(minute=0, second=0, microsecond=0), category.response_hours)
            if key not in targets:
                targets[key] = calendar.target(key[0], category.response_hours)
            warn_at, due_at = targets[key]
            status = rng.choice(statuses)
            anonymous = rng.random() < 0.1
            asker = rng.choice(askers)
            responded = status in ("waiting", "answered", "closed") or (
                status == "open" and rng.random() < 0.5
            )
            answer = min(created + datetime.timedelta(hours=rng.randrange(1, 60)), now)
            topic, body = rng.choice(TOPICS)
            client = f"{rng.choice(CLIENT_KINDS)} {rng.choice(CLIENT_NAMES)}"
            questions.append(
                Question(
                    subject=f"{rng.choice(OPENINGS)} {topic}?",
                    body=f"{body} Het gaat om {client}.",
                    category=category,
                    asker_id=None if anonymous else asker,
                    is_anonymous=anonymous,
                    asker_mailbox=mailbox_for(_Person(asker)) if anonymous else "",
                    is_confidential=rng.random() < 0.03,
                    status=status,
                    assignee=rng.choice(staff) if rng.random() < 0.9 else None,
                    created_at=created,
                    response_warn_at=warn_at,
                    response_due_at=due_at,
                    first_responded_at=answer if responded else None,
                    last_reply_at=answer if responded else None,
                    asker_seen_at=answer if responded else created,
                    waiting_since=answer if status == "waiting" else None,
                    closed_at=answer if status == "closed" else None,
                    sla_warned_at=now,
                    sla_breach_reported_at=now,
                )
            )
        Question.objects.bulk_create(questions, batch_size=1000)
        messages = []
        for question in questions:
            if question.first_responded_at:
                messages.append(Message(question=question, kind="reply",
                                        author_id=question.assignee_id,
                                        body="Dat mag, zolang je geen klantnamen noemt.",
                                        created_at=question.first_responded_at))  # fmt: skip
            else:
                messages.append(Message(question=question, kind="asker",
                                        author_id=question.asker_id, body="Nog een aanvulling.",
                                        created_at=question.created_at))  # fmt: skip
            messages.append(Message(question=question, kind="note", author_id=question.assignee_id,
                                    body="Even overleggen met Communicatie.",
                                    created_at=question.created_at))  # fmt: skip
        Message.objects.bulk_create(messages, batch_size=2000)


class _Person:
    """Just enough of a user for mailbox_for()."""

    is_authenticated = True

    def __init__(self, pk):
        self.pk = pk


def _sample_question():
    from helpdesk.models import Question

    return (
        Question.objects.filter(is_confidential=False, status="open")
        .order_by("-created_at")
        .values_list("reference", flat=True)
        .first()
    )


def pages(ctx):
    question = _sample_question()
    return [
        # A fragment without queries (the suggestions for an empty subject): session, user and
        # middleware without the layout.
        Page(
            "empty fragment (employee)",
            "/helpdesk/ask/suggestions/?subject=",
            user=EMPLOYEE_EMAIL,
            kind="reference",
        ),
        Page("helpdesk queue, first page (HR)", "/helpdesk/queue/", user=HR_EMAIL, kind="list"),
        Page(
            "helpdesk queue, all statuses (HR)",
            "/helpdesk/queue/?status=",
            user=HR_EMAIL,
            kind="list",
        ),  # fmt: skip
        Page(
            "helpdesk queue search (HR)",
            "/helpdesk/queue/?q=klant&status=",
            user=HR_EMAIL,
            kind="list",
        ),  # fmt: skip
        Page(
            "helpdesk queue search, best match (HR)",
            "/helpdesk/queue/?q=zonnedael&status=&sort=relevance",
            user=HR_EMAIL,
            kind="list",
        ),
        Page("helpdesk question page (HR)", f"/helpdesk/queue/{question}/", user=HR_EMAIL),
        Page("helpdesk ask form (employee)", "/helpdesk/ask/", user=EMPLOYEE_EMAIL),
        Page(
            "helpdesk suggestions while typing",
            "/helpdesk/ask/suggestions/?subject=klant+noemen",
            user=EMPLOYEE_EMAIL,
        ),
        Page("helpdesk FAQ", "/helpdesk/faq/?q=klant", user=EMPLOYEE_EMAIL),
    ]


def measure(ctx):
    """The plans behind the queue: the search answers from the GIN index, the first page from
    the newest-first index (EXPLAIN ANALYZE, as the HR lead sees it)."""
    from django.db import connection

    from helpdesk.models import Question
    from helpdesk.queue import filtered, queue_questions, searched
    from people.models import User

    hr = User.objects.get(email=HR_EMAIL)
    lines = [f"Helpdesk: {Question.objects.count():,} questions.".replace(",", " ")]
    for label, values in (
        ("queue search “klant”, newest first", {"q": "klant", "status": ""}),
        (
            "queue search “zonnedael”, best match",
            {"q": "zonnedael", "status": "", "sort": "relevance"},
        ),
        ("queue first page", {"status": "active"}),
    ):
        if values.get("sort") == "relevance":  # ranked on the question table, as the page does
            queryset = searched(filtered(hr, values), values["q"]).values_list("pk")[:26]
        else:
            queryset = queue_questions(hr, values)[:26]
        plan = queryset.explain(analyze=True)
        used = sorted(
            set(re.findall(r"Index (?:Only )?Scan(?: Backward)? (?:using|on) (\w+)", plan))
        )
        timing = next((ln.strip() for ln in plan.splitlines() if "Execution Time" in ln), "")
        lines.append(f"- {label}: indexes used {', '.join(used) or 'none'}; {timing}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_relation_size('helpdesk_question_search'))")
            lines.append(f"- search index size: {cursor.fetchone()[0]}")
    return lines
