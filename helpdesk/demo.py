"""Demo helpdesk for Zuiderlicht: categories, saved replies, FAQ entries from the article's
examples ("Mag ik via een tweet laten weten aan welke nieuwe projecten ik werk?") and questions
in every status: some anonymous, one confidential, some past their response target.

Idempotent: everything is found by a natural key (a name, a title, a fixed submission key)
and left alone when it exists.
"""

import datetime
import uuid

from django.utils import timezone

from helpdesk.anonymity import new_mailbox
from helpdesk.models import (
    Category,
    FaqEntry,
    Message,
    Question,
    Rating,
    SavedReply,
    SelfServiceResolution,
)
from helpdesk.models.questions import ReplyStatus, Status
from helpdesk.sla import MAX_DAYS_WALKED, working_calendar

DEMO_NAMESPACE = uuid.UUID("6f1c2d1e-4b8a-4f57-9a51-2d0c5e7b9a10")

# name, English name, description, English description, response hours, team (e-mails)
CATEGORIES = [
    ("Eigen accounts en posts", "Your own accounts and posts",
     "Wat mag je zelf posten over je werk, je projecten en je werkgever?",
     "What you may post yourself about your work, your projects and your employer.", 16, []),
    ("Klanten en vertrouwelijkheid", "Clients and confidentiality",
     "Klanten noemen, foto's, vertrouwelijke informatie.",
     "Naming clients, photos, confidential information.", 16,
     ["hr@example.com", "fleur.dekker@example.com"]),
    ("Reageren en webcare", "Responding and webcare",
     "Reageren op kritiek, reviews en vragen over de organisatie.",
     "Responding to criticism, reviews and questions about the organisation.", 8, []),
    ("Privacy en persoonlijke situatie", "Privacy and your own situation",
     "Als je online wordt lastiggevallen, of iets persoonlijks wilt bespreken.",
     "When you are harassed online, or want to discuss something personal.", 8,
     ["hr@example.com"]),
    ("Trainingen en ondersteuning", "Trainings and support",
     "Trainingen, werktijd en hulp bij je profiel.",
     "Trainings, working hours and help with your profile.", 24, []),
]  # fmt: skip

# (title, English title, category (or None for all), status after sending, text, English text):
# an acknowledgement keeps the question open, asking for more waits for the asker, a real
# answer answers it.
SAVED_REPLIES = [
    ("Ontvangen, we zoeken het uit", "Received, we are looking into it", None, ReplyStatus.KEEP,
     "Hoi {first_name},\n\nDank voor je vraag! We zoeken het uit en komen binnen twee werkdagen "
     "bij je terug.\n\nGroet,\nHR",
     "Hi {first_name},\n\nThank you for your question! We are looking into it and will get "
     "back to you within two working days.\n\nBest wishes,\nHR"),
    ("Meer informatie nodig", "More information needed", None, ReplyStatus.WAITING,
     "Hoi {first_name},\n\nOm je goed te helpen hebben we wat meer informatie nodig: om welk "
     "kanaal gaat het, en wat wil je precies delen? Stuur gerust een concepttekst mee.\n\n"
     "Groet,\nHR",
     "Hi {first_name},\n\nTo help you well we need a little more information: which channel "
     "is it about, and what exactly do you want to share? Feel free to send a draft.\n\n"
     "Best wishes,\nHR"),
    ("Projecten delen: ja, met oog voor de klant", "Sharing projects: yes, with the client in mind",
     "Eigen accounts en posts", ReplyStatus.ANSWERED,
     "Hoi {first_name},\n\nLeuk dat je over je werk wilt vertellen, dat mag zeker! Let op drie "
     "dingen:\n\n- deel pas iets als het project openbaar is aangekondigd;\n- noem een klant "
     "alleen als die daar toestemming voor gaf;\n- geen cijfers, prijzen of interne planningen."
     "\n\nTwijfel je? Stuur je tekst vooraf even naar ons.\n\nGroet,\nHR",
     "Hi {first_name},\n\nGreat that you want to talk about your work, you certainly may! Mind "
     "three things:\n\n- share only once the project has been announced publicly;\n- name a "
     "client only with their permission;\n- no figures, prices or internal plans.\n\nIn doubt? "
     "Send us your text beforehand.\n\nBest wishes,\nHR"),
    ("Klant noemen: eerst toestemming", "Naming a client: permission first",
     "Klanten en vertrouwelijkheid", ReplyStatus.ANSWERED,
     "Hoi {first_name},\n\nEen klant noemen doe je alleen met toestemming van die klant; vraag "
     "het via je accountmanager. Een opmerking over een klant, positief of negatief, hoort niet "
     "op je eigen Twitter of Facebook.\n\nGroet,\nHR",
     "Hi {first_name},\n\nYou name a client only with that client's permission; ask through "
     "your account manager. A remark about a client, positive or negative, does not belong on "
     "your own Twitter or Facebook.\n\nBest wishes,\nHR"),
]  # fmt: skip

