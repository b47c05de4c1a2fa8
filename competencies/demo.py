"""Demo data: the social-media competency framework of "Zuiderlicht", role profiles, a
finished spring cycle and an autumn cycle in progress (self-assessments done, the manager's
reviews waiting for manager@example.com), and a few colleagues in "wie weet wat".

Idempotent: everything is looked up by name first; a second run changes nothing.
"""

import datetime

from django.utils import timezone

from competencies.demo_framework import CATEGORIES, FRAMEWORK
from competencies.models import (
    AssessedLevel,
    AssessmentLine,
    Competency,
    CompetencyCategory,
    CompetencyLevel,
    ExpertiseTag,
    ExpertProfile,
    Review,
    ReviewCycle,
    RoleRequirement,
)
from hrsocial.demo import demo_day
from hrsocial.workdays import working_day_from
from people.models import Department, JobRole, User

# Role profiles: job role -> {competency (Dutch name): level}
ALL = [c[1][0] for c in FRAMEWORK]
ROLE_PROFILES = {
    "Directeur": dict.fromkeys(ALL, 3),
    "Teamleider": {**dict.fromkeys(ALL, 2), "Online communicatie": 3, "Netwerken": 3},
    "Communicatieadviseur": {
        "Online communicatie": 4,
        "Content maken": 3,
        "Netwerken": 3,
        "Digitaal samenwerken": 2,
        "Online reputatiebewustzijn": 3,
        "Privacybewustzijn": 2,
    },  # fmt: skip
    "HR-adviseur": {
        "Online communicatie": 3,
        "Netwerken": 2,
        "Digitaal samenwerken": 3,
        "Online reputatiebewustzijn": 3,
        "Privacybewustzijn": 4,
    },  # fmt: skip
    "Recruiter": {
        "Online communicatie": 3,
        "Content maken": 2,
        "Netwerken": 4,
        "Online reputatiebewustzijn": 3,
        "Privacybewustzijn": 3,
    },  # fmt: skip
    "Online marketeer": {
        "Online communicatie": 3,
        "Content maken": 4,
        "Netwerken": 2,
        "Online reputatiebewustzijn": 3,
        "Privacybewustzijn": 2,
    },  # fmt: skip
    "Contentmaker": {
        "Online communicatie": 3,
        "Content maken": 4,
        "Digitaal samenwerken": 2,
        "Online reputatiebewustzijn": 2,
        "Privacybewustzijn": 2,
    },  # fmt: skip
    "Accountmanager": {
        "Online communicatie": 2,
        "Netwerken": 3,
        "Online reputatiebewustzijn": 2,
        "Privacybewustzijn": 2,
    },  # fmt: skip
    "Klantenservicemedewerker": {
        "Online communicatie": 3,
        "Online reputatiebewustzijn": 2,
        "Privacybewustzijn": 3,
    },  # fmt: skip
    "Software developer": {"Digitaal samenwerken": 3, "Privacybewustzijn": 3},
    "Financieel adviseur": {"Digitaal samenwerken": 2, "Privacybewustzijn": 3},
}

SPRING = "Competentiegesprekken voorjaar 2026"
# (month, day) of the spring cycle's start, self-assessment deadline and end.
SPRING_DATES = [(3, 1), (3, 21), (4, 15)]
AUTUMN = "Competentiegesprekken najaar 2026"

