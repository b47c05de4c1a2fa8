"""Demo sharing for Zuiderlicht: curated kits with Dutch caption variants (three for LinkedIn,
some for X and WhatsApp), a campaign ("Werken bij week"), the comms group with Fleur in it,
and shares by several demo people over the last months with counted clicks (a bot's link
preview is never written, so the demo holds only counted clicks), added up into the daily
figures.

With recruitment installed, also the kits of four demo vacancies (two of the past year, two
open now), each shared by about ten active employees on LinkedIn, eight on WhatsApp and six by
e-mail while the vacancy was open, with clicks from the day of the share until it closed: so
insights' counted clicks per channel on vacancies have a year of history with enough people
behind every month (its five-people rule counts the distinct sharers whose links were clicked).

And a year of the comms team's own kits (company news, blog posts and events), one every
fifteen days: each shared in its first days by six to nine active employees on LinkedIn, some
also on a second network, with clicks in the days after. So every month of insights' clicks
per share, overall and on LinkedIn, has at least five people behind it (a month always holds
one kit's whole first days), not only the months of the openings above.

Idempotent: a kit is found by its title (a vacancy's kit by its vacancy); its shares and clicks
are only made with a new kit. Dates come from hrsocial.demo (offsets from today only).
"""

import datetime

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from hrsocial.demo import demo_day, demo_moment
from people.models import COMMUNICATIONS_GROUP as COMMS_GROUP
from people.models import User
from sharing import registry
from sharing.api import VACANCY_KITS
from sharing.models import Campaign, CaptionVariant, Click, Share, ShareKit, SharingProfile
from sharing.services.counting import clicks_aggregate
from sharing.services.kits import kit_for_record

# title, summary, url, campaign?, end in days (None: open), variants [(channel, text)]
KITS = [
    ("Zuiderlicht opent zonnepark De Hoge Veld",
     "Ons grootste zonnepark tot nu toe levert stroom voor 4.000 huishoudens.",
     "https://www.example.com/nieuws/zonnepark-de-hoge-veld", False, None,
     [("linkedin", "Vandaag ging ons zonnepark De Hoge Veld open: stroom voor 4.000 "
                   "huishoudens. Trots dat ik hieraan mocht meewerken!"),
      ("linkedin", "Van weiland naar zonnepark in veertien maanden. Zo ziet de "
                   "energietransitie er in het echt uit."),
      ("linkedin", "Wat een team! De Hoge Veld levert vanaf vandaag duurzame stroom."),
      ("x", "Zonnepark De Hoge Veld is open: stroom voor 4.000 huishoudens ☀️"),
      ("whatsapp", "Kijk, ons nieuwe zonnepark is open!")]),
    ("Werken bij Zuiderlicht: vijf vacatures in Utrecht",
     "We zoeken monteurs, een projectleider en een data-analist.",
     "https://www.example.com/werken-bij", True, 60,
     [("linkedin", "Ken jij iemand die van techniek houdt? Wij zoeken vijf nieuwe collega's "
                   "in Utrecht."),
      ("linkedin", "Mijn team groeit! Bekijk de vacatures en stuur ze door."),
      ("linkedin", "Werken aan duurzame energie met fijne collega's: dat kan bij ons."),
      ("x", "Vijf vacatures bij Zuiderlicht in Utrecht. Doorsturen mag!"),
      ("email", "Hoi, misschien iets voor jou of iemand die je kent?")]),
    ("Open dag op ons hoofdkantoor",
     "Kom kijken hoe een energiebedrijf van binnen werkt.",
     "https://www.example.com/open-dag", True, 30,
     [("linkedin", "Altijd al willen zien hoe wij werken? Kom naar onze open dag!"),
      ("facebook", "Open dag bij Zuiderlicht: neem de kinderen mee.")]),
]  # fmt: skip

SHARERS = [
    "employee@example.com",
    "sanne.bos@example.com",
    "daan.mulder@example.com",
    "lotte.peters@example.com",
    "manager@example.com",
    "youssef.elamrani@example.com",
]


