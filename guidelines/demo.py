"""Demo tips for Zuiderlicht, drawn from the article: tips instead of rules, common sense
first, employees as ambassadors, clients, recruitment and privacy. Also a few confidential
terms for the checker and acknowledgements for part of the staff. Idempotent."""

import zlib
from datetime import timedelta

from django.utils import timezone

from guidelines import services
from guidelines.models import (
    Acknowledgement,
    Category,
    ChangeKind,
    Guideline,
    GuidelineVersion,
    Rule,
    Term,
    TipOpening,
)
from people.models import User

CATEGORIES = [
    ("De basis", "The basics", 0),
    ("Je eigen accounts", "Your own accounts", 10),
    ("Over je werk vertellen", "Talking about your work", 20),
    ("Klanten en vertrouwelijkheid", "Clients and confidentiality", 30),
    ("Werving", "Recruitment", 40),
    ("Privacy", "Privacy", 50),
]

# (category, golden, title, title_en, tip, tip_en, body, body_en, do, do_en, dont, dont_en)
TIPS = [
    (
        "De basis",
        True,
        "Gebruik je gezond verstand",
        "Use your common sense",
        "Zou je het ook hardop zeggen in de kantine of aan tafel bij een klant? Dan kun je het "
        "meestal ook posten.",
        "Would you also say it out loud in the canteen or at a client's table? Then you can "
        "usually post it too.",
        "Met één ‘gebruik je gezond verstand’-regel komen we al een heel eind. Alle andere tips "
        "zijn daar een uitwerking van: **geen regels die je afschrikken, maar tips** die je "
        "helpen sociale media handig in te zetten.\n\nTwijfel je? Gebruik de checker "
        "*Mag ik dit posten?* of stel je vraag aan HR via de vraagbaak.",
        "One ‘use your common sense’ rule goes a long way. All other tips work it out: **not "
        "rules that scare you, but tips** that help you use social media well.\n\nIn doubt? "
        "Use the *May I post this?* checker or ask HR through the helpdesk.",
        "Post over wat je trots maakt in je werk\nVraag het even na als je twijfelt",
        "Post about what makes you proud of your work\nCheck with someone when in doubt",
        "Posten als je boos bent: slaap er eerst een nacht over",
        "Posting while angry: sleep on it first",
    ),
    (
        "Je eigen accounts",
        False,
        "Vertel gerust dat je bij Zuiderlicht werkt",
        "Feel free to say you work at Zuiderlicht",
        "Zet je werkgever in je profiel: dat maakt je berichten geloofwaardig en open.",
        "Put your employer in your profile: it makes your posts credible and open.",
        "Als je over energie, duurzaamheid of je vak post, is het eerlijk dat lezers weten dat "
        "je bij Zuiderlicht werkt. Schrijf erbij dat je op persoonlijke titel post als je een "
        "eigen mening geeft.",
        "When you post about energy, sustainability or your profession, it is fair that readers "
        "know you work at Zuiderlicht. Add that you post in a personal capacity when you give "
        "your own opinion.",
        "“Communicatieadviseur bij Zuiderlicht. Berichten op persoonlijke titel.”",
        "“Communication adviser at Zuiderlicht. Views are my own.”",
        "Een anoniem account gebruiken om over je werkgever te praten",
        "Using an anonymous account to talk about your employer",
    ),
    (
        "Je eigen accounts",
        False,
        "Spreek voor jezelf, niet namens Zuiderlicht",
        "Speak for yourself, not for Zuiderlicht",
        "Officiële standpunten komen van de woordvoerder; jij deelt jouw ervaring.",
        "Official positions come from the spokesperson; you share your experience.",
        "Journalisten of boze klanten die je online benaderen, verwijs je vriendelijk naar de "
        "afdeling Communicatie. Zo voorkom je dat een persoonlijke reactie als bedrijfsstandpunt "
        "wordt opgevat.",
        "Journalists or angry clients who approach you online: refer them kindly to the "
        "Communication team. That way a personal reply is not taken as the company's position.",
        "“Goede vraag! Mijn collega's van Communicatie helpen je graag verder.”",
        "“Good question! My colleagues in Communication will be happy to help.”",
        "Namens het bedrijf reageren op nieuws of een klacht",
        "Responding on behalf of the company to news or a complaint",
    ),
    (
        "Over je werk vertellen",
        False,
        "Laat zien hoe leuk je werk is",
        "Show how much you enjoy your work",
        "Jij bent onze beste ambassadeur: deel gerust wat je doet en waarom.",
        "You are our best ambassador: feel free to share what you do and why.",
        "Werknemers die laten zien hoe leuk ze hun werk vinden, doen meer voor ons imago dan "
        "welke advertentie ook. Een foto van de opening van een zonnepark, een les die je "
        "leerde, een collega die je wilt bedanken: dat is precies wat mensen willen lezen.",
        "Employees who show how much they enjoy their work do more for our image than any "
        "advertisement. A photo of a solar park opening, a lesson you learned, a colleague you "
        "want to thank: that is exactly what people want to read.",
        "Deel de opening van een project dat al openbaar is\nBedank een collega of partner",
        "Share the opening of a project that is already public\nThank a colleague or partner",
        "Alleen berichten van de bedrijfspagina doorsturen zonder eigen woorden",
        "Only forwarding company posts without a word of your own",
    ),
    (
        "Over je werk vertellen",
        False,
        "Deel wat al openbaar is",
        "Share what is already public",
        "Cijfers, plannen en nieuws deel je pas als Zuiderlicht ze zelf bekend heeft gemaakt.",
        "Share figures, plans and news only once Zuiderlicht has announced them itself.",
        "Omzet, winst, een overname of een reorganisatie zijn koersgevoelig of raken collega's "
        "direct. Wacht op het officiële bericht en link daarnaar. Wat als *intern* of "
        "*vertrouwelijk* is gemarkeerd, blijft binnen.",
        "Revenue, profit, an acquisition or a reorganisation are price-sensitive or affect "
        "colleagues directly. Wait for the official announcement and link to it. What is marked "
        "*internal* or *confidential* stays inside.",
        "Het persbericht delen met je eigen toelichting",
        "Sharing the press release with your own comment",
        "Een foto van een intern document of scherm\nGeruchten over een reorganisatie",
        "A photo of an internal document or screen\nRumours about a reorganisation",
    ),
    (
        "Klanten en vertrouwelijkheid",
        False,
        "Vraag eerst of je over een project mag vertellen",
        "Ask before you talk about a project",
        "Niet elke klant wil dat de buitenwereld weet dat we voor hen werken.",
        "Not every client wants the world to know we work for them.",
        "Mag ik via een bericht laten weten aan welke nieuwe projecten ik werk? Soms wel: vraag "
        "het de projectleider. Sommige klanten werken met ons onder geheimhouding en veel "
        "projecten hebben een codenaam die niet naar buiten mag. De checker kent die namen.",
        "May I post which new projects I am working on? Sometimes: ask the project lead. Some "
        "clients work with us under a non-disclosure agreement and many projects have a code "
        "name that must not get out. The checker knows those names.",
        "“Vandaag weer een mooi zonnedak opgeleverd in Drenthe!” (zonder klantnaam)",
        "“Another lovely solar roof delivered in Drenthe today!” (no client name)",
        "De codenaam of klantnaam van een lopend project noemen",
        "Naming the code name or client of a running project",
    ),
    (
        "Klanten en vertrouwelijkheid",
        False,
        "Complimenten online, kritiek binnen",
        "Praise online, criticism inside",
        "Over klanten en collega's zeg je online alleen wat je ook in hun bijzijn zou zeggen.",
        "About clients and colleagues, say online only what you would say with them present.",
        "Een lastige dag gehad met een klant? Bespreek het met je team of leidinggevende, niet "
        "op Facebook. Een compliment aan een klant die dat goed vindt, is juist prima.",
        "Had a difficult day with a client? Talk it over with your team or manager, not on "
        "Facebook. A compliment to a client who is happy with it is perfectly fine.",
        "Een klant bedanken die daar toestemming voor gaf",
        "Thanking a client who agreed to it",
        "Klagen over een klant of collega, ook zonder naam",
        "Complaining about a client or colleague, even without a name",
    ),
    (
        "Werving",
        False,
        "Deel onze vacatures in je netwerk",
        "Share our vacancies in your network",
        "Een vacature van een enthousiaste collega werkt beter dan een advertentie.",
        "A vacancy shared by an enthusiastic colleague works better than an advertisement.",
        "Kandidaten zoeken via LinkedIn en andere kanalen naar ervaringen van medewerkers. "
        "Deel vacatures met je persoonlijke link uit het portaal en vertel erbij waarom je hier "
        "graag werkt.",
        "Candidates look on LinkedIn and other channels for employees' experiences. Share "
        "vacancies with your personal link from the portal and say why you like working here.",
        "“Wij zoeken een collega voor ons klantenteam. Ik werk er zelf drie jaar, met plezier!”",
        "“We are looking for a colleague for our customer team. I have enjoyed three years here!”",
        "Salarissen of interne afspraken uit de sollicitatieprocedure delen",
        "Sharing salaries or internal agreements from the selection procedure",
    ),
    (
        "Werving",
        False,
        "Beantwoord vragen van kandidaten, beloof niets",
        "Answer candidates' questions, promise nothing",
        "Vertel gerust hoe het werk is; over de procedure en het aanbod gaat HR.",
        "Feel free to tell what the work is like; HR handles the procedure and the offer.",
        "Kandidaten stellen je soms online vragen. Vertel eerlijk over je werk en de sfeer, en "
        "verwijs voor de procedure naar de vacature of HR. Zo krijgt iedereen dezelfde kans.",
        "Candidates sometimes ask you questions online. Be honest about your work and the "
        "atmosphere, and refer to the vacancy or HR for the procedure. That way everyone gets "
        "the same chance.",
        "Vertellen hoe een werkdag eruitziet",
        "Telling what a working day looks like",
        "Een kandidaat toezeggen dat hij “zeker wordt uitgenodigd”",
        "Promising a candidate they will “certainly be invited”",
    ),
    (
        "Privacy",
        False,
        "Persoonsgegevens blijven binnen",
        "Personal data stays inside",
        "Geen telefoonnummers, adressen of foto's van anderen zonder hun toestemming.",
        "No phone numbers, addresses or photos of others without their consent.",
        "E-mailadressen, telefoonnummers, adressen, rekeningnummers en zeker een BSN zijn "
        "persoonsgegevens. Deel ze nooit van klanten of collega's. Maak je een foto van "
        "collega's? Vraag eerst of ze ermee online willen.",
        "E-mail addresses, phone numbers, addresses, account numbers and certainly a BSN are "
        "personal data. Never share them of clients or colleagues. Taking a photo of "
        "colleagues? Ask first whether they want to be online.",
        "Verwijzen naar het algemene nummer en de website",
        "Referring to the general number and the website",
        "Een screenshot met klantgegevens\nEen groepsfoto zonder toestemming",
        "A screenshot with client data\nA group photo without consent",
    ),
]

