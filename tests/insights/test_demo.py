import datetime
from io import StringIO

from django.db.models import Max, Min

from hrsocial.demo import DemoContext
from insights import demo as insights_demo
from insights.models import DailyFigure, Initiative
from insights.sections import all_figures
from people import demo as people_demo


def test_it_gives_every_chart_a_year_of_history_and_one_pilot_initiative(db):
    ctx = DemoContext(stdout=StringIO())
    people_demo.seed(ctx)
    insights_demo.seed(ctx)
    insights_demo.seed(ctx)  # idempotent: the year is replaced, the initiative found again

    spans = {
        row["figure"]: row["last"] - row["first"]
        for row in DailyFigure.objects.values("figure").annotate(first=Min("day"), last=Max("day"))
    }
    assert set(spans) == set(all_figures())
    assert all(span >= datetime.timedelta(days=300) for span in spans.values())
    initiative = Initiative.objects.get()
    assert initiative.pilot_departments.count() == 2