# The spring cycle's outcome: e-mail -> {competency: (own level, manager's level)}.
SPRING_OUTCOMES = {
    "employee@example.com": {
        "Online communicatie": (3, 3),
        "Content maken": (3, 2),
        "Netwerken": (2, 2),
        "Digitaal samenwerken": (3, 3),
        "Online reputatiebewustzijn": (3, 3),
        "Privacybewustzijn": (2, 2),
    },  # fmt: skip
    "sanne.bos@example.com": {
        "Online communicatie": (3, 3),
        "Content maken": (4, 4),
        "Netwerken": (2, 2),
        "Digitaal samenwerken": (2, 2),
        "Online reputatiebewustzijn": (2, 2),
        "Privacybewustzijn": (1, 2),
    },  # fmt: skip
    "daan.mulder@example.com": {
        "Online communicatie": (4, 4),
        "Content maken": (3, 3),
        "Netwerken": (4, 3),
        "Digitaal samenwerken": (2, 2),
        "Online reputatiebewustzijn": (3, 3),
        "Privacybewustzijn": (2, 2),
    },  # fmt: skip
    "lotte.peters@example.com": {
        "Online communicatie": (2, 2),
        "Content maken": (3, 3),
        "Netwerken": (1, 1),
        "Digitaal samenwerken": (2, 2),
        "Online reputatiebewustzijn": (2, 1),
        "Privacybewustzijn": (2, 2),
    },  # fmt: skip
    "lucas.dejong@example.com": {
        "Online communicatie": (3, 3),
        "Content maken": (4, 4),
        "Netwerken": (2, 2),
        "Digitaal samenwerken": (3, 3),
        "Online reputatiebewustzijn": (3, 3),
        "Privacybewustzijn": (2, 2),
    },  # fmt: skip
}
# The example each person gives with their own level ("geef bij elk een voorbeeld"): its own
# sentence per competency and level, as real answers read, not one text for everything.
EVIDENCE = {
    "Online communicatie": {
        1: "Ik lees mee op onze LinkedIn-pagina en deel af en toe een bericht van ons.",
        2: "Ik schreef zelf over ons nieuwe klantportaal en beantwoordde de vragen eronder.",
        3: "Toen iemand kritiek had op onze wachttijden, heb ik uitgelegd waarom en het "
        "gesprek daarna telefonisch afgemaakt.",
        4: "Collega's vragen mij om mee te lezen met hun berichten; ik help ze hun eigen "
        "verhaal te vertellen.",
    },
    "Content maken": {
        1: "Ik heb een foto van onze teamdag gedeeld, met de voorbeeldtekst van Communicatie.",
        2: "Voor Instagram maak ik een andere tekst en een vierkante foto dan voor LinkedIn.",
        3: "Ik plande een maand berichten rond de open dag en maakte er twee korte video's bij.",
        4: "Mijn sjabloon voor 'een dag uit het werk van' gebruiken nu drie teams.",
    },
    "Netwerken": {
        1: "Mijn LinkedIn-profiel is bijgewerkt en ik ben verbonden met mijn directe collega's.",
        2: "Ik volg twee vakgroepen over klantcontact en deel daar soms een artikel.",
        3: "Via een vakgenoot bij een andere gemeente kreeg ik een oplossing voor ons "
        "planningsprobleem.",
        4: "Ik heb een klant en een leverancier met elkaar in contact gebracht; dat werd een "
        "gezamenlijk project.",
    },
    "Digitaal samenwerken": {
        1: "Ik lees de berichten in ons Teams-kanaal en stel daar soms een vraag.",
        2: "De weekplanning deel ik als link in Teams in plaats van als bijlage in de mail.",
        3: "Met Marketing en ICT werken we in één gedeelde groep; de afspraken staan vindbaar "
        "op de wiki.",
        4: "Ik heb de Teams-omgeving van onze afdeling ingericht en nieuwe collega's wegwijs "
        "gemaakt.",
    },
    "Online reputatiebewustzijn": {
        1: "Ik ken de tips en weet dat wat ik online zet openbaar blijft.",
        2: "Over een klantcase twijfelde ik; ik heb het eerst in de vraagbaak aan HR gevraagd.",
        3: "Ik zag een bericht over een gevoelige aanbesteding en heb Communicatie "
        "gewaarschuwd voordat het gedeeld werd.",
        4: "Tijdens de storing in het voorjaar heb ik het webcareteam geholpen met de reacties.",
    },
    "Privacybewustzijn": {
        1: "Voordat ik een foto van collega's deel, vraag ik of ze dat goed vinden.",
        2: "Ik weet welke klantgegevens ik nooit deel en heb mijn privacy-instellingen nagelopen.",
        3: "Ik heb ons aanmeldformulier zo aangepast dat we niet meer gegevens vragen dan nodig.",
        4: "In mijn team ben ik het aanspreekpunt voor privacyvragen; ik gaf de lunchsessie "
        "over de AVG.",
    },
}
# The autumn self-assessments (done; the manager's reviews are pending).
AUTUMN_SELF = {
    "employee@example.com": {
        "Online communicatie": 3,
        "Content maken": 3,
        "Netwerken": 3,
        "Digitaal samenwerken": 3,
        "Online reputatiebewustzijn": 3,
        "Privacybewustzijn": 2,
    },  # fmt: skip
    "sanne.bos@example.com": {
        "Online communicatie": 3,
        "Content maken": 4,
        "Netwerken": 2,
        "Digitaal samenwerken": 3,
        "Online reputatiebewustzijn": 2,
        "Privacybewustzijn": 2,
    },  # fmt: skip
    "daan.mulder@example.com": {
        "Online communicatie": 4,
        "Content maken": 3,
        "Netwerken": 4,
        "Digitaal samenwerken": 3,
        "Online reputatiebewustzijn": 3,
        "Privacybewustzijn": 3,
    },  # fmt: skip
}