def seed(ctx):
    comms, _created = Group.objects.get_or_create(name=COMMS_GROUP)
    fleur = User.objects.filter(email="fleur.dekker@example.com").first()
    if fleur:
        fleur.groups.add(comms)
    hr = ctx.person("hr@example.com")
    campaign, _created = Campaign.objects.get_or_create(
        name="Werken bij week", defaults={"slug": "werken-bij-week"}
    )
    people = list(User.objects.filter(email__in=SHARERS, is_active=True))
    made = 0
    for index, (title, summary, url, in_campaign, ends_in, variants) in enumerate(KITS):
        if ShareKit.objects.filter(title=title).exists():
            continue
        starts = demo_moment(-90 + index * 20, 9)
        kit = ShareKit.objects.create(
            title=title, summary=summary, url=url, status=ShareKit.Status.PUBLISHED,
            starts_at=starts, published_at=starts,
            ends_at=demo_moment(ends_in, 17) if ends_in else None,
            campaign=campaign if in_campaign else None, add_utm=in_campaign,
            utm_campaign=campaign.slug if in_campaign else "share", created_by=hr,
        )  # fmt: skip
        objects = [CaptionVariant(kit=kit, channel=c, text=t) for c, t in variants]
        CaptionVariant.objects.bulk_create(objects)
        made += 1
        for number, person in enumerate(people[: 6 - index]):
            variant = objects[number % len(objects)]
            shared = demo_moment(-85 + index * 20 + number, 10)
            share = Share.objects.create(
                kit=kit, sharer=person, channel=variant.channel, variant=variant,
                text=f"{variant.text}\n\n#ikwerkbijzuiderlicht", department=person.department,
                created_at=shared,
            )  # fmt: skip
            clicks = []
            for visit in range(ctx.rng.randint(2, 12) * ctx.scale):
                day = demo_day(-84 + index * 20 + number + visit % 20)
                moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=shared.tzinfo)
                clicks.append(Click(share=share, day=day, visitor=f"demo{visit:04d}",
                                    created_at=moment))  # fmt: skip
            Click.objects.bulk_create(clicks, ignore_conflicts=True)
    made += _vacancy_kits(ctx, hr)
    made += _year_of_kits(ctx, hr)
    if people:
        SharingProfile.objects.get_or_create(user=people[0], defaults={"on_leaderboard": True})
    added = clicks_aggregate()
    ctx.log(f"sharing: {made} new kits, {added} clicks added up")


# The recruitment demo's vacancies whose kits were shared (by slug): the past year's two and
# two open ones, so that one is always open. Missing ones (recruitment's demo not run) are left.
VACANCY_SLUGS = ("contentmaker-2025", "klantadviseur-2025", "communicatieadviseur-online",
                 "recruiter")  # fmt: skip
# How many sharers each network gets per vacancy, and its suggested text.
VACANCY_CHANNELS = (
    ("linkedin", 10, "Wij zoeken een nieuwe collega! Ken jij iemand die hier goed bij past? "
                     "Deel of reageer gerust."),
    ("whatsapp", 8, "Hoi! Bij ons is een vacature vrij, misschien iets voor jou of iemand "
                    "die je kent?"),
    ("email", 6, "Hoi, we zoeken een nieuwe collega. Ik dacht aan jou, of ken je iemand?"),
)  # fmt: skip
# A share's clicks: a burst in its first days (days after the share), then now and then one
# (every `TRICKLE` days, give or take) while the vacancy is open.
BURST = (0, 0, 1, 1, 2, 3, 5, 8)
TRICKLE = (6, 12)