FAQ = [
    ("Eigen accounts en posts",
     "Mag ik via een tweet laten weten aan welke nieuwe projecten ik werk?",
     "May I tweet about the new projects I work on?",
     "Ja, graag zelfs: enthousiaste collega's zijn onze beste ambassadeurs. Let wel op:\n\n"
     "- deel een project pas als het openbaar is aangekondigd;\n"
     "- noem de klant alleen als die daar toestemming voor gaf;\n"
     "- geen bedragen, planningen of andere interne informatie.\n\n"
     "Twijfel je? Gebruik de knop **Mag ik dit posten?** of stel je vraag aan HR.",
     "Yes, please: enthusiastic colleagues are our best ambassadors. Do mind that you only "
     "share a project once it has been announced, only name the client with their permission, "
     "and never share amounts, plans or other internal information."),
    ("Klanten en vertrouwelijkheid",
     "Kan ik op Twitter of Facebook een opmerking over een klant kwijt?",
     "Can I make a remark about a client on Twitter or Facebook?",
     "Liever niet. Een opmerking over een klant, ook een grappige of positieve, kan verkeerd "
     "vallen en is vaak vertrouwelijk. Wil je een klant bedanken of een mooi resultaat delen? "
     "Vraag eerst toestemming via je accountmanager en laat het bericht meelezen door "
     "Communicatie.",
     "Rather not. A remark about a client, even a funny or positive one, can be taken the "
     "wrong way and is often confidential. Ask permission through the account manager first."),
    ("Reageren en webcare",
     "Iemand schrijft online iets negatiefs over ons. Moet ik reageren?",
     "Someone writes something negative about us online. Should I respond?",
     "Reageer niet in een opwelling. Stuur de link naar Communicatie (webcare); zij reageren "
     "namens de organisatie. Wil je zelf iets zeggen, doe het dan rustig, feitelijk en maak "
     "duidelijk dat je op persoonlijke titel spreekt.",
     "Don't respond on impulse. Send the link to Communications (webcare); they respond on "
     "behalf of the organisation."),
    ("Eigen accounts en posts",
     "Mag ik op LinkedIn vermelden dat ik bij Zuiderlicht werk?",
     "May I mention on LinkedIn that I work at Zuiderlicht?",
     "Natuurlijk. Gebruik je echte functietitel en zet in je profiel gerust een link naar onze "
     "website. Deel je je mening over je vakgebied, dan is het netjes om erbij te zeggen dat "
     "het je eigen mening is.",
     "Of course. Use your real job title; when you share opinions, say they are your own."),
    ("Trainingen en ondersteuning",
     "Mag ik onder werktijd sociale media gebruiken?",
     "May I use social media during working hours?",
     "Voor je werk: ja, dat hoort erbij. Privé af en toe even kijken is ook prima, zolang je "
     "werk er niet onder lijdt. Wil je leren hoe je sociale media slim inzet voor je werk? "
     "Kijk bij de trainingen.",
     "For your work: yes. Privately now and then is fine too, as long as your work does not "
     "suffer."),
]  # fmt: skip

