"""Demo organisation: "Zuiderlicht", a Dutch energy cooperative with about 30 people."""

import datetime

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from hrsocial.demo import DEMO_PASSWORD
from people.models import HR_GROUP, HR_LEADS_GROUP, Department, JobRole, User
from people.services import email_mark_verified

DEPARTMENTS = [
    ("Directie", "DIR"),
    ("Communicatie", "COM"),
    ("HR", "HR"),
    ("ICT", "ICT"),
    ("Marketing", "MKT"),
    ("Sales", "SAL"),
    ("Klantenservice", "KS"),
    ("Financiën", "FIN"),
]
JOB_ROLES = [
    "Directeur",
    "Teamleider",
    "Communicatieadviseur",
    "HR-adviseur",
    "Recruiter",
    "Online marketeer",
    "Accountmanager",
    "Klantenservicemedewerker",
    "Software developer",
    "Financieel adviseur",
    "Contentmaker",
]

# email, full name, department code, job role, manager email, start date, kind
PEOPLE = [
    (
        "directeur@example.com",
        "Jeroen van Dijk",
        "DIR",
        "Directeur",
        None,
        "2012-03-01",
        "employee",
    ),
    (
        "manager@example.com",
        "Marieke de Vries",
        "COM",
        "Teamleider",
        "directeur@example.com",
        "2016-09-01",
        "employee",
    ),
    (
        "employee@example.com",
        "Emma Jansen",
        "COM",
        "Communicatieadviseur",
        "manager@example.com",
        "2021-02-15",
        "employee",
    ),
    (
        "sanne.bos@example.com",
        "Sanne Bos",
        "COM",
        "Contentmaker",
        "manager@example.com",
        "2022-06-01",
        "employee",
    ),
    (
        "daan.mulder@example.com",
        "Daan Mulder",
        "COM",
        "Communicatieadviseur",
        "manager@example.com",
        "2019-11-01",
        "employee",
    ),
    (
        "lotte.peters@example.com",
        "Lotte Peters",
        "COM",
        "Contentmaker",
        "manager@example.com",
        "2023-04-01",
        "employee",
    ),
    (
        "hr@example.com",
        "Hanna Bakker",
        "HR",
        "HR-adviseur",
        "directeur@example.com",
        "2015-01-05",
        "employee",
    ),
    (
        "youssef.elamrani@example.com",
        "Youssef El Amrani",
        "HR",
        "Recruiter",
        "hr@example.com",
        "2020-08-17",
        "employee",
    ),
    (
        "fleur.dekker@example.com",
        "Fleur Dekker",
        "HR",
        "HR-adviseur",
        "hr@example.com",
        "2018-05-01",
        "employee",
    ),
    (
        "bram.smits@example.com",
        "Bram Smits",
        "ICT",
        "Teamleider",
        "directeur@example.com",
        "2014-10-01",
        "employee",
    ),
    (
        "noor.hendriks@example.com",
        "Noor Hendriks",
        "ICT",
        "Software developer",
        "bram.smits@example.com",
        "2021-09-01",
        "employee",
    ),
    (
        "thijs.vos@example.com",
        "Thijs Vos",
        "ICT",
        "Software developer",
        "bram.smits@example.com",
        "2017-03-15",
        "employee",
    ),
    (
        "priya.ramdin@example.com",
        "Priya Ramdin",
        "ICT",
        "Software developer",
        "bram.smits@example.com",
        "2024-01-08",
        "employee",
    ),
    (
        "sophie.vanleeuwen@example.com",
        "Sophie van Leeuwen",
        "MKT",
        "Teamleider",
        "directeur@example.com",
        "2016-02-01",
        "employee",
    ),
    (
        "lucas.dejong@example.com",
        "Lucas de Jong",
        "MKT",
        "Online marketeer",
        "sophie.vanleeuwen@example.com",
        "2020-04-01",
        "employee",
    ),
    (
        "julia.kok@example.com",
        "Julia Kok",
        "MKT",
        "Online marketeer",
        "sophie.vanleeuwen@example.com",
        "2022-10-03",
        "employee",
    ),
    (
        "milan.brouwer@example.com",
        "Milan Brouwer",
        "MKT",
        "Contentmaker",
        "sophie.vanleeuwen@example.com",
        "2023-08-21",
        "employee",
    ),
    (
        "ruud.meijer@example.com",
        "Ruud Meijer",
        "SAL",
        "Teamleider",
        "directeur@example.com",
        "2011-06-01",
        "employee",
    ),
    (
        "eva.degraaf@example.com",
        "Eva de Graaf",
        "SAL",
        "Accountmanager",
        "ruud.meijer@example.com",
        "2019-01-14",
        "employee",
    ),
    (
        "sem.vandenberg@example.com",
        "Sem van den Berg",
        "SAL",
        "Accountmanager",
        "ruud.meijer@example.com",
        "2021-05-03",
        "employee",
    ),
    (
        "zoe.willems@example.com",
        "Zoë Willems",
        "SAL",
        "Accountmanager",
        "ruud.meijer@example.com",
        "2025-02-01",
        "employee",
    ),
    (
        "anja.koster@example.com",
        "Anja Koster",
        "KS",
        "Teamleider",
        "directeur@example.com",
        "2013-09-01",
        "employee",
    ),
    (
        "kevin.prins@example.com",
        "Kevin Prins",
        "KS",
        "Klantenservicemedewerker",
        "anja.koster@example.com",
        "2022-01-10",
        "employee",
    ),
    (
        "ilse.maas@example.com",
        "Ilse Maas",
        "KS",
        "Klantenservicemedewerker",
        "anja.koster@example.com",
        "2020-07-01",
        "employee",
    ),
    (
        "mohamed.bouzid@example.com",
        "Mohamed Bouzid",
        "KS",
        "Klantenservicemedewerker",
        "anja.koster@example.com",
        "2023-03-01",
        "employee",
    ),
    (
        "wendy.postma@example.com",
        "Wendy Postma",
        "FIN",
        "Financieel adviseur",
        "directeur@example.com",
        "2010-04-01",
        "employee",
    ),
    (
        "gijs.huisman@example.com",
        "Gijs Huisman",
        "FIN",
        "Financieel adviseur",
        "wendy.postma@example.com",
        "2018-12-01",
        "employee",
    ),
    (
        "alumni@example.com",
        "Anouk Visser",
        "COM",
        "Communicatieadviseur",
        None,
        "2014-05-01",
        "alumnus",
    ),
    ("freelancer@example.com", "Femke Smit", None, None, None, None, "freelancer"),
    ("tim.kramer@example.com", "Tim Kramer", None, None, None, None, "freelancer"),
]
ENDED = {"alumni@example.com": "2023-12-31"}
LINKS = {
    "employee@example.com": "https://www.linkedin.com/in/emma-jansen-demo",
    "manager@example.com": "https://www.linkedin.com/in/marieke-de-vries-demo",
}
BIOS = {
    "employee@example.com": "Communicatieadviseur met een zwak voor goede verhalen. Schrijft de "
    "nieuwsbrief en helpt collega's met LinkedIn.",
    "manager@example.com": "Teamleider Communicatie. Gelooft in medewerkers als ambassadeurs.",
    "hr@example.com": "HR-adviseur en vraagbaak voor alles rond sociale media.",
}

