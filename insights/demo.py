"""Demo insights: a year of daily aggregates and one initiative with a pilot group.

The other apps' demo data covers weeks, not a year, so the past year's daily figures are
generated here, as aggregates per department (never rows about people): plausible levels
with noise, slow improvement, and a jump in the pilot group after the initiative started.
The last days are then built from the apps' real demo rows by the nightly builder itself.
Where a figure is gated by the people behind it (sharing's clicks per share: the people who
made the links), the generated year never has fewer links than the real demo rows have people.
Dates come from hrsocial.demo (the figures depend on the offset from today only, never on
the weekday or season). Idempotent: the demo year is replaced as a whole.
"""

import datetime
import random
from collections import defaultdict

from hrsocial.demo import demo_day
from insights.figures import FIGURES, departments
from insights.models import DailyFigure, Initiative
from insights.sections import all_figures, installed_sections
from insights.services import daily_figures_build
from people.models import Department, User

DAYS = 365
REAL_DAYS = 3  # the most recent days come from the apps' own demo rows
PILOT_CODES = ("COM", "MKT")
INITIATIVE_TITLE = "Tips bespreken in het werkoverleg"
INITIATIVE_FIGURE = "guidelines.acknowledgement_rate"
STARTED_DAYS_AGO = 84


def _count(rng, mean: float) -> int:
    return int(mean + rng.random())


def _day_rows(rng, offset: int, department: int, headcount: int, pilot: bool) -> dict:
    """{figure name: (amount, base)} for one department, `offset` days before the last day."""
    progress = 1 - offset / DAYS  # 0 a year ago, 1 now
    boost = 0.15 if pilot and offset < STARTED_DAYS_AGO else 0.0
    h = headcount
    enrolments = _count(rng, h * 0.03)
    ratings = _count(rng, h * 0.015)
    questions = _count(rng, h * 0.04)
    answered = questions
    registered = _count(rng, h * 0.02)
    lines = _count(rng, h * 0.02)
    # Review cycles every 150 days: the year's first and last weeks both fall in one.
    cycle_day = offset % 150
    tips = 8
    ack = min(0.98, 0.55 + 0.15 * progress + boost + rng.uniform(-0.03, 0.03))
    return {
        "guidelines.acknowledgement_rate": (round(h * tips * ack), h * tips),
        "guidelines.acknowledgements": (_count(rng, h * (0.04 + boost / 3)), 0),
        **_draft_rows(rng, h, progress),
        "trainings.enrolments": (enrolments, 0),
        "trainings.completions": (_count(rng, h * 0.02), 0),
        "trainings.no_show_rate": (_count(rng, registered * 0.1), registered),
        "trainings.satisfaction": (round(ratings * rng.uniform(3.7, 4.5)), ratings),
        "trainings.waitlist_share": (_count(rng, enrolments * 0.2), enrolments),
        "trainings.proposals": (_count(rng, h * 0.01), 0),
        "trainings.proposed_completions": (_count(rng, h * 0.006), 0),
        "helpdesk.questions": (questions, 0),
        "helpdesk.first_response_hours": (answered * rng.uniform(4, 10 - 3 * progress), answered),
        "helpdesk.within_target": (_count(rng, answered * (0.75 + 0.15 * progress)), answered),
        "helpdesk.satisfaction": (round(ratings * rng.uniform(3.8, 4.6)), ratings),
        "competencies.cycle_progress": (round(h * min(1, cycle_day / 60)), h),
        "competencies.reviews_done": (_count(rng, h * 0.016) if cycle_day < 60 else 0, 0),
        "competencies.average_gap": (round(lines * rng.uniform(0.3, 0.9), 1), lines),
        "competencies.at_target": (_count(rng, lines * (0.6 + 0.2 * progress)), lines),
        "competencies.gaps_found": (_count(rng, lines * 0.35), 0),
        **_sharing_rows(rng, h, progress, boost),
        **_news_rows(rng, offset, h, progress),
        **_recruitment_rows(rng, h, progress),
    }


