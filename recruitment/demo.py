"""Demo data: the vacancies of "Zuiderlicht" — open, closed and internal ones, in Dutch.

Applications in every stage (one hired through a referral by the demo employee, whose bonus is
due), referral applications over several channels, a direct referral, and answered candidate
questions (one general for the department). Idempotent: nothing is added when the vacancies
exist already. Dates are relative to today (hrsocial.demo), never to the hour or weekday.
"""

from datetime import timedelta
from decimal import Decimal

from hrsocial.demo import demo_day, demo_moment
from people.models import Department, JobRole
from recruitment.models import (
    LONG_RETENTION,
    SHORT_RETENTION,
    Application,
    CandidateQuestion,
    Referral,
    ReferrerPreference,
    StageChange,
    Vacancy,
    email_hash,
)

DESCRIPTION = (
    "Bij Zuiderlicht vertel je het verhaal van onze energiecoöperatie: online, op de "
    "werkvloer en samen met collega's.\n\n"
    "Wat je doet:\n\n"
    "- berichten schrijven en plannen voor LinkedIn, Instagram en onze nieuwsbrief\n"
    "- collega's helpen hun eigen verhaal te delen\n"
    "- vragen van volgers beantwoorden\n"
)
REQUIREMENTS = "- hbo-werk- en denkniveau\n- je schrijft helder en met plezier\n"

VACANCIES = [
    # slug, title, department code, role, location, remote, hours, salary, status, visibility,
    # opens (days from today), closes
    ("communicatieadviseur-online", "Communicatieadviseur online", "COM", "Communicatieadviseur",
     "Utrecht", False, 32, (3400, 4700), "open", "public", -14, 30),
    ("recruiter", "Recruiter", "HR", "Recruiter", "Utrecht", False, 36, (3600, 5000), "open",
     "public", -20, 25),
    ("online-marketeer-remote", "Online marketeer (op afstand)", "MKT", "Online marketeer",
     "Utrecht", True, 24, (3200, 4200), "open", "public", -7, 40),
    ("klantenservicemedewerker", "Klantenservicemedewerker", "KS",
     "Klantenservicemedewerker", "Eindhoven", False, 28, (2600, 3200), "closed", "public", -80,
     -30),
    ("teamleider-klantenservice", "Teamleider klantenservice (intern)", "KS", "Teamleider",
     "Eindhoven", False, 36, None, "open", "internal", -5, 20),
]  # fmt: skip

CANDIDATES = [
    ("Sanne Visser", "new", "direct"),
    ("Joost Mulder", "screening", "linkedin"),
    ("Fatima el Amrani", "interview", "linkedin"),
    ("Lars de Wit", "offer", "x"),
    ("Noor Smits", "rejected", "facebook"),
    ("Bram Hendriks", "new", "whatsapp"),
    ("Lotte Vermeulen", "screening", "email"),
]
FLOW = ["new", "screening", "interview", "offer", "hired"]

# A year of earlier procedures, long since shredded by the retention task (only the stage,
# channel and dates are left): the history of insights' figures per channel.
PAST_VACANCIES = [
    # slug, title, department code, location, opens and closes (days from today)
    ("contentmaker-2025", "Contentmaker", "COM", "Utrecht", -365, -190),
    ("klantadviseur-2025", "Klantadviseur", "KS", "Eindhoven", -200, -21),
]
# The channels of the past applications in turn: most through a link shared on LinkedIn.
PAST_CHANNELS = ("linkedin", "direct", "linkedin", "whatsapp", "direct", "email", "linkedin",
                 "facebook", "direct", "linkedin", "x", "referral")  # fmt: skip


