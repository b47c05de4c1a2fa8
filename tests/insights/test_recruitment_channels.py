"""Recruitment per channel: counted clicks → applications → hires per network the personal
link was shared on (and applications and hires without one), from daily rows, gated by the
distinct candidates (and, for clicks, sharers) behind them, not by the department's size."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from insights import figures
from insights.figures import Selection
from insights.models import DailyFigure
from insights.privacy import publish
from insights.sections import installed_sections
from insights.services import daily_figures_build
from recruitment.models import Application
from sharing.models import DailyFigure as ClickFigure
from tests.exports import read_csv
from tests.factories import AlumnusFactory
from tests.insights.helpers import days_ago, department
from tests.recruitment.factories import VacancyFactory
from tests.sharing.factories import KitFactory, ShareFactory

pytestmark = pytest.mark.django_db


def at(days, hour=12):
    return datetime.datetime.combine(
        days_ago(days), datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


def rows(key):
    return {r.department_id: (r.amount, r.base) for r in DailyFigure.objects.filter(figure=key)}


def breakdown(dashboard, key):
    return next(b for s in dashboard.sections for b in s.breakdowns if b.key == key)


def series(dashboard, key):
    return next(x for s in dashboard.sections for x in s.series if x.key == key)


def period(**more):
    return Selection(start=days_ago(60), end=days_ago(1), **more)


def applied(dept, *, candidates: int, applications: int, channel="linkedin", hired=False):
    """`applications` applications to vacancies of `dept` ten days ago from `candidates`
    different addresses (a candidate applying to several vacancies), hired two days later
    when `hired`, and the daily rows the nightly build writes for them."""
    for n in range(applications):
        Application.objects.create(
            vacancy=VacancyFactory(department=dept), email=f"kandidaat{n % candidates}@example.org",
            channel=channel, referral_code="" if channel in ("direct", "referral") else "code",
            created_at=at(10), stage="hired" if hired else "new",
            ended_at=at(8) if hired else None,
        )  # fmt: skip


def build():
    for days in (10, 8):
        daily_figures_build(day=days_ago(days))


def test_it_counts_applications_and_hires_per_channel_and_without_a_shared_link():
    sales = department("Sales", 6)
    vacancy = VacancyFactory(department=sales)

    def application(channel, **fields):
        return Application.objects.create(vacancy=vacancy, email=f"{channel}@example.org",
                                          channel=channel, created_at=at(1), **fields)  # fmt: skip

    for channel in ("linkedin", "linkedin", "whatsapp", "direct", "referral", "internal"):
        application(channel)
    application("email", stage="hired", ended_at=at(1, 15))
    application("direct", stage="hired", ended_at=at(1, 16))
    daily_figures_build(day=days_ago(1))

    assert rows("recruitment.applications_linkedin") == {sales.pk: (2, 0)}
    assert rows("recruitment.applications_whatsapp") == {sales.pk: (1, 0)}
    assert rows("recruitment.applications_email") == {sales.pk: (1, 0)}
    assert rows("recruitment.applications_x") == {}
    # The careers page, a referral by name and an internal application: no shared link.
    assert rows("recruitment.applications_direct") == {sales.pk: (4, 0)}
    assert rows("recruitment.applications") == {sales.pk: (8, 0)}
    assert rows("recruitment.hires_email") == {sales.pk: (1, 0)}
    assert rows("recruitment.hires_direct") == {sales.pk: (1, 0)}
    assert rows("recruitment.hires_linkedin") == {}


def test_it_counts_clicks_on_vacancy_links_per_channel_and_department_of_the_sharer():
    sales = department("Sales", 6)
    vacancy_kit, other_kit = KitFactory(shareable_key="recruitment.vacancy"), KitFactory()
    employee, alumnus = sales.members.first(), AlumnusFactory()
    for person, kit, channel, clicks in ((employee, vacancy_kit, "linkedin", 4),
                                         (employee, vacancy_kit, "whatsapp", 2),
                                         (employee, other_kit, "linkedin", 9),
                                         (alumnus, vacancy_kit, "linkedin", 3)):  # fmt: skip
        made = ShareFactory(sharer=person, department=person.department, channel=channel,
                            kit=kit, created_at=at(1))  # fmt: skip
        ClickFigure.objects.create(share=made, day=days_ago(1), kit=kit, channel=channel,
                                   sharer=person, department=person.department,
                                   clicks=clicks)  # fmt: skip
    daily_figures_build(day=days_ago(1))

    assert rows("recruitment.clicks_linkedin") == {sales.pk: (4, 0), None: (3, 0)}
    assert rows("recruitment.clicks_whatsapp") == {sales.pk: (2, 0)}
    assert rows("recruitment.clicks_x") == {}


@pytest.fixture
def departments():
    return department("Deel", 12), department("Groot", 20), department("Groter", 30)


@pytest.mark.parametrize(("candidates", "shown"), [(2, False), (4, False), (5, True)])
def test_applications_per_channel_show_only_for_five_different_candidates(
    departments, candidates, shown
):
    deel, groot, groter = departments
    applied(deel, candidates=candidates, applications=6)
    applied(groot, candidates=8, applications=8)
    applied(groter, candidates=9, applications=9)
    build()

    dashboard = publish(figures.dashboard(period()))
    table = dict(breakdown(dashboard, "recruitment.applications_linkedin").rows)
    assert table["Deel"].hidden is not shown
    # The organisation minus the others would give Deel's figure: the next-smallest goes too.
    assert table["Groot"].hidden is not shown
    assert table["Groter"].value == 9
    assert breakdown(dashboard, "recruitment.applications_linkedin").total.value == 23

    alone = series(publish(figures.dashboard(period(department=deel.pk))),
                   "recruitment.applications_linkedin")  # fmt: skip
    assert alone.total.hidden is not shown
    if not shown:
        assert all(cell.hidden for cell in alone.cells)


@pytest.mark.parametrize(("hires", "shown"), [(3, False), (5, True)])
def test_hires_per_channel_and_without_a_link_show_only_for_five_people_hired(
    departments, hires, shown
):
    deel, groot, groter = departments
    for channel in ("whatsapp", "direct"):
        applied(deel, candidates=hires, applications=hires, channel=channel, hired=True)
        applied(groot, candidates=6, applications=6, channel=channel, hired=True)
        applied(groter, candidates=7, applications=7, channel=channel, hired=True)
    build()

    dashboard = publish(figures.dashboard(period()))
    for key in ("recruitment.hires_whatsapp", "recruitment.hires_direct"):
        table = dict(breakdown(dashboard, key).rows)
        assert table["Deel"].hidden is not shown
        assert table["Groot"].hidden is not shown
        assert table["Groter"].value == 7


def test_a_channel_with_few_candidates_in_the_whole_organisation_shows_nothing(departments):
    deel, groot, groter = departments
    applied(groter, candidates=3, applications=9, channel="x")
    build()
    dashboard = publish(figures.dashboard(period()))
    x = series(dashboard, "recruitment.applications_x")
    assert x.total.hidden and all(cell.hidden for cell in x.cells)
    assert breakdown(dashboard, "recruitment.applications_x").total.hidden


def clicked(dept, *, sharers: int, links: int, clicks: int, channel="linkedin"):
    """`links` personal links to vacancies by the first `sharers` of `dept`, with `clicks`
    counted clicks each ten days ago."""
    people = list(dept.members.order_by("pk"))[:sharers]
    for n in range(links):
        person, kit = people[n % sharers], KitFactory(shareable_key="recruitment.vacancy")
        made = ShareFactory(sharer=person, department=dept, channel=channel, kit=kit,
                            created_at=at(12))  # fmt: skip
        ClickFigure.objects.create(share=made, day=days_ago(10), kit=kit, channel=channel,
                                   sharer=person, department=dept, clicks=clicks)  # fmt: skip


@pytest.mark.parametrize(("sharers", "shown"), [(2, False), (5, True)])
def test_clicks_per_channel_show_only_where_five_people_shared_the_links(
    departments, sharers, shown
):
    deel, groot, groter = departments
    clicked(deel, sharers=sharers, links=6, clicks=20)
    clicked(groot, sharers=6, links=6, clicks=2)
    clicked(groter, sharers=7, links=7, clicks=3)
    build()
    table = dict(breakdown(publish(figures.dashboard(period())), "recruitment.clicks_linkedin")
                 .rows)  # fmt: skip
    assert table["Deel"].hidden is not shown
    assert table["Groot"].hidden is not shown
    assert table["Groter"].value == 21


def test_the_dashboard_and_its_export_hide_the_same_cells(client, hanna, departments):
    deel, groot, groter = departments
    applied(deel, candidates=8, applications=8, channel="facebook")
    applied(groot, candidates=9, applications=9, channel="facebook")
    applied(groter, candidates=2, applications=6, channel="facebook")
    build()
    client.force_login(hanna)
    chosen = {"start": days_ago(60).isoformat(), "end": days_ago(1).isoformat()}

    export = client.get(reverse("insights:export"), {
        **chosen, "figure": "recruitment.applications_facebook", "department": groter.pk,
        "format": "csv",
    })  # fmt: skip
    assert export.status_code == 200
    lines = read_csv(export)
    assert lines[-1][1] == "" and lines[-1][2] == "te weinig mensen om te tonen"
    assert all(line[1] == "" for line in lines[1:])

    page = client.get(reverse("insights:index"), chosen).content.decode()
    assert "Sollicitaties via een link gedeeld op Facebook" in page
    everything = client.get(reverse("insights:export"), {
        **chosen, "figure": "recruitment.applications_facebook", "format": "csv",
    })  # fmt: skip
    assert read_csv(everything)[-1][1:] == ["23,0", "23"]


def test_the_section_lists_clicks_applications_and_hires_for_every_channel():
    section = next(s for s in installed_sections() if s.label == "recruitment")
    names = [f.name for f in section.figures]
    for channel in ("linkedin", "x", "facebook", "whatsapp", "email"):
        clicks, applications, hires = (f"{kind}_{channel}" for kind in
                                       ("clicks", "applications", "hires"))  # fmt: skip
        assert names.index(clicks) < names.index(applications) < names.index(hires)
    assert {"applications_direct", "hires_direct"} <= set(names)