ASK_FIRST = "Staat op de lijst van vertrouwelijke namen: vraag HR of je hierover mag posten."
CONFIDENTIAL_TERMS = [
    # (term, what the employee sees, HR's internal note: never shown to the employee)
    ("Project Zonnedauw", ASK_FIRST, "Codenaam van een zonnepark in voorbereiding."),
    ("Windpark Oostermeer", ASK_FIRST, "Nog niet aangekondigd."),
    ("ZL Thuisbatterij", ASK_FIRST, "Product dat pas in het voorjaar wordt gelanceerd."),
    ("Bakkerij Van der Veen", ASK_FIRST, "Klant onder geheimhouding."),
    ("Café De Zonnewijzer", ASK_FIRST, "Klant onder geheimhouding tot 2027."),
    ("Coöperatie Groenstroom Drenthe", ASK_FIRST, "Fusiegesprekken, strikt vertrouwelijk."),
]

# Which tip each checker rule links to (by Dutch title).
RULE_LINKS = {
    "confidential": "Vraag eerst of je over een project mag vertellen",
    "email": "Persoonsgegevens blijven binnen",
    "phone": "Persoonsgegevens blijven binnen",
    "iban": "Persoonsgegevens blijven binnen",
    "bsn": "Persoonsgegevens blijven binnen",
    "address": "Persoonsgegevens blijven binnen",
    "internal": "Deel wat al openbaar is",
    "financial": "Deel wat al openbaar is",
    "negative": "Complimenten online, kritiek binnen",
    "length": "Gebruik je gezond verstand",
}