def _vacancy_kits(ctx, hr) -> int:
    """The kits of the demo vacancies, their shares and clicks; how many kits were made."""
    shareable = registry.by_key(VACANCY_KITS)
    if shareable is None:
        return 0
    vacancies = apps.get_model(shareable.model).objects.filter(slug__in=VACANCY_SLUGS)
    # Active employees only (not hard-coded): alumni and freelancers share without a department.
    people = list(
        User.objects.filter(is_active=True, kind=User.Kind.EMPLOYEE, department__isnull=False)
        .order_by("email")
    )  # fmt: skip
    # Offsets from today of the vacancy's (working) days: demo_day gives those same days back.
    today = timezone.localdate()
    made = 0
    for vacancy in sorted(vacancies, key=lambda v: v.opens_on):
        kits = ShareKit.objects.filter(
            content_type=ContentType.objects.get_for_model(vacancy), object_id=vacancy.pk
        )
        if kits.exists() or not people:
            continue
        opens = (vacancy.opens_on - today).days
        closes = min((vacancy.closes_on - today).days, -1) if vacancy.closes_on else -1
        kit = kit_for_record(vacancy)
        kit.starts_at = kit.published_at = demo_moment(opens, 9)
        kit.created_by = hr
        kit.save(update_fields=["starts_at", "published_at", "created_by", "updated_at"])
        made += 1
        for channel, sharers, text in VACANCY_CHANNELS:
            variant = CaptionVariant.objects.create(kit=kit, channel=channel, text=text)
            for person in ctx.rng.sample(people, min(sharers, len(people))):
                # Most share in the first two weeks; the last ones a little later.
                shared_on = min(opens + ctx.rng.choice((0, 1, 2, 3, 5, 8, 13, 21)), closes)
                share = Share.objects.create(
                    kit=kit, sharer=person, channel=channel, variant=variant,
                    text=f"{text}\n\n#ikwerkbijzuiderlicht", department=person.department,
                    created_at=demo_moment(shared_on, 10),
                )  # fmt: skip
                _clicks(ctx, share, shared_on, closes)
    return made


def _clicks(ctx, share, shared_on: int, closes: int) -> None:
    """Counted clicks on a share from `shared_on` to `closes` (days from today, past only)."""
    offsets = [shared_on + d for d in BURST]
    later = shared_on + BURST[-1]
    while (later := later + ctx.rng.randint(*TRICKLE)) <= closes:
        offsets += [later] * ctx.rng.choice((1, 1, 1, 2))
    _click_rows(ctx, share, [o for o in offsets if o <= closes])


def _click_rows(ctx, share, offsets: list[int]) -> None:
    """One counted click (times `ctx.scale`) on `share` on each day of `offsets` (from today)."""
    clicks = []
    for number, offset in enumerate(offsets):
        for copy in range(ctx.scale):
            day = demo_day(offset)
            clicks.append(Click(
                share=share, day=day, visitor=f"demo{number:04d}-{copy}",
                created_at=demo_moment(offset, 12),
            ))  # fmt: skip
    Click.objects.bulk_create(clicks, ignore_conflicts=True)


