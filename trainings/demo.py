"""Demo data: the training offer of "Zuiderlicht" — not one size fits all.

A Dutch catalogue in every format and level (LinkedIn for beginners, writing for social
media, personal branding, social recruiting, privacy, Teams and Yammer, video, webcare…),
each linked to the demo competency framework; past sessions with attendance and feedback,
upcoming ones with free seats, and full ones with a waitlist; the self-scan's statements.
For the demo accounts: the employee has a confirmed session, a proposal from her manager,
a feedback request and a paid training waiting for the manager's approval.

Idempotent: a training's sessions and people are only added when the training itself is new,
so a second run (on any day) changes nothing.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from competencies.api import Competency
from hrsocial.demo import demo_moment
from people.models import Department, JobRole, User
from trainings import services
from trainings.models import Enrolment, Proposal, ScanQuestion, Session, Training

F = Training.Format
L = Training.Level

# title, title_en, summary, format, level, language, minutes, provider name, cost (None for an
# internal training), competencies {name: level}, audience (departments, job roles), e-learning
CATALOGUE = [
    (
        "LinkedIn voor beginners",
        "LinkedIn for beginners",
        "Een profiel dat klopt, een netwerk dat werkt en je eerste eigen bericht: in één "
        "middag, met je eigen laptop.",
        F.CLASSROOM, L.STARTER, "nl", 180, "HR en Communicatie", None,
        {"Online communicatie": 2, "Netwerken": 2}, ([], []), "",
    ),
    (
        "LinkedIn in je eigen tempo",
        "LinkedIn at your own pace",
        "Vijf korte video's met opdrachten: profiel, netwerk, berichten, groepen en "
        "privacy-instellingen.",
        F.ELEARNING, L.STARTER, "nl", 45, "LinkedIn Learning", Decimal("0"),
        {"Online communicatie": 2}, ([], []), "https://www.linkedin.com/learning/",
    ),
    (
        "Schrijven voor sociale media",
        "Writing for social media",
        "Kort, persoonlijk en met het waarom erbij: zo schrijf je berichten die gelezen en "
        "gedeeld worden.",
        F.WEBINAR, L.ADVANCED, "nl", 90, "Team Communicatie", None,
        {"Content maken": 3, "Online communicatie": 3}, ([], []), "",
    ),
    (
        "Personal branding: jouw verhaal online",
        "Personal branding: your story online",
        "Ontdek waar je voor staat en laat dat zien, zonder op te scheppen. Met een "
        "fotograaf voor een nieuwe profielfoto.",
        F.CLASSROOM, L.ADVANCED, "nl", 360, "Merkwaardig Trainingen", Decimal("395.00"),
        {"Online reputatiebewustzijn": 3, "Netwerken": 3}, ([], []), "",
    ),
    (
        "Social recruiting",
        "Social recruiting",
        "Vacatures delen die gezien worden: met je persoonlijke link, de juiste groepen en "
        "een bericht dat kandidaten aanspreekt.",
        F.CLASSROOM, L.ADVANCED, "nl", 180, "HR", None,
        {"Netwerken": 3}, (["HR"], ["Teamleider"]), "",
    ),
    (
        "Privacy en sociale media",
        "Privacy and social media",
        "Wat deel je wel en niet over klanten, collega's en jezelf? Een lunchsessie met de "
        "privacy officer, met echte voorbeelden.",
        F.LUNCH, L.STARTER, "nl", 45, "Privacy officer", None,
        {"Privacybewustzijn": 2, "Online reputatiebewustzijn": 2}, ([], []), "",
    ),
    (
        "Privacy in 20 minuten",
        "Privacy in 20 minutes",
        "De belangrijkste AVG-regels voor sociale media, in twintig minuten en tien vragen.",
        F.ELEARNING, L.STARTER, "nl", 20, "Zuiderlicht Academie", None,
        {"Privacybewustzijn": 2}, ([], []), "https://academie.example.com/privacy-20",
    ),
    (
        "Samenwerken in Teams en Yammer",
        "Collaborating in Teams and Yammer",
        "Minder mail, meer overzicht: kanalen, bestanden en vragen aan HR op één plek.",
        F.WEBINAR, L.STARTER, "nl", 60, "ICT", None,
        {"Digitaal samenwerken": 2}, ([], []), "",
    ),
    (
        "Slim samenwerken in Teams voor gevorderden",
        "Smart collaboration in Teams, advanced",
        "Je team inrichten in Teams: afspraken over kanalen, notificaties en "
        "vakkennis delen.",
        F.CLASSROOM, L.ADVANCED, "nl", 150, "ICT", None,
        {"Digitaal samenwerken": 3}, ([], ["Teamleider"]), "",
    ),
    (
        "Video maken met je telefoon",
        "Making video with your phone",
        "Licht, geluid en een verhaal van zestig seconden: een korte video over je werk.",
        F.CLASSROOM, L.ADVANCED, "nl", 240, "Team Communicatie", None,
        {"Content maken": 3}, ([], []), "",
    ),
    (
        "Webcare: het gesprek aangaan bij kritiek",
        "Webcare: engaging when criticised",
        "Persoonlijke coaching op echte situaties: luisteren, reageren en weten wanneer je "
        "het gesprek offline voortzet.",
        F.COACHING, L.EXPERT, "nl", 90, "Webcare Academie", Decimal("250.00"),
        {"Online communicatie": 4, "Online reputatiebewustzijn": 4},
        (["Klantenservice", "Communicatie"], []), "",
    ),
    (
        "Thought leadership on LinkedIn",
        "Thought leadership on LinkedIn",
        "For experts who want to share their knowledge with peers and clients (in English).",
        F.WEBINAR, L.EXPERT, "en", 75, "Social Media Academy", Decimal("149.00"),
        {"Online communicatie": 4, "Netwerken": 4}, ([], []), "",
    ),
    (
        "Netwerken op LinkedIn voor accountmanagers",
        "Networking on LinkedIn for account managers",
        "Klanten en vakgenoten vinden, volgen en spreken: social selling zonder te verkopen.",
        F.CLASSROOM, L.ADVANCED, "nl", 180, "Sales en HR", None,
        {"Netwerken": 3}, (["Sales"], ["Accountmanager"]), "",
    ),
]  # fmt: skip

# The English summaries, by Dutch title.
SUMMARIES_EN = {
    "LinkedIn voor beginners": "A profile that is right, a network that works and your first "
    "post of your own: in one afternoon, with your own laptop.",
    "LinkedIn in je eigen tempo": "Five short videos with exercises: profile, network, posts, "
    "groups and privacy settings.",
    "Schrijven voor sociale media": "Short, personal and with the why: how to write posts that "
    "are read and shared.",
    "Personal branding: jouw verhaal online": "Find out what you stand for and show it, without "
    "bragging. With a photographer for a new profile picture.",
    "Social recruiting": "Sharing vacancies that are seen: with your personal link, the right "
    "groups and a post that speaks to candidates.",
    "Privacy en sociale media": "What do you share, and not share, about clients, colleagues "
    "and yourself? A lunch session with the privacy officer, with real examples.",
    "Privacy in 20 minuten": "The main GDPR rules for social media, in twenty minutes and ten "
    "questions.",
    "Samenwerken in Teams en Yammer": "Less e-mail, more overview: channels, files and questions "
    "to HR in one place.",
    "Slim samenwerken in Teams voor gevorderden": "Setting up your team in Teams: agreements on "
    "channels, notifications and sharing expertise.",
    "Video maken met je telefoon": "Light, sound and a sixty-second story: a short video about "
    "your work.",
    "Webcare: het gesprek aangaan bij kritiek": "Personal coaching on real situations: "
    "listening, responding and knowing when to continue the conversation offline.",
    "Thought leadership on LinkedIn": "For experts who want to share their knowledge with peers "
    "and clients (in English).",
    "Netwerken op LinkedIn voor accountmanagers": "Finding, following and talking to clients "
    "and peers: social selling without selling.",
}

# Self-scan statements: competency, (Dutch, English)
STATEMENTS = [
    ("Online communicatie",
     ("Ik reageer zelf op vragen en reacties onder berichten van ons bedrijf.",
      "I answer questions and comments under our company's posts myself.")),
    ("Online communicatie",
     ("Ik kan in een bericht uitleggen waarom we iets doen, niet alleen wat.",
      "In a post I can explain why we do something, not only what.")),
    ("Content maken",
     ("Ik maak zelf een bericht met een passende foto of afbeelding.",
      "I make a post with a fitting photo or image myself.")),
    ("Content maken",
     ("Ik kan een korte video over mijn werk maken en delen.",
      "I can make and share a short video about my work.")),
    ("Netwerken",
     ("Mijn LinkedIn-profiel is actueel en laat zien wat ik doe.",
      "My LinkedIn profile is up to date and shows what I do.")),
    ("Netwerken",
     ("Ik leg online contact met vakgenoten en klanten buiten mijn eigen kring.",
      "I connect online with peers and clients beyond my own circle.")),
    ("Digitaal samenwerken",
     ("Ik stel mijn vragen in een Teams-kanaal in plaats van per mail.",
      "I ask my questions in a Teams channel instead of by e-mail.")),
    ("Digitaal samenwerken",
     ("Ik deel documenten met een link in plaats van als bijlage.",
      "I share documents with a link instead of as an attachment.")),
    ("Online reputatiebewustzijn",
     ("Ik weet wat ik doe als iemand online kritiek heeft op ons.",
      "I know what to do when someone criticises us online.")),
    ("Online reputatiebewustzijn",
     ("Ik denk na over hoe een bericht overkomt voordat ik het plaats.",
      "I think about how a post comes across before I publish it.")),
    ("Privacybewustzijn",
     ("Ik weet welke informatie over klanten ik nooit online zet.",
      "I know which information about clients I never put online.")),
    ("Privacybewustzijn",
     ("Ik heb mijn privacy-instellingen op sociale media bewust gekozen.",
      "I chose my privacy settings on social media deliberately.")),
]  # fmt: skip

# Per training: (days from today, hour, capacity, participants). A negative day is a past
# session (attendance registered, feedback given); more people than seats means a waitlist.
# Sessions fall on working days (`demo_moment` moves a week-end or holiday up to four days
# away from today), so the oldest stays well inside the feedback window (FEEDBACK_OPEN_FOR,
# 60 days), and no session is today: the demo is the same at 08:59 and at 23:30.
SESSIONS = {
    "LinkedIn voor beginners": [
        (-40, 13, 10, ["sanne.bos", "lotte.peters", "kevin.prins", "ilse.maas", "zoe.willems",
                       "mohamed.bouzid", "priya.ramdin"]),
        (9, 13, 6, ["daan.mulder", "julia.kok", "sem.vandenberg", "noor.hendriks",
                    "milan.brouwer", "thijs.vos", "eva.degraaf", "fleur.dekker", "lucas.dejong"]),
        (37, 9, 12, ["youssef.elamrani"]),
    ],
    "Schrijven voor sociale media": [
        (-21, 10, 20, ["sanne.bos", "daan.mulder", "julia.kok", "lucas.dejong", "lotte.peters"]),
        (16, 10, 20, ["milan.brouwer", "kevin.prins"]),
    ],
    "Personal branding: jouw verhaal online": [(23, 9, 8, ["sem.vandenberg", "eva.degraaf"])],
    "Social recruiting": [
        (-50, 13, 12, ["youssef.elamrani", "fleur.dekker"]),
        (30, 13, 12, []),
    ],
    "Privacy en sociale media": [
        (-14, 12, 25, ["noor.hendriks", "thijs.vos", "ilse.maas", "kevin.prins", "wendy.postma",
                       "mohamed.bouzid"]),
        (5, 12, 25, ["employee", "sanne.bos", "zoe.willems"]),
    ],
    "Samenwerken in Teams en Yammer": [
        (-6, 10, 30, ["employee", "daan.mulder", "lotte.peters", "priya.ramdin", "gijs.huisman"]),
        (26, 10, 30, []),
    ],
    "Slim samenwerken in Teams voor gevorderden": [(19, 13, 10, ["bram.smits"])],
    "Video maken met je telefoon": [
        (12, 9, 4, ["lotte.peters", "milan.brouwer", "julia.kok", "sanne.bos", "lucas.dejong",
                    "daan.mulder"]),
    ],
    "Webcare: het gesprek aangaan bij kritiek": [(8, 15, 1, ["anja.koster"])],
    "Thought leadership on LinkedIn": [(33, 16, 40, [])],
    "Netwerken op LinkedIn voor accountmanagers": [
        (-30, 9, 8, ["eva.degraaf", "sem.vandenberg", "ruud.meijer"]),
        (44, 9, 8, ["zoe.willems"]),
    ],
}  # fmt: skip
FEEDBACK = [
    (5, "Eindelijk snap ik hoe ik mijn netwerk opbouw. Veel praktische tips!"),
    (4, "Goede middag, wel wat kort voor alle vragen die we hadden."),
    (4, "Fijn dat we meteen met ons eigen profiel aan de slag gingen."),
    (5, "Heel herkenbare voorbeelden uit ons eigen werk."),
    (3, "Voor mij was het grotendeels bekend; een gevorderde variant zou mooi zijn."),
    (4, ""),
    (5, "De trainer nam de tijd voor iedereen."),
]


def seed(ctx):
    people = _people()
    competencies = {c.name: c for c in Competency.objects.all()}
    created = 0
    for row in CATALOGUE:
        training, is_new = _training(row, competencies)
        if is_new:
            created += 1
            _sessions(training, people)
    _statements(competencies)
    _demo_accounts(people)
    ctx.log(
        f"trainings: {Training.objects.count()} trainings ({created} new), "
        f"{Session.objects.count()} sessions, {Enrolment.objects.count()} enrolments, "
        f"{ScanQuestion.objects.count()} self-scan statements"
    )


def _people() -> dict:
    """Demo people by the part of their address before the @."""
    return {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith="@example.com", is_active=True)
    }


def _training(row, competencies):
    (title, title_en, summary, format_, level, language, minutes, provider_name, cost,
     develops, (departments, roles), url) = row  # fmt: skip
    summary_en = SUMMARIES_EN[title]
    english = {
        "title_en": title_en,
        "summary_en": summary_en,
        "description_en": _description_en(summary_en, develops, competencies),
    }
    training, is_new = Training.objects.get_or_create(
        title=title,
        defaults={
            **english,
            "summary": summary,
            "description": _description(develops),
            "format": format_,
            "level": level,
            "language": language,
            "duration_minutes": minutes,
            "provider": Training.Provider.INTERNAL if cost is None else Training.Provider.EXTERNAL,
            "provider_name": provider_name,
            "cost": cost or 0,
            "elearning_url": url,
        },
    )
    # A demo seeded before the English texts existed gets them too.
    Training.objects.filter(pk=training.pk, summary_en="").update(**english)
    if is_new:
        training.departments.set(Department.objects.filter(name__in=departments))
        training.job_roles.set(JobRole.objects.filter(title__in=roles))
        for name, to_level in develops.items():
            if name in competencies:
                training.competency_links.create(competency=competencies[name], level=to_level)
    return training, is_new


def _description(develops: dict) -> str:
    """The page shows the summary above the description: the description does not repeat it."""
    skills = ", ".join(name.lower() for name in develops)
    return (
        "**Wat je leert**\n\n"
        f"- Je werkt aan: {skills}.\n"
        "- Je gaat aan de slag met je eigen accounts en voorbeelden uit je eigen werk.\n"
        "- Je gaat naar huis met drie dingen die je morgen anders doet.\n\n"
        "Sociale media zijn geen 'one size fits all': twijfel je of dit je niveau is? Doe "
        "eerst de zelfscan."
    )


def _description_en(summary: str, develops: dict, competencies: dict) -> str:
    skills = ", ".join(
        (competencies[name].name_en or name).lower() for name in develops if name in competencies
    )
    return (
        f"{summary}\n\n"
        "**What you learn**\n\n"
        f"- You work on: {skills}.\n"
        "- You work with your own accounts and examples from your own work.\n"
        "- You go home with three things you will do differently tomorrow.\n\n"
        "Social media are not 'one size fits all': not sure this is your level? Take the "
        "self-scan first."
    )


def _sessions(training, people) -> None:
    hr = people.get("hr")
    for days, hour, capacity, names in SESSIONS.get(training.title, []):
        start = demo_moment(days, hour)
        session = Session.objects.create(
            training=training,
            starts_at=start,
            ends_at=start + timedelta(minutes=training.duration_minutes),
            location="Online (Teams)"
            if training.format == F.WEBINAR
            else "Zuiderlicht, Utrecht – zaal De Dynamo",
            online_url="https://teams.example.com/meet/zuiderlicht"
            if training.format == F.WEBINAR
            else "",
            trainer="Hanna Bakker" if training.provider == "internal" else training.provider_name,
            capacity=capacity,
        )
        participants = [people[name] for name in names if name in people]
        if days > 0:
            for person in participants:
                services.enrolment_create(session=session, person=person)
        else:
            _past(session, participants, hr)


def _past(session, participants, hr) -> None:
    """A session that took place: seats, attendance (one no-show), and feedback."""
    for person in participants[: session.capacity]:
        Enrolment.objects.create(
            session=session,
            person=person,
            status=Enrolment.Status.BOOKED,
            booked_at=session.starts_at - timedelta(days=14),
            created_at=session.starts_at - timedelta(days=14),
            reminded_at=session.starts_at - timedelta(days=1),
            feedback_requested_at=session.ends_at + timedelta(hours=1),
        )
    session.seats_taken = min(len(participants), session.capacity)
    session.save(update_fields=["seats_taken"])
    enrolments = list(session.enrolments.booked().select_related("person"))
    attendance = {
        e.pk: Enrolment.Attendance.NO_SHOW if index == 2 else Enrolment.Attendance.PRESENT
        for index, e in enumerate(enrolments)
    }
    # The employee's past session waits for her feedback; others answered.
    services.attendance_register(session=session, registered_by=hr, attendance=attendance)
    for index, enrolment in enumerate(enrolments):
        if attendance[enrolment.pk] != Enrolment.Attendance.PRESENT:
            continue
        if enrolment.person.email == "employee@example.com":
            continue
        rating, comment = FEEDBACK[index % len(FEEDBACK)]
        services.feedback_give(
            person=enrolment.person,
            training=session.training,
            session=session,
            rating=rating,
            comment=comment,
        )


def _statements(competencies) -> None:
    for order, (name, (text, text_en)) in enumerate(STATEMENTS, start=1):
        if name in competencies:
            ScanQuestion.objects.get_or_create(
                text=text,
                defaults={"competency": competencies[name], "text_en": text_en, "order": order},
            )


def _demo_accounts(people) -> None:
    """The employee's home page: a proposal from her manager and a paid training that waits
    for the manager's approval (so the manager's home page has a request too)."""
    employee, manager = people.get("employee"), people.get("manager")
    if not employee or not manager or employee.manager_id != manager.pk:
        return
    writing = Training.objects.filter(title="Schrijven voor sociale media").first()
    if writing and not Proposal.objects.filter(training=writing, employee=employee).exists():
        services.training_propose(
            training=writing,
            employee=employee,
            proposed_by=manager,
            note="Je schrijft al veel voor de website; dit helpt je om ook online het gesprek "
            "aan te gaan.",
        )
    branding = Session.objects.filter(
        training__title="Personal branding: jouw verhaal online", starts_at__gt=timezone.now()
    ).first()
    if branding and not branding.enrolments.filter(person=employee).exists():
        services.enrolment_create(session=branding, person=employee)