FIRST_NAMES = [
    "Anna",
    "Bas",
    "Chantal",
    "Dirk",
    "Esra",
    "Frank",
    "Gerda",
    "Hugo",
    "Inge",
    "Joost",
    "Karin",
    "Leon",
    "Mila",
]
LAST_NAMES = [
    "Aalders",
    "Boer",
    "Claassen",
    "Dijkstra",
    "Evers",
    "Franken",
    "Goossens",
    "Hoekstra",
    "Jacobs",
]


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def seed(ctx):
    departments = {}
    for name, code in DEPARTMENTS:
        departments[code], _ = Department.objects.get_or_create(code=code, defaults={"name": name})
    roles = {title: JobRole.objects.get_or_create(title=title)[0] for title in JOB_ROLES}
    password = make_password(DEMO_PASSWORD)  # one hash for all: hashing is slow on purpose

    created = 0
    for email, name, dept, role, _manager, start, kind in PEOPLE:
        person, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": name,
                "kind": kind,
                "department": departments.get(dept),
                "job_role": roles.get(role),
                "start_date": _date(start),
                "end_date": _date(ENDED.get(email)),
                "bio": BIOS.get(email, ""),
                "linkedin_url": LINKS.get(email, ""),
                "password": password,
            },
        )
        if was_created:
            created += 1
            email_mark_verified(person=person)
    by_email = {u.email: u for u in User.objects.filter(email__in=[p[0] for p in PEOPLE])}
    for email, *_rest, manager, _start, _kind in PEOPLE:
        person = by_email[email]
        if manager and person.manager_id is None:
            person.manager = by_email[manager]
            person.save(update_fields=["manager"])

    hr = by_email["hr@example.com"]
    hr.groups.add(Group.objects.get(name=HR_GROUP), Group.objects.get(name=HR_LEADS_GROUP))
    by_email["fleur.dekker@example.com"].groups.add(Group.objects.get(name=HR_GROUP))
    by_email["youssef.elamrani@example.com"].groups.add(Group.objects.get(name=HR_GROUP))
    if not hr.is_staff:
        hr.is_staff = True
        hr.save(update_fields=["is_staff"])
    _seed_second_factors([hr, *User.objects.filter(groups__name=HR_GROUP).distinct()])
    ctx.log(f"people: {created} created, {len(PEOPLE)} in the demo organisation")

    if ctx.scale > 1:
        _seed_scale(ctx, departments, roles, password)