# The comms team's kits of the past year, oldest first, one every `KIT_EVERY` days: (kind,
# title, summary, LinkedIn text). A kind gives the address and the second network's text.
KIT_EVERY = 15
YEAR_KITS = (
    ("nieuws", "Zuiderlicht sluit de 2.000e warmtepomp aan",
     "In Overvecht draait nu de tweeduizendste warmtepomp die wij aansloten.",
     "Tweeduizend warmtepompen! Vandaag sloten we in Overvecht de 2.000e aan."),
    ("blog", "Blog: een dag op pad met onze storingsmonteur",
     "Van de eerste melding om zeven uur tot de laatste klus in het donker.",
     "Wat doet een storingsmonteur op een gewone dinsdag? Mijn collega vertelt het."),
    ("evenementen", "Webinar: zonnepanelen op je dak, hoe begin je?",
     "Een uur met onze adviseurs over kosten, vergunningen en opbrengst.",
     "Twijfel je over zonnepanelen? Stel je vragen in ons gratis webinar."),
    ("nieuws", "Nieuwe laadpleinen bij station Amersfoort",
     "Twaalf snelladers op groene stroom bij Amersfoort Centraal.",
     "Twaalf nieuwe snelladers in Amersfoort, allemaal op groene stroom. Mooi werk!"),
    ("blog", "Blog: zo werkt slim laden",
     "Waarom je auto 's nachts laden goedkoper en beter voor het net is.",
     "Slim laden in drie minuten uitgelegd door onze eigen experts."),
    ("evenementen", "Zuiderlicht op de Dutch Energy Summit",
     "Bezoek onze stand en hoor hoe wij het net slimmer maken.",
     "Ben jij ook op de Dutch Energy Summit? Kom langs bij onze stand!"),
    ("nieuws", "Windpark Lekdijk levert de eerste stroom",
     "De eerste vier molens draaien; in het voorjaar volgen er nog vier.",
     "De eerste molens van windpark Lekdijk draaien. Trots op dit team!"),
    ("blog", "Blog: van stagiair tot projectleider",
     "Hoe een stage bij Zuiderlicht uitgroeide tot een vaste baan.",
     "Ooit begonnen als stagiair, nu projectleider. Dit is mijn verhaal."),
    ("evenementen", "Meeloopdag voor scholieren",
     "Scholieren lopen een dag mee met onze monteurs en engineers.",
     "Ken jij een scholier die techniek leuk vindt? Meld je aan voor onze meeloopdag."),
    ("nieuws", "Samen met het ROC opleiden tot monteur",
     "Met ROC Midden Nederland leiden we jaarlijks dertig monteurs op.",
     "Leren en werken tegelijk: samen met het ROC leiden we nieuwe monteurs op."),
    ("blog", "Blog: tien tips om thuis energie te besparen",
     "Kleine dingen die samen veel schelen, van de thermostaat tot de wasmachine.",
     "Tien tips om thuis energie te besparen. Nummer zeven kende ik zelf niet!"),
    ("evenementen", "Energiecafé in de bibliotheek van Zeist",
     "Bewoners vragen, onze adviseurs antwoorden: met koffie en taart.",
     "Vragen over je energierekening? Kom naar ons energiecafé in Zeist."),
    ("nieuws", "Buurtbatterij in Houten in gebruik",
     "De batterij bewaart de zonnestroom van 120 huizen voor de avond.",
     "Zonnestroom van overdag gebruiken in de avond: onze buurtbatterij in Houten doet het."),
    ("blog", "Blog: wat doet een data-analist bij een energiebedrijf?",
     "Over voorspellingen, het weer en heel veel meterstanden.",
     "Data en duurzame energie: een kijkje in het werk van ons analyseteam."),
    ("evenementen", "Open huis bij windpark Lekdijk",
     "Rondleidingen aan de voet van de molens, voor jong en oud.",
     "Altijd al onder een windmolen willen staan? Kom naar ons open huis."),
    ("nieuws", "Zuiderlicht wint de prijs voor duurzaam werkgeverschap",
     "De jury prees onze opleidingen en de ruimte om te groeien.",
     "We wonnen de prijs voor duurzaam werkgeverschap. Dank aan alle collega's!"),
    ("blog", "Blog: terug naar school als zij-instromer",
     "Na vijftien jaar in de zorg nu monteur: over de overstap.",
     "Van de zorg naar de techniek: mijn overstap naar Zuiderlicht."),
    ("evenementen", "Hackathon slimme netten",
     "Twee dagen bouwen aan ideeën voor een voller stroomnet.",
     "Ontwikkelaars gezocht voor onze hackathon over slimme netten!"),
    ("nieuws", "Jaarcijfers: meer groene stroom dan ooit",
     "We leverden dit jaar een kwart meer groene stroom dan vorig jaar.",
     "Een kwart meer groene stroom dan vorig jaar. Zo gaat de energietransitie vooruit."),
    ("blog", "Blog: hoe we de buurt betrekken bij een nieuw zonnepark",
     "Over inloopavonden, bezwaren en een park waar de buurt aan meeverdient.",
     "Een zonnepark bouw je samen met de buurt. Zo pakken wij dat aan."),
    ("evenementen", "Zonnerun voor het goede doel",
     "Vijf of tien kilometer langs onze zonneparken, voor het Jeugdfonds Sport.",
     "Loop je mee? Onze Zonnerun is voor het Jeugdfonds Sport."),
    ("nieuws", "Zuiderlicht plant 5.000 bomen bij de zonneparken",
     "Houtwallen rond de parken geven vogels en insecten meer ruimte.",
     "Vijfduizend bomen rond onze zonneparken: goed voor vogels en insecten."),
    ("blog", "Blog: waarom wij thuis en op kantoor werken",
     "Wat we leerden van een jaar hybride werken in de teams.",
     "Thuiswerken én samen op kantoor: zo doen wij dat bij Zuiderlicht."),
    ("evenementen", "Informatieavond voor zij-instromers",
     "Hoor hoe je bij ons wordt opgeleid tot monteur, met behoud van salaris.",
     "Zin in een nieuwe start in de techniek? Kom naar onze informatieavond."),
)  # fmt: skip
# Per kind: the address and the second network with its suggested text.
KINDS = {
    "nieuws": ("whatsapp", "Mooi nieuws van ons bedrijf, even delen!"),
    "blog": ("x", "Nieuw op ons blog, de moeite waard:"),
    "evenementen": ("facebook", "Kom je ook? Iedereen is welkom."),
}
# Days after the kit's start that its sharers share it (most the first day or two).
SHARED_AFTER = (0, 0, 0, 1, 1, 2, 3, 4)
# A share's counted clicks in the days after it (a post is read for about a week).
CLICKS_AFTER = (0, 0, 0, 1, 1, 2, 3, 5, 8)


