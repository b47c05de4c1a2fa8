"""Demo insights: a year of daily aggregates and one initiative with a pilot group.

The other apps' demo data covers weeks, not a year, so the past year's daily figures are
generated here, as aggregates per department (never rows about people): plausible levels
with noise, slow improvement, and a jump in the pilot group after the initiative started.
The last days are then built from the apps' real demo rows by the nightly builder itself.
Dates come from hrsocial.demo (the figures depend on the offset from today only, never on
the weekday or season). Idempotent: the demo year is replaced as a whole.
"""

import datetime
import random

from hrsocial.demo import demo_day
from insights.figures import FIGURES, departments
from insights.models import DailyFigure, Initiative
from insights.sections import all_figures
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
    cycle_day = offset % 182
    tips = 8
    ack = min(0.98, 0.55 + 0.15 * progress + boost + rng.uniform(-0.03, 0.03))
    return {
        "guidelines.acknowledgement_rate": (round(h * tips * ack), h * tips),
        "guidelines.acknowledgements": (_count(rng, h * (0.04 + boost / 3)), 0),
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
    rows = []
    for offset in range((last - generated_until).days, DAYS):
        day = last - datetime.timedelta(days=offset)
        for pk, _name, headcount in departments():
            for key, (amount, base) in _day_rows(
                rng, offset, pk, headcount, pk in pilot_ids
            ).items():
                if key in known and (amount or base):
                    rows.append(
                        DailyFigure(day=day, figure=key, department_id=pk, amount=amount, base=base)
                    )
        for key, mean in (("helpdesk.solved_without_ticket", 0.4 + offset * -0.0006 + 0.25),
                          ("helpdesk.faq_from_questions", 0.08)):  # fmt: skip
            if key in known and (amount := _count(rng, mean)):
                rows.append(DailyFigure(day=day, figure=key, department=None, amount=amount))
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