CHANGED_TIP = "Vraag eerst of je over een project mag vertellen"
NEW_TIP = "Beantwoord vragen van kandidaten, beloof niets"


def seed(ctx):
    hr = ctx.person("hr@example.com")
    categories = _categories()
    tips = _tips(categories, hr)
    _material_change(tips[CHANGED_TIP], hr)
    _rules(tips, hr)
    count = _acknowledgements(tips)
    ctx.log(
        f"guidelines: {len(tips)} tips, {Term.objects.count()} checker terms, "
        f"{count} new acknowledgements"
    )


def _categories() -> dict[str, Category]:
    result = {}
    for name, name_en, order in CATEGORIES:
        result[name], _created = Category.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "order": order}
        )
    return result


def _tips(categories, hr) -> dict[str, Guideline]:
    tips = {}
    long_ago = timezone.now() - timedelta(days=60)
    for order, row in enumerate(TIPS):
        category, golden, title, title_en, tip, tip_en, body, body_en, do, do_en, dont, dont_en = (
            row
        )
        guideline = Guideline.objects.filter(title=title).first()
        if guideline is None:
            guideline = Guideline.objects.create(
                category=categories[category], is_golden_rule=golden, order=order * 10,
                title=title, title_en=title_en, tip=tip, tip_en=tip_en, body=body,
                body_en=body_en, do_examples=do, do_examples_en=do_en, dont_examples=dont,
                dont_examples_en=dont_en,
            )  # fmt: skip
            services.guideline_publish(
                guideline=guideline,
                published_by=hr,
                kind=ChangeKind.MATERIAL,
                change_note="Eerste versie.",
                change_note_en="First version.",
                announce=False,
            )
            # The demo organisation has had these tips for a while, except the newest one.
            if title != NEW_TIP:
                guideline.versions.update(published_at=long_ago)
                Guideline.objects.filter(pk=guideline.pk).update(ack_requested_at=long_ago)
                guideline.refresh_from_db()
        tips[title] = guideline
    return tips


