import datetime
from io import StringIO

from django.db.models import Max, Min, Sum
from django.db.models.functions import TruncMonth

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


def test_it_shows_the_year_of_recruitment_per_channel_where_enough_candidates_are_behind_it(db):
    from insights.figures import Selection, dashboard
    from insights.forms import default_period
    from insights.privacy import publish
    from recruitment import demo as recruitment_demo

    ctx = DemoContext(stdout=StringIO())
    people_demo.seed(ctx)
    recruitment_demo.seed(ctx)
    insights_demo.seed(ctx)

    start, end = default_period()
    shown = publish(dashboard(Selection(start=start, end=end)))
    totals = {x.key: x.total for s in shown.sections for x in s.series}
    for key in ("applications_linkedin", "applications_whatsapp", "applications_direct",
                "hires_linkedin", "hires_direct"):  # fmt: skip
        assert not totals[f"recruitment.{key}"].hidden, key
        assert totals[f"recruitment.{key}"].value > 0, key


def _seeded_default_view():
    """The demo of people, recruitment, sharing and insights, and the dashboard's series of
    the default period as shown (after the privacy rules): (start, end, {key: series})."""
    from insights.figures import Selection, dashboard
    from insights.forms import default_period
    from insights.privacy import publish
    from recruitment import demo as recruitment_demo
    from sharing import demo as sharing_demo

    ctx = DemoContext(stdout=StringIO())
    people_demo.seed(ctx)
    recruitment_demo.seed(ctx)
    sharing_demo.seed(ctx)
    insights_demo.seed(ctx)
    start, end = default_period()
    shown = publish(dashboard(Selection(start=start, end=end)))
    return start, end, {x.key: x for s in shown.sections for x in s.series}


def test_it_shows_a_year_of_counted_clicks_on_vacancies_per_channel_for_the_organisation(db):
    """The clicks per channel show only where the links of five people were clicked: the
    demo's vacancy kits are shared by enough colleagues, over the whole year."""
    start, end, series = _seeded_default_view()
    for channel in ("linkedin", "whatsapp", "email"):
        clicks = series[f"recruitment.clicks_{channel}"]
        applications = series[f"recruitment.applications_{channel}"]
        assert not clicks.total.hidden, channel
        assert clicks.total.value >= applications.total.value > 0, channel
    # LinkedIn and WhatsApp every month but perhaps the current one, only days old.
    for channel in ("linkedin", "whatsapp"):
        months = series[f"recruitment.clicks_{channel}"].cells[:-1]
        assert len(months) >= 11 and not any(cell.hidden for cell in months), channel


def test_it_shows_a_year_of_clicks_per_share_overall_and_on_linkedin_for_the_organisation(db):
    """Clicks per share show only where five people made the period's links: the demo's kits
    are shared by enough colleagues in (nearly) every month of the default view."""
    from sharing import api as sharing_api

    start, end, series = _seeded_default_view()
    for key in ("sharing.click_through", "sharing.click_through_linkedin"):
        months = series[key].cells
        assert len(months) == 12, key
        assert sum(not cell.hidden for cell in months) >= 10, (key, [c.text for c in months])
        assert not series[key].total.hidden, key
    # The generated year agrees with the real shares: no month has fewer links than people
    # who made them.
    behind = sharing_api.sharers(start, end, "month")
    links = {
        (row["month"], row["figure"]): row["links"]
        for row in DailyFigure.objects.filter(day__gte=start, day__lte=end)
        .annotate(month=TruncMonth("day"))
        .values("month", "figure")
        .annotate(links=Sum("base"))
    }
    for name in ("click_through", "click_through_linkedin"):
        for month, people in behind[name].items():
            if month != "period":
                assert links.get((month, f"sharing.{name}"), 0) >= people["organisation"], month
