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

Idempotent: a kit is found by its title (a vacancy's kit by its vacancy); its shares and clicks
are only made with a new kit. Dates come from hrsocial.demo (offsets from today only).
"""

import datetime

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

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
    clicks = []
    for number, offset in enumerate(o for o in offsets if o <= closes):
        for copy in range(ctx.scale):
            day = demo_day(offset)
            clicks.append(Click(
                share=share, day=day, visitor=f"demo{number:04d}-{copy}",
                created_at=demo_moment(offset, 12),
            ))  # fmt: skip
    Click.objects.bulk_create(clicks, ignore_conflicts=True)