# asker, category, subject, body, status, anonymous, confidential, assignee, working hours ago,
# HR reply (or ""), rating
QUESTIONS = [
    ("employee@example.com", "Eigen accounts en posts",
     "Mag ik tweeten over het nieuwe zonnepark in Zeeland?",
     "We leggen de laatste hand aan het ontwerp van het zonnepark bij Goes. Ik ben er trots op "
     "en zou er graag over tweeten, met een foto van de bouwtekening. Mag dat al?",
     Status.ANSWERED, False, False, "hr@example.com", 30,
     "Hoi Emma,\n\nLeuk dat je erover wilt vertellen! Het project wordt volgende week "
     "aangekondigd; tweet daarna gerust, maar zonder de bouwtekening: die is nog vertrouwelijk."
     "\n\nGroet,\nHanna", 5),
    ("employee@example.com", "Klanten en vertrouwelijkheid",
     "Collega deelt foto's van klantlocaties op Instagram",
     "Een collega plaatst foto's van de daken van klanten, met huisnummers zichtbaar. Ik wil "
     "diegene niet in de problemen brengen, maar dit lijkt me niet goed. Wat kan ik doen?",
     Status.OPEN, True, False, "hr@example.com", 6, "", None),
    ("sanne.bos@example.com", "Klanten en vertrouwelijkheid",
     "Mag ik een klant bedanken op LinkedIn?",
     "Woningcorporatie De Linde was heel tevreden over onze voorlichtingsavond. Ik wil ze "
     "graag bedanken in een LinkedIn-post en ze taggen. Kan dat?",
     Status.NEW, False, False, None, 30, "", None),
    ("daan.mulder@example.com", "Reageren en webcare",
     "Hoe reageer ik op een negatieve review over ons?",
     "Op Google staat een boze review over een monteur. Ik ken de situatie en weet dat het "
     "anders ging. Mag ik daar zelf op reageren?",
     Status.WAITING, False, False, "fleur.dekker@example.com", 20,
     "Hoi Daan,\n\nGoed dat je het eerst vraagt. Kun je de link naar de review sturen en kort "
     "vertellen wat er volgens jou gebeurde?\n\nGroet,\nFleur", None),
    ("noor.hendriks@example.com", "Privacy en persoonlijke situatie",
     "Ik word online lastiggevallen na een post over mijn werk",
     "Sinds ik iets over ons windproject deelde, krijg ik vervelende berichten van onbekenden. "
     "Ik weet niet goed wat ik moet doen.",
     Status.OPEN, True, True, "hr@example.com", 3, "", None),
    ("thijs.vos@example.com", "Eigen accounts en posts",
     "Mag ik ons logo in mijn profielfoto gebruiken?",
     "Ik wil een profielfoto met het Zuiderlicht-logo op de achtergrond. Is dat toegestaan?",
     Status.CLOSED, False, False, "youssef.elamrani@example.com", 80,
     "Hoi Thijs,\n\nJa hoor, met de versie van het logo uit de huisstijlmap. Niet het logo "
     "aanpassen of bijsnijden.\n\nGroet,\nYoussef", 4),
    ("priya.ramdin@example.com", "Trainingen en ondersteuning",
     "Telt de LinkedIn-training als werktijd?",
     "Ik wil me inschrijven voor de training 'LinkedIn voor professionals' op een vrijdag, "
     "mijn vrije dag. Telt dat als werktijd?",
     Status.OPEN, False, False, "fleur.dekker@example.com", 21, "", None),
    ("lucas.dejong@example.com", "Eigen accounts en posts",
     "Mag ik vacatures delen in een Facebookgroep?",
     "Ik zit in een Facebookgroep voor technici uit de regio. Mag ik daar onze vacature voor "
     "monteur delen?",
     Status.NEW, False, False, None, 20, "", None),
    ("julia.kok@example.com", "Klanten en vertrouwelijkheid",
     "Oud-collega vraagt via WhatsApp naar interne cijfers",
     "Een oud-collega die nu bij een concurrent werkt, vraagt via WhatsApp hoeveel installaties "
     "we dit jaar hebben gedaan. Wat zeg ik?",
     Status.ANSWERED, False, False, "fleur.dekker@example.com", 40,
     "Hoi Julia,\n\nVriendelijk maar duidelijk: dat zijn interne cijfers, die deel je niet. "
     "Verwijs gerust naar ons jaarverslag.\n\nGroet,\nFleur", None),
    ("milan.brouwer@example.com", "Reageren en webcare",
     "Mag ik kritiek op het nieuwe thuiswerkbeleid posten?",
     "Ik ben het niet eens met het nieuwe thuiswerkbeleid en wil daar iets over zeggen op "
     "LinkedIn. Mag dat?",
     Status.NEW, True, False, None, 1, "", None),
    ("eva.degraaf@example.com", "Eigen accounts en posts",
     "Kan ik een blog over mijn werk schrijven?",
     "Ik wil maandelijks een blog schrijven over de energietransitie, vanuit mijn werk als "
     "adviseur. Moet ik dat ergens melden?",
     Status.OPEN, False, False, "youssef.elamrani@example.com", 10, "", None),
    ("sem.vandenberg@example.com", "Reageren en webcare",
     "Wie beheert ons bedrijfsaccount op X?",
     "Ik kreeg een vraag van een klant via X. Wie kan die beantwoorden?",
     Status.CLOSED, False, False, "hr@example.com", 120,
     "Hoi Sem,\n\nDat doet het webcareteam van Communicatie; stuur de vraag door naar "
     "webcare@example.com.\n\nGroet,\nHanna", None),
]  # fmt: skip