EXPERTS = {
    "employee@example.com": (
        ["LinkedIn", "Nieuwsbrief schrijven", "Storytelling"],
        "Hulp bij je LinkedIn-profiel of een goed verhaal over je werk.",
    ),
    "sanne.bos@example.com": (
        ["TikTok", "Korte video", "Canva"],
        "Een korte video maken met je telefoon, van idee tot montage.",
    ),
    "lucas.dejong@example.com": (
        ["LinkedIn-advertenties", "Google Analytics", "A/B-testen"],
        "Campagnes op LinkedIn opzetten en meten wat ze opleveren.",
    ),
    "youssef.elamrani@example.com": (
        ["Recruitment via LinkedIn", "Employer branding"],
        "Vacatures delen zodat de juiste mensen ze zien.",
    ),
    "noor.hendriks@example.com": (
        ["Privacy-instellingen", "Teams en SharePoint"],
        "Je privacy-instellingen op orde brengen en samenwerken in Teams.",
    ),
}


def seed(ctx):
    competencies = _framework()
    _role_profiles(competencies)
    _cycles(ctx, competencies)
    _experts()
    ctx.log(
        f"competencies: {len(competencies)} competencies, {ReviewCycle.objects.count()} "
        f"review cycles, {ExpertProfile.objects.filter(is_listed=True).count()} experts"
    )


def _framework() -> dict:
    categories = {}
    for order, (name, name_en) in enumerate(CATEGORIES, start=1):
        categories[name], _created = CompetencyCategory.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "order": order}
        )
    competencies = {}
    for order, (category, names, descriptions, levels) in enumerate(FRAMEWORK, start=1):
        competency, _created = Competency.objects.get_or_create(
            name=names[0],
            defaults={
                "name_en": names[1],
                "category": categories[category],
                "description": descriptions[0],
                "description_en": descriptions[1],
                "order": order,
            },
        )
        for level, (behaviour, behaviour_en) in enumerate(levels, start=1):
            CompetencyLevel.objects.get_or_create(
                competency=competency,
                level=level,
                defaults={"behaviour": behaviour, "behaviour_en": behaviour_en},
            )
        competencies[names[0]] = competency
    return competencies


def _role_profiles(competencies) -> None:
    roles = {role.title: role for role in JobRole.objects.filter(title__in=ROLE_PROFILES)}
    for title, levels in ROLE_PROFILES.items():
        if title not in roles:
            continue
        for name, level in levels.items():
            RoleRequirement.objects.get_or_create(
                job_role=roles[title], competency=competencies[name], defaults={"level": level}
            )


