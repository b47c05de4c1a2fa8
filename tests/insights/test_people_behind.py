"""A rate or average over events one person can repeat (clicks per share) is gated by the
number of PEOPLE behind it, which the section counts at request time (`Section.people`), not
by its base: six shares by two people show no click-through, however many clicks."""

import datetime

import pytest
from django.utils import timezone

from insights import figures
from insights.figures import Selection
from insights.privacy import publish
from tests.insights.helpers import days_ago, department
from tests.sharing.factories import KitFactory, ShareFactory


def breakdown(dashboard, key):
    return next(b for s in dashboard.sections for b in s.breakdowns if b.key == key)


def series(dashboard, key):
    return next(x for s in dashboard.sections for x in s.series if x.key == key)


def at(days):
    day = days_ago(days)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())


def shares_by(dept, sharers: int, shares: int, clicks: int, channel="linkedin"):
    """`shares` links made by the first `sharers` people of `dept`, with `clicks` clicks in
    the daily figures (as the nightly build would write them)."""
    from insights.models import DailyFigure

    people = list(dept.members.order_by("pk"))[:sharers]
    for n in range(shares):
        ShareFactory(sharer=people[n % sharers], department=dept, channel=channel,
                     kit=KitFactory(), created_at=at(10))  # fmt: skip
    for key in ("sharing.click_through", f"sharing.click_through_{channel}"):
        DailyFigure.objects.create(
            day=days_ago(10), figure=key, department=dept, amount=clicks, base=shares
        )


def period():
    return Selection(start=days_ago(60), end=days_ago(1))


@pytest.fixture
def departments(db):
    return department("Deel", 12), department("Groot", 20), department("Groter", 30)


def test_six_shares_by_two_people_show_no_click_through(departments):
    deel, groot, groter = departments
    shares_by(deel, sharers=2, shares=6, clicks=120)
    shares_by(groot, sharers=8, shares=8, clicks=40)
    shares_by(groter, sharers=9, shares=9, clicks=45)

    shown = publish(figures.dashboard(period()))
    rows = dict(breakdown(shown, "sharing.click_through").rows)
    assert rows["Deel"].hidden and rows["Deel"].value is None
    # Complementary suppression still works: beside the total, the next-smallest is hidden.
    assert rows["Groot"].hidden
    assert rows["Groter"].value == 5
    channel = dict(breakdown(shown, "sharing.click_through_linkedin").rows)
    assert channel["Deel"].hidden

    chosen = Selection(start=days_ago(60), end=days_ago(1), department=deel.pk)
    alone = series(publish(figures.dashboard(chosen)), "sharing.click_through")
    assert alone.total.hidden
    assert all(cell.hidden for cell in alone.cells)


def test_six_shares_by_five_people_show_their_click_through(departments):
    deel, groot, groter = departments
    shares_by(deel, sharers=5, shares=6, clicks=120)
    shares_by(groot, sharers=8, shares=8, clicks=40)
    shares_by(groter, sharers=9, shares=9, clicks=45)

    rows = dict(breakdown(publish(figures.dashboard(period())), "sharing.click_through").rows)
    assert rows["Deel"].value == 20
    assert rows["Groot"].value == 5
    assert rows["Groter"].value == 5

    chosen = Selection(start=days_ago(60), end=days_ago(1), department=deel.pk)
    alone = series(publish(figures.dashboard(chosen)), "sharing.click_through")
    assert alone.total.value == 20