def seed(ctx):
    people = {}

    def person(email):
        if email not in people:
            people[email] = ctx.person(email) if email else None
        return people[email]

    categories = {}
    for order, (name, name_en, description, description_en, hours, team) in enumerate(CATEGORIES):
        category, created = Category.objects.get_or_create(
            name=name,
            defaults={
                "name_en": name_en,
                "description": description,
                "description_en": description_en,
                "response_hours": hours,
                "order": order,
            },  # fmt: skip
        )
        if created:
            category.team.set([person(email) for email in team])
        categories[name] = category
        # A demo seeded before the English texts existed gets them too.
        Category.objects.filter(pk=category.pk, description_en="").update(
            description_en=description_en
        )
    for title, title_en, category, status, body, body_en in SAVED_REPLIES:
        SavedReply.objects.get_or_create(
            title=title,
            defaults={
                "title_en": title_en,
                "body": body,
                "body_en": body_en,
                "category": categories.get(category),
                "status": status,
            },
        )
        SavedReply.objects.filter(title=title, title_en="").update(
            title_en=title_en, body_en=body_en
        )
    hr = person("hr@example.com")
    for category, title, title_en, answer, answer_en in FAQ:
        FaqEntry.objects.get_or_create(
            title=title,
            defaults={
                "category": categories[category],
                "title_en": title_en,
                "answer": answer,
                "answer_en": answer_en,
                "created_by": hr,
            },  # fmt: skip
        )
    made = sum(_question(ctx, number, row, categories, person) for number, row in
               enumerate(QUESTIONS))  # fmt: skip
    if not SelfServiceResolution.objects.exists():
        for entry in FaqEntry.objects.all()[:3]:
            SelfServiceResolution.objects.create(
                source="faq", object_id=entry.pk, title=entry.title
            )
    ctx.log(f"helpdesk: {len(categories)} categories, {made} new questions")


def _question(ctx, number, row, categories, person) -> bool:
    (asker_email, category_name, subject, body, status, anonymous, confidential, assignee_email,
     hours_ago, reply, score) = row  # fmt: skip
    key = uuid.uuid5(DEMO_NAMESPACE, f"question-{number}")
    if Question.objects.filter(submission_key=key).exists():
        return False
    calendar = working_calendar()
    category = categories[category_name]
    asker, assignee = person(asker_email), person(assignee_email)
    now = timezone.now()
    # "hours_ago" working hours back from now: some questions are past their target.
    created = _working_hours_before(calendar, now, hours_ago)
    warn_at, due_at = calendar.target(created, category.response_hours)
    question = Question.objects.create(
        subject=subject,
        body=body,
        category=category,
        asker=None if anonymous else asker,
        is_anonymous=anonymous,
        asker_mailbox=new_mailbox(asker) if anonymous else "",
        # No private link for demo questions: the asker finds them under "My questions".
        access_token_hash="",
        is_confidential=confidential,
        status=status,
        assignee=assignee,
        created_at=created,
        response_warn_at=warn_at,
        response_due_at=due_at,
        asker_seen_at=created,
        closed_at=now if status == Status.CLOSED else None,
        waiting_since=now - datetime.timedelta(days=2) if status == Status.WAITING else None,
        submission_key=key,
    )
    if reply:
        answered = calendar.add(created, min(6, category.response_hours))
        answered = min(answered, now)
        Message.objects.create(
            question=question, kind=Message.Kind.REPLY, author=assignee, body=reply,
            created_at=answered,
        )  # fmt: skip
        # A question waits for its asker from HR's reply on, as answering it does; at most two
        # days in the demo, so the reminder after HELPDESK_WAITING_REMINDER_DAYS is not due
        # yet (after a long week-end the reply is more days back).
        waiting_since = (
            max(answered, now - datetime.timedelta(days=2)) if status == Status.WAITING else None
        )
        Question.objects.filter(pk=question.pk).update(
            first_responded_at=answered, last_reply_at=answered, waiting_since=waiting_since
        )
        question.first_responded_at = answered
    if number == 1:  # the anonymous question has an internal note HR wrote
        Message.objects.create(
            question=question, kind=Message.Kind.NOTE, author=assignee,
            body="Ik kijk even welke collega dit is en bespreek het met diens leidinggevende.",
        )  # fmt: skip
    if score:
        Rating.objects.create(
            question=question, score=score, comment="Helder en snel, dank je!" if score == 5 else ""
        )
    if number == 0:
        entry = FaqEntry.objects.filter(title__startswith="Mag ik via een tweet").first()
        if entry and entry.source_question_id is None:
            FaqEntry.objects.filter(pk=entry.pk).update(source_question=question)
    return True


def _working_hours_before(calendar, moment, hours):
    """Roughly `hours` working hours before `moment` (walking back an hour at a time). The
    walk is bounded by the calendar's own limit, not by `hours`: one working hour back from
    Tuesday 08:59 after Easter Monday lies four days back."""
    current = moment
    remaining = hours
    for _step in range(MAX_DAYS_WALKED * 24):
        if remaining <= 0:
            break
        current -= datetime.timedelta(hours=1)
        local = current.astimezone(calendar.tz)
        if calendar.is_working_day(local.date()) and (
            calendar.start_hour <= local.hour < calendar.end_hour
        ):
            remaining -= 1
    return current
