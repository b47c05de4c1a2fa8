"""Demo data: the internal news of "Zuiderlicht" — what changed, why, and what people think.

Posts of every kind (news, an HR policy that must be read, employee blogs, good-practice
examples), comments with a reply and a mention, reactions, one open and one closed
consultation with answers (the closed one anonymous, with HR's response) and a blog waiting
for moderation. Idempotent: nothing is added when the first demo post exists.
"""

from django.db import transaction

from hrsocial.demo import demo_moment
from news import services
from news.models import Comment, Consultation, ConsultationQuestion, Post, Reaction, Tag
from people.models import User

FIRST_TITLE = "Nieuw: thuiswerkvergoeding per 1 januari"


def seed(ctx):
    if Post.objects.filter(title=FIRST_TITLE).exists():
        return
    hr = ctx.person("hr@example.com")
    employee = ctx.person("employee@example.com")
    manager = ctx.person("manager@example.com")
    staff = list(User.objects.filter(is_active=True, kind=User.Kind.EMPLOYEE).order_by("pk")[:40])
    tags = {
        name: Tag.objects.get_or_create(name=name)[0]
        for name in ("beleid", "LinkedIn", "werving", "voorbeeld", "thuiswerken")
    }

    def post(title, kind, body, why="", days=-3, author=hr, tag=(), **fields):
        item = Post.objects.create(
            title=title,
            kind=kind,
            body=body,
            why=why,
            author=author,
            status=fields.pop("status", Post.Status.PUBLISHED),
            publish_at=demo_moment(days, 9),
            announced_at=demo_moment(days, 9),
            **fields,
        )
        item.tags.set([tags[t] for t in tag])
        return item

    with transaction.atomic():
        policy = post(
            FIRST_TITLE,
            Post.Kind.POLICY,
            "Wie structureel thuiswerkt, krijgt vanaf 1 januari € 2,40 per thuiswerkdag. "
            "Registreer je thuiswerkdagen in het rooster; de vergoeding komt met je salaris.",
            why="Het kabinet verhoogde de onbelaste vergoeding en in de medewerkerspeiling vroeg "
            "62 % van jullie om een eerlijke vergoeding voor stroom, koffie en verwarming.",
            days=-6,
            requires_confirmation=True,
            is_pinned=True,
            tag=("beleid", "thuiswerken"),
        )
        news = post(
            "Ons zonnepark in Zeeland levert de eerste stroom",
            Post.Kind.NEWS,
            "Sinds deze week draait het park op volle kracht: genoeg stroom voor 4.000 "
            "huishoudens. Deel het gerust op LinkedIn; in de deelkit staan foto's en tekst.",
            why="We willen laten zien wat we doen, en jullie zijn onze beste ambassadeurs.",
            days=-2,
            tag=("LinkedIn",),
            audience=Post.Audience.WITH_ALUMNI,
        )
        post(
            "Wat ik leerde van een jaar lang posten over mijn werk",
            Post.Kind.BLOG,
            "Eén bericht per week, altijd met een foto van het échte werk. Het leverde me "
            "drie gesprekken met kandidaten op — en één nieuwe collega.",
            days=-4,
            author=manager,
            tag=("LinkedIn", "werving"),
        )
        post(
            "Gemeente Utrecht: medewerkers vertellen zelf over hun werk",
            Post.Kind.EXAMPLE,
            "Op Instagram laten medewerkers van de gemeente één dag zien wat ze doen.",
            days=-8,
            organisation="Gemeente Utrecht",
            example_url="https://www.utrecht.nl/",
            lesson="Echte mensen en echte dagen werken beter dan een campagne; spreek vooraf "
            "af wat niet in beeld mag (privacy van burgers).",
            tag=("voorbeeld",),
        )
        post(
            "Mijn eerste maand als stagiair bij Zuiderlicht",
            Post.Kind.BLOG,
            "Een eerlijk verslag, met de dingen die ik nog niet begrijp.",
            days=-1,
            author=employee,
            status=Post.Status.PENDING,
        )

        first = Comment.objects.create(
            post=news, author=employee, body="Wat mooi! Ik deel het vandaag nog."
        )
        Comment.objects.create(
            post=news,
            author=manager,
            parent=first,
            body=f"Goed idee @{employee.email.split('@')[0]}, tag ook het projectteam.",
        )
        Comment.objects.create(post=policy, author=manager, body="Geldt dit ook voor parttimers?")
        for n, person in enumerate(staff[:25]):
            Reaction.objects.create(post=news, person=person, kind=Reaction.Kind.values[n % 3])
        for person in staff[:12]:
            services.confirmation_create(post=policy, person=person)

        open_one = Consultation.objects.create(
            post=policy, opens_at=demo_moment(-6, 9), closes_at=demo_moment(14, 17)
        )
        _questions(open_one)
        for n, person in enumerate(staff[:8]):
            if person.pk == employee.pk:
                continue
            services.consultation_answer(
                consultation=open_one, person=person, data=_answers(open_one, n)
            )

        closed_post = post(
            "Raadpleging: nieuwe regels voor LinkedIn-berichten over klanten",
            Post.Kind.POLICY,
            "We vroegen jullie wat je vindt van de voorgestelde regels.",
            why="Klanten vroegen ons om duidelijkheid over wat collega's over projecten delen.",
            days=-30,
            tag=("beleid", "LinkedIn"),
        )
        closed = Consultation.objects.create(
            post=closed_post,
            opens_at=demo_moment(-30, 9),
            closes_at=demo_moment(-15, 17),
            is_anonymous=True,
        )
        _questions(closed)
        for n, person in enumerate(staff[:12]):
            # Written as the service writes them (answering is closed now).
            services.consultation_answer(
                consultation=closed,
                person=person,
                data=_answers(closed, n),
                now=demo_moment(-20, 10),
            )
        closed.response = (
            "Jullie wilden vooral voorbeelden. Die staan nu bij de tips, en een "
            "klant noemen mag voortaan na toestemming van de projectleider."
        )
        closed.responded_at = demo_moment(-12, 10)
        closed.save()
    ctx.log("news: posts, conversation, must-read and consultations")


def _questions(consultation):
    ConsultationQuestion.objects.create(
        consultation=consultation,
        kind="choice",
        order=0,
        text="Ben je het eens met het voorstel?",
        choices="Eens\nDeels eens\nOneens",
    )
    ConsultationQuestion.objects.create(
        consultation=consultation, kind="scale", order=1, text="Hoe duidelijk is het voorstel?"
    )
    ConsultationQuestion.objects.create(
        consultation=consultation, kind="text", order=2, text="Wat zou je anders doen?"
    )


def _answers(consultation, n):
    q = list(consultation.questions.all())
    texts = ["Meer voorbeelden graag.", "Prima zo.", "Ook iets over foto's.", ""]
    return {
        f"answer-{q[0].pk}": ["Eens", "Deels eens", "Eens", "Oneens"][n % 4],
        f"answer-{q[1].pk}": str(3 + n % 3),
        f"answer-{q[2].pk}": texts[n % 4],
    }