def _year_of_kits(ctx, hr) -> int:
    """The comms team's kits of the past year, their shares and clicks; how many were made."""
    # Active employees only (not hard-coded), as for the vacancies.
    people = list(
        User.objects.filter(is_active=True, kind=User.Kind.EMPLOYEE, department__isnull=False)
        .order_by("email")
    )  # fmt: skip
    existing = set(ShareKit.objects.filter(title__in=[k[1] for k in YEAR_KITS])
                   .values_list("title", flat=True))  # fmt: skip
    made = 0
    for index, (kind, title, summary, text) in enumerate(YEAR_KITS):
        if title in existing or not people:
            continue
        starts = -KIT_EVERY * (len(YEAR_KITS) - index)  # the last one fifteen days ago
        kit = ShareKit.objects.create(
            title=title, summary=summary, url=f"https://www.example.com/{kind}/{slugify(title)}",
            status=ShareKit.Status.PUBLISHED, starts_at=demo_moment(starts, 9),
            published_at=demo_moment(starts, 9), utm_campaign="share", created_by=hr,
        )  # fmt: skip
        second, second_text = KINDS[kind]
        linkedin, other = CaptionVariant.objects.bulk_create(
            [CaptionVariant(kit=kit, channel="linkedin", text=text),
             CaptionVariant(kit=kit, channel=second, text=second_text)]
        )  # fmt: skip
        made += 1
        for person in ctx.rng.sample(people, min(ctx.rng.randint(6, 9), len(people))):
            shared_on = starts + ctx.rng.choice(SHARED_AFTER)
            # Everyone posts it on LinkedIn; about one in three also sends it on.
            for variant in (linkedin, other) if ctx.rng.random() < 0.35 else (linkedin,):
                share = Share.objects.create(
                    kit=kit, sharer=person, channel=variant.channel, variant=variant,
                    text=variant.text, department=person.department,
                    created_at=demo_moment(shared_on, 10),
                )  # fmt: skip
                after = ctx.rng.randint(2, len(CLICKS_AFTER))
                offsets = [shared_on + d for d in CLICKS_AFTER[:after]]
                _click_rows(ctx, share, [o for o in offsets if o < 0])
    return made