# The checker's rules and how often each finds something in a flagged draft.
RULE_SHARES = (("confidential", 0.25), ("negative", 0.2), ("length", 0.2), ("email", 0.1),
               ("phone", 0.08), ("financial", 0.07), ("internal", 0.05), ("address", 0.03),
               ("iban", 0.01), ("bsn", 0.01))  # fmt: skip


def _draft_rows(rng, h: int, progress: float) -> dict:
    checks = _count(rng, 0.1 + h * (0.03 + 0.03 * progress))
    flagged = _count(rng, checks * (0.4 - 0.15 * progress))
    rows = {"guidelines.draft_checks": (checks, 0), "guidelines.draft_flagged": (flagged, 0)}
    for kind, share in RULE_SHARES:
        rows[f"guidelines.found_{kind}"] = (_count(rng, 0.01 + flagged * share), 0)
    return rows


CHANNELS = (("linkedin", 0.55), ("whatsapp", 0.2), ("email", 0.1), ("facebook", 0.1), ("x", 0.05))


def _sharing_rows(rng, h: int, progress: float, boost: float) -> dict:
    rows, shares_all, clicks_all, vacancy_clicks = {}, 0, 0, 0
    for channel, part in CHANNELS:
        # Each network its part of about one and a half links per employee a month, so that
        # no month has fewer links on a network than sharing's demo has people who made them
        # (the people insights counts behind clicks per share: on LinkedIn up to about 25).
        shares = _count(rng, 0.01 + h * (0.035 + 0.025 * progress + boost / 8) * part)
        # Clicks per share as on the demo's own links (sharing.demo: two to nine, or more).
        clicks = _count(rng, shares * rng.uniform(3, 8))
        rows[f"sharing.click_through_{channel}"] = (clicks, shares)
        shares_all, clicks_all = shares_all + shares, clicks_all + clicks
        # About a third of the clicks are on vacancies (each network now and then).
        on_vacancies = _count(rng, 0.015 + clicks * 0.3)
        rows[f"recruitment.clicks_{channel}"] = (on_vacancies, 0)
        vacancy_clicks += on_vacancies
    vacancy_shares = _count(rng, shares_all * 0.3)
    return {
        **rows,
        "sharing.shares": (shares_all, 0),
        "sharing.clicks": (clicks_all, 0),
        "sharing.click_through": (clicks_all, shares_all),
        "sharing.vacancy_shares": (vacancy_shares, 0),
        "sharing.vacancy_clicks": (vacancy_clicks, 0),
    }


def _links_for_the_people_behind(rng, per_department: dict, first, last) -> None:
    """No generated month may have fewer links on a network, in a department or in the whole
    organisation, than sharing's demo has people who made them (the people insights counts
    behind clicks per share): the missing links, with clicks, go on days of that month.
    `per_department`: {(day, department pk): {figure: (amount, base)}}, changed in place."""
    section = next((s for s in installed_sections() if s.label == "sharing" and s.people), None)
    if section is None:
        return
    behind = section.people(first, last, "month")
    headcounts = {pk: n for pk, _name, n in departments()}
    days = defaultdict(list)  # (department pk, month): its generated days
    for day, pk in per_department:
        days[pk, day.replace(day=1)].append(day)

    def links(pk, month, channel) -> int:
        return sum(per_department[d, pk][f"sharing.click_through_{channel}"][1]
                   for d in days[pk, month])  # fmt: skip

    def add(pk, month, channel, missing: int) -> None:
        for _link in range(missing):
            figures = per_department[rng.choice(days[pk, month]), pk]
            clicks = _count(rng, rng.uniform(3, 8))
            for key, link in ((f"sharing.click_through_{channel}", 1), ("sharing.click_through", 1),
                              ("sharing.clicks", 0), ("sharing.shares", 0)):  # fmt: skip
                amount, base = figures[key]
                figures[key] = (amount + (1 if key == "sharing.shares" else clicks), base + link)

    for channel, _part in CHANNELS:
        for month, people in behind.get(f"click_through_{channel}", {}).items():
            generated = [pk for pk, _month in days if _month == month]
            if month == "period" or not generated:
                continue  # a month of real days only: its rows come from the real links
            for pk in generated:
                add(pk, month, channel, people.get(pk, 0) - links(pk, month, channel))
            # People without a department (alumni, freelancers) count in the organisation only.
            made = sum(links(pk, month, channel) for pk in generated)
            largest = max(generated, key=lambda pk: headcounts.get(pk, 0))
            add(largest, month, channel, people.get("organisation", 0) - made)