def seed(ctx):
    if Vacancy.objects.filter(slug="communicatieadviseur-online").exists():
        return
    employee = ctx.person("employee@example.com")
    ReferrerPreference.objects.get_or_create(user=employee, defaults={"show_name": True})
    vacancies = {}
    for (
        slug,
        title,
        dept,
        role,
        location,
        remote,
        hours,
        salary,
        status,
        visibility,
        opens,
        closes,
    ) in VACANCIES:
        vacancies[slug] = Vacancy.objects.create(
            slug=slug, title=title, department=Department.objects.get(code=dept),
            job_role=JobRole.objects.filter(title=role).first(), location=location,
            remote=remote, hours_per_week=hours,
            employment_type="PART_TIME" if hours < 32 else "FULL_TIME",
            salary_min=Decimal(salary[0]) if salary else None,
            salary_max=Decimal(salary[1]) if salary else None,
            description=DESCRIPTION, requirements=REQUIREMENTS, opens_on=demo_day(opens),
            closes_on=demo_day(closes), status=status, visibility=visibility,
            referral_bonus=Decimal("1000.00"),
        )  # fmt: skip
    main = vacancies["communicatieadviseur-online"]
    for n, (name, stage, channel) in enumerate(CANDIDATES):
        _application(
            main,
            name,
            stage,
            channel,
            days_ago=12 - n,
            referrer=employee if channel != "direct" else None,
        )
    # Hired through the employee's referral: the bonus is due.
    hired = _application(vacancies["klantenservicemedewerker"], "Daan Bos", "hired", "referral",
                         days_ago=60, referrer=employee)  # fmt: skip
    hired.bonus_amount = Decimal("1000.00")
    hired.bonus_due_at = demo_moment(-20, 11)
    hired.save()
    Referral.objects.create(
        vacancy=vacancies["klantenservicemedewerker"], referrer=employee, kind="direct",
        email_hash=email_hash(hired.email), name=hired.name, email=hired.email,
        created_at=demo_moment(-62, 10), application=hired,
    )  # fmt: skip
    Referral.objects.create(
        vacancy=vacancies["recruiter"], referrer=employee, kind="direct",
        email_hash=email_hash("eva.kramer@example.org"), name="Eva Kramer",
        email="eva.kramer@example.org", note="Jij bent precies wie ze zoeken!",
        created_at=demo_moment(-3, 14),
    )  # fmt: skip
    CandidateQuestion.objects.create(
        vacancy=main, name="Iris", email="iris@example.org",
        question="Kan ik deze functie ook voor 24 uur per week doen?",
        answer="Ja, 24 tot 32 uur kan. Laat in je motivatie weten wat je voorkeur heeft.",
        is_published=True, asked_at=demo_moment(-10, 9), answered_at=demo_moment(-9, 10),
    )  # fmt: skip
    CandidateQuestion.objects.create(
        vacancy=main, email="vraag@example.org",
        question="Hoe vaak werken jullie op kantoor?",
        answer="Twee dagen per week op kantoor in Utrecht, de rest mag thuis.",
        is_general=True, is_published=True, asked_at=demo_moment(-8, 9),
        answered_at=demo_moment(-8, 15),
    )  # fmt: skip
    CandidateQuestion.objects.create(
        vacancy=vacancies["recruiter"], email="anoniem@example.org",
        question="Is er een leaseauto bij deze functie?", asked_at=demo_moment(-1, 9),
    )  # fmt: skip
    _past_procedures()
    ctx.log(f"{len(vacancies)} vacancies, {Application.objects.count()} applications")


def _past_procedures():
    """Past vacancies with applications from a year to two months ago, one or two a day on a
    fixed rhythm (from the offset to today, never the weekday or season): every seventh hired
    after 25 days, the rest rejected after 14, all shredded four weeks after the end."""
    past = []
    for slug, title, dept, location, opens, closes in PAST_VACANCIES:
        past.append(Vacancy.objects.create(
            slug=slug, title=title, department=Department.objects.get(code=dept),
            location=location, hours_per_week=32, employment_type="FULL_TIME",
            salary_min=Decimal("3000.00"), salary_max=Decimal("4000.00"),
            description=DESCRIPTION, requirements=REQUIREMENTS, opens_on=demo_day(opens),
            closes_on=demo_day(closes), status=Vacancy.Status.FILLED,
            visibility=Vacancy.Visibility.PUBLIC,
        ))  # fmt: skip
    rows, n = [], 0
    for days_ago in range(364, 60, -1):
        vacancy = next(
            (v for v, (*_r, opens, closes) in zip(past, PAST_VACANCIES, strict=True)
             if opens <= -days_ago <= closes),
            None,
        )  # fmt: skip
        if vacancy is None:
            continue
        for hour in (10, 15)[: 1 + (days_ago % 3 == 0)]:
            created = demo_moment(-days_ago, hour)
            hired = n % 7 == 0
            ended = created + timedelta(days=25 if hired else 14)
            rows.append(Application(
                vacancy=vacancy, stage="hired" if hired else "rejected",
                channel=PAST_CHANNELS[n % len(PAST_CHANNELS)], created_at=created,
                stage_changed_at=ended, ended_at=ended, delete_after=ended + timedelta(days=28),
                shredded_at=ended + timedelta(days=28),
            ))  # fmt: skip
            n += 1
    Application.objects.bulk_create(rows, batch_size=500)


def _application(vacancy, name, stage, channel, *, days_ago, referrer=None):
    created = demo_moment(-days_ago - 3, 10)
    email = name.lower().replace(" ", ".") + "@example.org"
    application = Application.objects.create(
        vacancy=vacancy, name=name, email=email, phone="0612345678",
        motivation="Ik volg jullie al een tijd op LinkedIn en wil graag bijdragen.",
        stage=stage, channel=channel, referrer=referrer, created_at=created,
        stage_changed_at=created, referral_code="" if channel in ("direct", "referral") else "demo",
    )  # fmt: skip
    path = FLOW[: FLOW.index(stage) + 1] if stage in FLOW else ["new", "screening", stage]
    for step, value in enumerate(path):
        at = demo_moment(-days_ago - 3 + step, 11)
        StageChange.objects.create(application=application, stage=value, at=at)
        application.stage_changed_at = at
    if stage in Application.ENDED:
        application.ended_at = application.stage_changed_at
        retention = LONG_RETENTION if application.long_retention else SHORT_RETENTION
        application.delete_after = application.ended_at + retention
    application.save()
    return application
