"""Demo data for the alumni network: verified alumni with profiles, a freelancer with a KvK
number, pending sign-ups in HR's queue, an open and a filled gig, an upcoming event, some
departures (one invited on the end date, one HR marked "do not invite") and last month's
newsletter in the history. Every date comes from hrsocial.demo's helpers, so the demo is the
same whatever the hour or day it runs.

Idempotent: rows are found by their e-mail address or title before they are made.
"""

from alumni import services
from alumni.models import Departure, Gig, Membership, Profile, Skill
from hrsocial.demo import demo_day, demo_moment
from people.models import User

MEMBERS = [
    # e-mail, skills, visibility shared with members, in the directory
    ("alumni@example.com", ["communicatie", "linkedin", "webcare"], True),
    ("freelancer@example.com", ["salarisadministratie", "excel"], True),
    ("tim.kramer@example.com", ["video", "fotografie"], False),
]
PENDING = [
    ("pieter.oud@example.org", "Pieter Oud", "alumnus", "5531"),
    ("lotte.zzp@example.org", "Lotte de Zwart", "freelancer", ""),
]
SHARED = dict.fromkeys(Profile.SHARED_FIELDS, "members")


def seed(ctx):
    hr = User.objects.filter(groups__name="HR", is_active=True).order_by("pk").first()
    for email, skills, shared in MEMBERS:
        person = User.objects.filter(email=email).first()
        if person is None:
            continue
        profile = services.profile_for(person)
        if not profile.skills.exists():
            services.profile_update(
                profile=profile,
                data={
                    "in_directory": shared,
                    "receives_newsletter": shared,
                    "available_from": demo_day(-30),
                    "hours_per_week": 16,
                    "current_role": "Zelfstandig adviseur",
                    "kvk_number": "12345678" if person.kind == User.Kind.FREELANCER else "",
                },
                skills=skills,
                visibility=SHARED if shared else {},
            )
    for email, name, kind, number in PENDING:
        person, created = User.objects.get_or_create(
            email=email, defaults={"full_name": name, "kind": kind}
        )
        if created:
            person.set_unusable_password()
            person.save(update_fields=["password"])
            services.membership_sign_up(user=person, employee_number=number)
    if not Gig.objects.filter(title="Webcare tijdens de campagne").exists():
        gig = services.gig_create(
            posted_by=hr, skills=["webcare", "communicatie"], title="Webcare tijdens de campagne",
            description="Zes weken webcare op onze kanalen tijdens de wervingscampagne.",
            starts_on=demo_day(14), ends_on=demo_day(56), hours_per_week=12,
            place=Gig.Place.REMOTE,
        )  # fmt: skip
        alumna = User.objects.filter(email="alumni@example.com").first()
        if alumna:
            services.interest_express(gig=gig, member=alumna, note="Dit deed ik vroeger al.")
    if not Gig.objects.filter(title="Jaarafsluiting salarisadministratie").exists():
        gig = services.gig_create(
            posted_by=hr, skills=["salarisadministratie"],
            title="Jaarafsluiting salarisadministratie",
            description="Hulp bij de jaarafsluiting.", starts_on=demo_day(-20),
            ends_on=demo_day(-5), place=Gig.Place.HYBRID,
        )  # fmt: skip
        femke = User.objects.filter(email="freelancer@example.com").first()
        if femke:
            services.interest_express(gig=gig, member=femke)
            services.gig_pick(gig=gig, member=femke, picked_by=hr)
    _seed_event(hr)
    _seed_departures()
    _seed_newsletter_history()
    ctx.log(
        f"alumni: {Profile.objects.count()} profiles, {Skill.objects.count()} skills, "
        f"{Membership.objects.pending().count()} sign-ups to verify, {Gig.objects.count()} gigs, "
        f"{Departure.objects.count()} departures"
    )


def _seed_event(hr):
    """An upcoming reunion three weeks out (a working day, so never today or in the past,
    whatever the hour), with the demo alumna signed up."""
    from alumni import events
    from alumni.models import Event

    title = "Reünie oud-collega's"
    if hr is None or Event.objects.filter(title=title).exists():
        return
    event = events.event_save(
        saved_by=hr,
        data={
            "kind": Event.Kind.REUNION, "title": title, "capacity": 40,
            "description": "Een borrel met **oud-collega's**, een rondleiding en nieuws "
            "over de organisatie.",
            "starts_at": demo_moment(21, 16), "ends_at": demo_moment(21, 19),
            "location": "Hoofdkantoor, Utrecht",
        },
    )  # fmt: skip
    alumna = User.objects.filter(email="alumni@example.com").first()
    if alumna is not None:
        events.event_sign_up(event=event, member=alumna)


# Leavers: (e-mail, name, employee number, end date in days from today, private address,
# invited on the end date, "do not invite").
DEPARTURES = [
    ("ruud.hendriks@example.com", "Ruud Hendriks", "D-8101", -40, "ruud.hendriks@example.org",
     True, False),
    ("esther.bos@example.com", "Esther Bos", "D-8102", -15, "esther.bos@example.org",
     False, True),
]  # fmt: skip


def _seed_departures():
    """Two who left: one invited to the network on the end date, one HR marked "do not
    invite". (No one still to leave: an active employee made here, after the apps that give
    every employee rows, would get those rows only on a second run.)"""
    from people.services import employment_end, person_create

    for email, name, number, days, private, invited, do_not_invite in DEPARTURES:
        if User.objects.filter(email=email).exists():
            continue
        end = demo_day(days)
        person = person_create(
            created_by=None, email=email, full_name=name, employee_number=number,
            start_date=demo_day(-1500), end_date=end,
        )  # fmt: skip
        employment_end(person=person)
        Departure.objects.create(
            person=person, private_email=private, do_not_invite=do_not_invite,
            invited_at=demo_moment(days, 10) if invited else None,
        )  # fmt: skip


def _seed_newsletter_history():
    """Last month's newsletter, sent to the members who consented: on a working day early
    in the previous month (about three weeks before this month began), whatever today is, so
    this month's newsletter is still to go and shows what is new since then."""
    import datetime

    from django.utils import timezone

    from alumni.models import NewsletterDelivery
    from alumni.newsletter import recipients

    today = timezone.localdate()
    day_in_last_month = today.replace(day=1) - datetime.timedelta(days=20)
    sent_at = demo_moment((day_in_last_month - today).days, 8)
    month = timezone.localtime(sent_at).strftime("%Y-%m")
    for member in recipients():
        NewsletterDelivery.objects.get_or_create(
            member=member, month=month, defaults={"sent_at": sent_at}
        )