def _news_rows(rng, offset: int, h: int, progress: float) -> dict:
    must_reads = 2
    confirmed = min(0.97, 0.6 + 0.25 * progress + rng.uniform(-0.04, 0.04))
    rows = {
        "news.readers": (_count(rng, h * 0.25), 0),
        "news.comments": (_count(rng, h * (0.01 + 0.01 * progress)), 0),
        "news.reactions": (_count(rng, h * (0.03 + 0.02 * progress)), 0),
        "news.confirmation_rate": (round(h * must_reads * confirmed), h * must_reads),
    }
    if offset % 28 == 5:  # a consultation closes every four weeks
        turnout = 0.3 + 0.2 * progress + rng.uniform(-0.05, 0.05)
        rows["news.consultation_turnout"] = (round(h * turnout), h)
    return rows


def _recruitment_rows(rng, h: int, progress: float) -> dict:
    """Applications per network of the shared link (each network now and then, however small
    the department) and without one; the totals are their sums."""
    mean, through_links = 0.1 + h * 0.02, 0.15 + 0.15 * progress
    rows, shared = {}, 0
    for channel, part in CHANNELS:
        n = _count(rng, 0.012 + mean * through_links * part)
        rows[f"recruitment.applications_{channel}"] = (n, 0)
        shared += n
    direct = _count(rng, mean * (1 - through_links))
    return {
        **rows,
        "recruitment.applications_direct": (direct, 0),
        "recruitment.applications": (shared + direct, 0),
        "recruitment.applications_via_share": (shared, 0),
        "recruitment.applications_via_alumni_share": (_count(rng, shared * 0.25), 0),
    }


# How the hires came in, in turn: the first (every sixtieth day) through an alumnus's link.
HIRED_THROUGH = ("linkedin", "direct", "direct", "whatsapp", "direct", "email", "direct",
                 "linkedin", "direct", "facebook", "direct", "x")  # fmt: skip


