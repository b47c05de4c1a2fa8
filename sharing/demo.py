"""Demo sharing for Zuiderlicht: curated kits with Dutch caption variants (three for LinkedIn,
some for X and WhatsApp), a campaign ("Werken bij week"), the comms group with Fleur in it,
and shares by several demo people over the last months with counted clicks (a bot's link
preview is never written, so the demo holds only counted clicks), added up into the daily
figures.

Idempotent: a kit is found by its title; its shares and clicks are only made with a new kit.
"""

import datetime

from django.contrib.auth.models import Group

from hrsocial.demo import demo_day, demo_moment
from people.models import COMMUNICATIONS_GROUP as COMMS_GROUP
from people.models import User
from sharing.models import Campaign, CaptionVariant, Click, Share, ShareKit, SharingProfile
from sharing.services.counting import clicks_aggregate

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
    if people:
        SharingProfile.objects.get_or_create(user=people[0], defaults={"on_leaderboard": True})
    added = clicks_aggregate()
    ctx.log(f"sharing: {made} new kits, {added} clicks added up")