def _cycles(ctx, competencies) -> None:
    today, now = timezone.localdate(), timezone.now()
    departments = list(Department.objects.filter(code__in=["COM", "MKT"]))
    people = {
        p.email: p
        for p in User.objects.filter(
            email__in=[*SPRING_OUTCOMES, *AUTUMN_SELF, "manager@example.com"]
        ).select_related("manager")
    }
    if "manager@example.com" not in people:
        return
    hr = User.objects.filter(email="hr@example.com").first()
    framework = list(Competency.objects.active().prefetch_related("levels"))

    # Past spring: March-April of this year once summer has begun, else some 7 months ago.
    if today.month > 6:
        spring_days = [datetime.date(today.year, month, day) for month, day in SPRING_DATES]
    else:
        spring_days = [today - datetime.timedelta(days=ago) for ago in (240, 220, 200)]
    # Deadlines on working days: a past one moves earlier, a future one later (see demo_day).
    starts_on, due, ends_on = (working_day_from(day, step=-1) for day in spring_days)
    spring, created = ReviewCycle.objects.get_or_create(
        name=SPRING,
        defaults={
            "starts_on": starts_on,
            "self_assessment_due": due,
            "ends_on": ends_on,
            "status": ReviewCycle.Status.CLOSED,
            "created_by": hr,
            "closed_at": timezone.make_aware(datetime.datetime.combine(ends_on, datetime.time(17))),
        },
    )
    if created:
        spring.departments.set(departments)
        for email, outcome in SPRING_OUTCOMES.items():
            person = people.get(email)
            if person:
                _reviewed(spring, person, framework, outcome)

    autumn, created = ReviewCycle.objects.get_or_create(
        name=AUTUMN,
        defaults={
            "starts_on": demo_day(-14),
            "self_assessment_due": demo_day(7),
            "ends_on": demo_day(30),
            "created_by": hr,
        },
    )
    if created:
        autumn.departments.set(departments)
        members = User.objects.employees().filter(department__in=departments)
        Review.objects.bulk_create([Review(cycle=autumn, employee=p) for p in members])
        for email, levels in AUTUMN_SELF.items():
            person = people.get(email)
            if person:
                _self_assessed(
                    autumn, person, framework, levels, at=now - datetime.timedelta(days=3)
                )


def _self_assessed(cycle, person, framework, levels, *, at) -> Review:
    review = Review.objects.get(cycle=cycle, employee=person)
    required = dict(
        RoleRequirement.objects.filter(job_role_id=person.job_role_id).values_list(
            "competency_id", "level"
        )
    )
    AssessmentLine.objects.bulk_create(
        [
            AssessmentLine(
                review=review,
                competency=competency,
                self_level=levels[competency.name],
                evidence=EVIDENCE[competency.name][levels[competency.name]],
                required_level=required.get(competency.pk),
                framework=competency.snapshot(),
            )
            for competency in framework
        ]
    )
    review.status = Review.Status.AWAITING_REVIEW
    review.self_assessed_at = at
    review.save(update_fields=["status", "self_assessed_at"])
    return review


def _reviewed(cycle, person, framework, outcome) -> None:
    review = Review.objects.create(cycle=cycle, employee=person)
    # Self-assessed on the deadline, reviewed when the cycle ended.
    self_assessed_at = timezone.make_aware(
        datetime.datetime.combine(cycle.self_assessment_due, datetime.time(10, 0))
    )
    own = {name: own for name, (own, _m) in outcome.items()}
    _self_assessed(cycle, person, framework, own, at=self_assessed_at)
    lines = list(review.lines.select_related("competency"))
    for line in lines:
        line.manager_level = outcome[line.competency.name][1]
        if line.manager_level != line.self_level:
            line.manager_comment = (
                "Ik zie dit nog niet vaak genoeg terug; laten we er samen een doel van maken."
                if line.manager_level < line.self_level
                else "Je doet meer dan je zelf denkt: dit is echt je kracht."
            )
    AssessmentLine.objects.bulk_update(lines, ["manager_level", "manager_comment"])
    reviewed_at = timezone.make_aware(
        datetime.datetime.combine(cycle.ends_on, datetime.time(10, 0))
    )
    Review.objects.filter(pk=review.pk).update(
        status=Review.Status.REVIEWED, reviewed_at=reviewed_at, reviewed_by=person.manager
    )
    for line in lines:
        AssessedLevel.objects.update_or_create(
            person=person,
            competency=line.competency,
            defaults={
                "level": line.manager_level,
                "self_level": line.self_level,
                "review": review,
                "assessed_on": cycle.ends_on,
            },
        )


def _experts() -> None:
    people = {p.email: p for p in User.objects.filter(email__in=EXPERTS)}
    for email, (tags, ask_me_about) in EXPERTS.items():
        person = people.get(email)
        if person is None or ExpertProfile.objects.filter(person=person).exists():
            continue
        profile = ExpertProfile.objects.create(
            person=person, is_listed=True, ask_me_about=ask_me_about, tags_text=", ".join(tags)
        )
        profile.tags.set(
            [
                ExpertiseTag.objects.filter(name__iexact=name).first()
                or ExpertiseTag.objects.create(name=name)
                for name in tags
            ]
        )