# The demo's HR accounts sign in with a second factor (MFA_REQUIRED_FOR_HR): an authenticator
# app with this secret (README), or `manage.py demo_totp_code` for the current code.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _seed_second_factors(people) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    for person in people:
        if not Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(person, DEMO_TOTP_SECRET)


def _seed_scale(ctx, departments, roles, password):
    """Extra people for benchmarks: (scale - 1) × 30, in teams of ten under a team leader."""
    wanted = (ctx.scale - 1) * len(PEOPLE)
    existing = User.objects.filter(email__startswith="bench.").count()
    if existing >= wanted:
        return
    department_list = list(departments.values())
    role_list = list(roles.values())
    director = User.objects.get(email="directeur@example.com")
    batch, new_people = [], []
    for number in range(existing, wanted):
        first = FIRST_NAMES[number % len(FIRST_NAMES)]
        last = LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]
        batch.append(
            User(
                email=f"bench.{number:06d}@example.com",
                full_name=f"{first} {last} {number}",
                department=department_list[number % len(department_list)],
                job_role=role_list[number % len(role_list)],
                start_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=number % 3650),
                password=password,
            )
        )
        if len(batch) == 2000:
            new_people += User.objects.bulk_create(batch)
            batch = []
    new_people += User.objects.bulk_create(batch)
    # Every tenth new person leads the nine after them; team leaders report to the director.
    leaders = []
    for index, person in enumerate(new_people):
        if index % 10 == 0:
            person.manager = director
            leaders.append(person)
        else:
            person.manager = leaders[-1]
    User.objects.bulk_update(new_people, ["manager"], batch_size=2000)
    # Bulk writes send no signals: the director's cached "has reports" must be forgotten.
    from people import signed_in

    signed_in.PEOPLE.forget()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        [EmailAddress(user=p, email=p.email, verified=True, primary=True) for p in new_people],
        batch_size=2000,
    )
    ctx.log(f"people: {len(new_people)} extra people for --scale {ctx.scale}")