def _hire_rows(rng, offset: int, progress: float) -> dict:
    """The organisation's hires, one every five days (in turn without a shared link or through
    one on each network, each twelfth through an alumnus's) and a boomerang every thirty: rare
    events on a fixed rhythm, so every chart, each network's too, has its year."""
    if offset % 5:
        return {}
    channel = HIRED_THROUGH[offset // 5 % len(HIRED_THROUGH)]
    via_share = 0 if channel == "direct" else 1
    rows = {
        "recruitment.hires": (1, 0),
        f"recruitment.hires_{channel}": (1, 0),
        "recruitment.hires_via_share": (via_share, 0),
        "recruitment.hires_via_alumni_share": (1 if offset % 60 == 0 else 0, 0),
        "recruitment.referral_share": (max(via_share, _count(rng, 0.15)), 1),
        "recruitment.time_to_hire": (rng.uniform(34 - 10 * progress, 50 - 10 * progress), 1),
    }
    if offset % 30 == 10:
        rows["alumni.boomerang_hires"] = (1, 0)
    return rows


def _network_rows(rng, offset: int) -> dict:
    """The alumni network's day: no department (None)."""
    progress = 1 - offset / DAYS
    members = 140 + round(110 * progress)
    in_directory = min(0.9, 0.45 + 0.2 * progress + rng.uniform(-0.02, 0.02))
    alumni_shares = _count(rng, 0.2 + 0.2 * progress)
    return {
        "alumni.members": (_count(rng, 0.35), 0),
        "alumni.verified": (_count(rng, 0.3), 0),
        "alumni.directory_opt_in": (round(members * in_directory), members),
        "alumni.gig_interest": (_count(rng, 0.6 + 0.4 * progress), 0),
        "alumni.gig_fills": (_count(rng, 0.12), 0),
        "sharing.vacancy_shares_by_alumni": (alumni_shares, 0),
        "sharing.vacancy_clicks_by_alumni": (_count(rng, alumni_shares * rng.uniform(1.5, 3)), 0),
    }


def seed(ctx):
    last = demo_day(-1)
    first = last - datetime.timedelta(days=DAYS - 1)
    generated_until = last - datetime.timedelta(days=REAL_DAYS)
    # Its own generator, seeded by the date: the shared ctx.rng is drawn on differently by the
    # other apps on a second run (they skip what exists), and the year must come out the same.
    rng = random.Random(f"insights-demo-{last.isoformat()}")
    known = set(all_figures())
    pilot_ids = set(Department.objects.filter(code__in=PILOT_CODES).values_list("pk", flat=True))
    DailyFigure.objects.filter(day__gte=first, day__lte=last).delete()
    rows, per_department = [], {}
    for offset in range((last - generated_until).days, DAYS):
        day = last - datetime.timedelta(days=offset)
        for pk, _name, headcount in departments():
            per_department[day, pk] = _day_rows(rng, offset, pk, headcount, pk in pilot_ids)
        for key, mean in (("helpdesk.solved_without_ticket", 0.4 + offset * -0.0006 + 0.25),
                          ("helpdesk.faq_from_questions", 0.08)):  # fmt: skip
            if key in known and (amount := _count(rng, mean)):
                rows.append(DailyFigure(day=day, figure=key, department=None, amount=amount))
        hired_in = rng.choice(departments())[0] if departments() else None
        for key, (amount, base) in _hire_rows(rng, offset, 1 - offset / DAYS).items():
            if key in known and (amount or base):
                rows.append(
                    DailyFigure(day=day, figure=key, department_id=hired_in, amount=amount,
                                base=base)
                )  # fmt: skip
        for key, (amount, base) in _network_rows(rng, offset).items():
            if key in known and (amount or base):
                rows.append(
                    DailyFigure(day=day, figure=key, department=None, amount=amount, base=base)
                )
    _links_for_the_people_behind(rng, per_department, first, last)
    for (day, pk), figures in per_department.items():
        for key, (amount, base) in figures.items():
            if key in known and (amount or base):
                rows.append(
                    DailyFigure(day=day, figure=key, department_id=pk, amount=amount, base=base)
                )
    DailyFigure.objects.bulk_create(rows, batch_size=2000)
    day = generated_until + datetime.timedelta(days=1)
    while day <= last:
        daily_figures_build(day=day)
        day += datetime.timedelta(days=1)
    FIGURES.forget()
    ctx.log(f"insights: {len(rows)} daily figures generated, the last {REAL_DAYS} days built")

    owner = User.objects.hr_staff().order_by("pk").first()
    if owner is None or INITIATIVE_FIGURE not in known:
        return
    initiative, created = Initiative.objects.get_or_create(
        title=INITIATIVE_TITLE,
        defaults={
            "practice": "guidelines", "owner": owner, "created_by": owner,
            "starts_on": demo_day(-STARTED_DAYS_AGO), "figure": INITIATIVE_FIGURE,
            "baseline": 64, "target": 85,
            "result": "In de pilotafdelingen steeg het aandeel bevestigde tips binnen zes weken; "
                      "de rest bleef gelijk. Voorstel: uitrollen naar alle afdelingen.",
        },
    )  # fmt: skip
    if created:
        initiative.pilot_departments.set(pilot_ids)
