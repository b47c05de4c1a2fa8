"""Figures: the employee's own clicks at once, HR's from pre-aggregated daily counters with a
fixed number of queries; per person only on the opt-in leaderboard (or with the works
council's consent); groups of fewer than five people show no figure."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sharing.models import Click, DailyFigure, SharingProfile
from sharing.services.counting import clicks_aggregate
from sharing.services.figures import hr_figures, leaderboard
from tests.factories import DepartmentFactory, UserFactory
from tests.queries import count_queries
from tests.sharing.factories import KitFactory, ShareFactory

pytestmark = pytest.mark.django_db

PAST = timezone.now() - datetime.timedelta(minutes=5)


def clicks(share, n, day=None):
    day = day or timezone.localdate()
    Click.objects.bulk_create(
        [Click(share=share, day=day, visitor=f"v{i}", created_at=PAST) for i in range(n)]
    )


def test_the_employee_sees_their_own_shares_and_clicks(client, emma):
    share = ShareFactory(sharer=emma)
    clicks(share, 3)
    client.force_login(emma)
    response = client.get(reverse("sharing:mine"))
    assert response.context["total_clicks"] == 3


def test_aggregating_adds_each_click_once(emma):
    share = ShareFactory(sharer=emma, department=emma.department)
    clicks(share, 4)
    assert clicks_aggregate() == 4
    assert clicks_aggregate() == 0
    clicks(share, 1, day=timezone.localdate() - datetime.timedelta(days=1))
    assert clicks_aggregate() == 1
    assert sorted(DailyFigure.objects.values_list("clicks", flat=True)) == [1, 4]


def test_a_click_that_just_happened_waits_for_the_next_run(emma):
    share = ShareFactory(sharer=emma)
    Click.objects.create(share=share, day=timezone.localdate(), visitor="now")
    assert clicks_aggregate() == 0


def test_only_people_who_opted_in_are_on_the_leaderboard(emma, cas):
    for person in (emma, cas):
        clicks(ShareFactory(sharer=person), 2)
    clicks_aggregate()
    assert leaderboard() == []
    SharingProfile.objects.create(user=cas, on_leaderboard=True)
    assert [row["person"] for row in leaderboard()] == [cas]
    with override_settings(SHARING_WORKS_COUNCIL_CONSENT=True):
        assert {row["person"] for row in leaderboard()} == {emma, cas}


def test_a_department_with_fewer_than_five_sharers_shows_no_figure(db):
    big, small = DepartmentFactory(name="Groot"), DepartmentFactory(name="Klein")
    kit = KitFactory()
    for department, people in ((big, 6), (small, 2)):
        for _n in range(people):
            person = UserFactory(department=department)
            clicks(ShareFactory(sharer=person, kit=kit, department=department), 1)
    clicks_aggregate()
    rows = {row.label: row for row in hr_figures()["departments"]}
    # The small one is hidden; with a total shown, the next smallest is hidden as well.
    assert rows["Klein"].hidden and rows["Groot"].hidden


def test_hrs_figures_page_runs_the_same_number_of_queries_for_5_and_50_shares(client, hanna):
    def make(n):
        kit = KitFactory()
        for _n in range(n):
            person = UserFactory()
            clicks(ShareFactory(sharer=person, kit=kit, department=person.department), 2)
        clicks_aggregate()

    client.force_login(hanna)
    make(5)
    few = count_queries(client, reverse("sharing:figures"))
    make(45)
    many = count_queries(client, reverse("sharing:figures"))
    assert few == many


def test_the_employees_page_runs_the_same_number_of_queries_for_5_and_50_shares(client, emma):
    client.force_login(emma)
    for _n in range(5):
        clicks(ShareFactory(sharer=emma, kit=KitFactory()), 1)
    few = count_queries(client, reverse("sharing:mine"))
    for _n in range(45):
        clicks(ShareFactory(sharer=emma, kit=KitFactory()), 1)
    assert count_queries(client, reverse("sharing:mine")) == few


def test_an_employee_joins_and_leaves_the_leaderboard(client, emma):
    client.force_login(emma)
    client.post(reverse("sharing:leaderboard"), {"on_leaderboard": "on"})
    assert SharingProfile.objects.get(user=emma).on_leaderboard
    client.post(reverse("sharing:leaderboard"), {})
    assert not SharingProfile.objects.get(user=emma).on_leaderboard


def test_hrs_figures_are_kept_until_their_rows_change(emma, cas):
    # Adding up a million clicks takes half a second: the figures are kept in the cache and
    # forgotten by what changes them (new shares, the aggregation, a leaderboard choice).
    share = ShareFactory(sharer=emma, department=emma.department)
    clicks(share, 3)
    clicks_aggregate()
    assert hr_figures()["totals"]["clicks"] == 3
    with CaptureQueriesContext(connection) as kept:
        assert hr_figures()["totals"]["clicks"] == 3
    assert len(kept) == 0
    clicks(share, 2, day=timezone.localdate() - datetime.timedelta(days=1))
    assert hr_figures()["totals"]["clicks"] == 3  # not added up yet: the same figures
    clicks_aggregate()
    assert hr_figures()["totals"]["clicks"] == 5
    ShareFactory(sharer=cas, department=cas.department)
    assert hr_figures()["totals"]["shares"] == 2
    SharingProfile.objects.create(user=emma, on_leaderboard=True)
    assert [row["person"] for row in hr_figures()["leaderboard"]] == [emma]
    with override_settings(SHARING_WORKS_COUNCIL_CONSENT=True):
        assert hr_figures()["everyone_shown"]