def _material_change(guideline, hr) -> None:
    """One tip changed materially a week ago, so everyone is asked to read it again."""
    if guideline.version >= 2:
        return
    guideline.tip = (
        "Niet elke klant wil dat de buitenwereld weet dat we voor hen werken, en projecten "
        "hebben vaak een codenaam die binnen blijft."
    )
    guideline.tip_en = (
        "Not every client wants the world to know we work for them, and projects often have a "
        "code name that stays inside."
    )
    services.guideline_publish(
        guideline=guideline,
        published_by=hr,
        kind=ChangeKind.MATERIAL,
        change_note="Codenamen van projecten toegevoegd; de checker kent ze nu ook.",
        change_note_en="Project code names added; the checker knows them too.",
        announce=False,
    )
    week_ago = timezone.now() - timedelta(days=7)
    guideline.versions.filter(number=2).update(published_at=week_ago)
    Guideline.objects.filter(pk=guideline.pk).update(ack_requested_at=week_ago)
    guideline.refresh_from_db()


def _rules(tips, hr) -> None:
    services.rules_ensure()
    for kind, title in RULE_LINKS.items():
        Rule.objects.filter(kind=kind, guideline__isnull=True).update(guideline=tips[title])
    rule = Rule.objects.get(kind=Rule.Kind.CONFIDENTIAL)
    for text, explanation, internal_note in CONFIDENTIAL_TERMS:
        if not Term.objects.filter(rule=rule, text=text).exists():
            Term.objects.create(
                rule=rule,
                text=text,
                explanation=explanation,
                internal_note=internal_note,
                created_by=hr,
            )


def _acknowledgements(tips) -> int:
    """About two in three employees acknowledged every tip (the changed one in its first
    version: they are asked again); the demo employee still has two tips to do."""
    everyone = list(User.objects.employees().order_by("pk").values_list("pk", "email"))
    published = {
        (v.guideline_id, v.number): v.published_at
        for v in GuidelineVersion.objects.filter(guideline__in=tips.values())
    }
    now = timezone.now()
    rows = []
    for person_id, email in everyone:
        share = zlib.crc32(email.encode()) % 3
        demo_employee = email == "employee@example.com"
        if share == 0 and not demo_employee:
            continue
        for tip in tips.values():
            if tip.title == NEW_TIP and (demo_employee or share == 1):
                continue
            read_first = tip.title == CHANGED_TIP and (demo_employee or share == 1)
            version = 1 if read_first else tip.version
            when = min(published[(tip.pk, version)] + timedelta(days=2), now)
            rows.append(
                Acknowledgement(
                    person_id=person_id, guideline=tip, version=version, acknowledged_at=when
                )
            )
    # Acknowledging needs an opening of the tip's page first (guideline_open): a minute before.
    openings = [
        TipOpening(
            person_id=row.person_id,
            guideline=row.guideline,
            version=row.version,
            opened_at=row.acknowledged_at - timedelta(minutes=1),
        )
        for row in rows
    ]
    TipOpening.objects.bulk_create(openings, batch_size=2000, ignore_conflicts=True)
    before = Acknowledgement.objects.count()
    Acknowledgement.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return Acknowledgement.objects.count() - before
