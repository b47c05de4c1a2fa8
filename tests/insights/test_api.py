"""Insights' figures in the API: HR tokens only, and every cell through insights.privacy.publish
(a suppressed cell is null with its reason, never the raw number)."""

import datetime

import pytest

from integrations import tokens
from tests.insights.helpers import days_ago, department, figure
from tests.insights.test_people_behind import shares_by

pytestmark = pytest.mark.django_db


def bearer(user, *, is_hr=True, scopes=("insights:read",)):
    _token, secret = tokens.token_create(
        user=user, name="test", scopes=list(scopes), days=30, is_hr=is_hr
    )
    return {"Authorization": f"Bearer {secret}"}


def period():
    return {"start": days_ago(60).isoformat(), "end": days_ago(1).isoformat()}


def breakdown(body, key):
    return next(b for s in body["sections"] for b in s["breakdowns"] if b["key"] == key)


@pytest.fixture
def three_departments(db):
    return department("Vier", 4), department("Zes", 6), department("Twaalf", 12)


def test_it_gives_hr_the_published_figures_with_suppressed_cells_as_null(
    client, hanna, three_departments
):
    four, six, twelve = three_departments
    figure("trainings.enrolments", four, 3)
    figure("trainings.enrolments", six, 5)
    figure("trainings.enrolments", twelve, 9)

    response = client.get("/api/insights/", period(), headers=bearer(hanna))

    assert response.status_code == 200
    body = response.json()
    rows = {r["department"]: r for r in breakdown(body, "trainings.enrolments")["departments"]}
    assert rows["Vier"]["value"] is None and rows["Vier"]["suppressed"]
    assert rows["Vier"]["reason"] == "te weinig mensen om te tonen"
    # Complementary suppression: one hidden part beside the total would be the total minus
    # the others, so the next-smallest is hidden too.
    assert len([r for r in rows.values() if r["suppressed"]]) >= 2
    assert rows["Twaalf"]["value"] == 9 and rows["Twaalf"]["reason"] is None
    assert breakdown(body, "trainings.enrolments")["total"]["value"] == 17
    assert 3 not in [r["value"] for r in rows.values()]


def test_it_hides_click_through_of_six_shares_by_two_people(client, hanna):
    deel, groot, groter = department("Deel", 12), department("Groot", 20), department("Groter", 30)
    shares_by(deel, sharers=2, shares=6, clicks=120)
    shares_by(groot, sharers=8, shares=8, clicks=40)
    shares_by(groter, sharers=9, shares=9, clicks=45)

    response = client.get("/api/insights/sharing/", period(), headers=bearer(hanna))

    assert response.status_code == 200
    sections = response.json()["sections"]
    assert [s["label"] for s in sections] == ["sharing"]
    rows = {r["department"]: r for r in breakdown(response.json(), "sharing.click_through")
            ["departments"]}  # fmt: skip
    assert rows["Deel"]["value"] is None and rows["Deel"]["suppressed"]
    assert rows["Groter"]["value"] == 5


def test_a_department_of_four_alone_is_refused_with_a_clear_message(
    client, hanna, three_departments
):
    four = three_departments[0]
    response = client.get(
        "/api/insights/", {**period(), "department": four.pk}, headers=bearer(hanna)
    )
    assert response.status_code == 422
    assert "Vier heeft minder dan 5 mensen" in response.json()["detail"]


def test_bad_periods_and_unknown_sections_are_clear_errors(client, hanna):
    headers = bearer(hanna)
    backwards = {"start": days_ago(1).isoformat(), "end": days_ago(30).isoformat()}
    response = client.get("/api/insights/", backwards, headers=headers)
    assert response.status_code == 422
    assert "einde" in response.json()["detail"].lower()
    assert client.get("/api/insights/", {"start": "gisteren"}, headers=headers).status_code == 422
    assert client.get("/api/insights/nergens/", headers=headers).status_code == 404


def test_only_hr_tokens_read_figures(client, hanna, emma):
    assert client.get("/api/insights/", headers=bearer(emma, is_hr=False)).status_code == 404
    assert client.get("/api/insights/", headers=bearer(hanna, is_hr=False)).status_code == 404
    wrong_scope = bearer(hanna, scopes=("people:read",))
    assert client.get("/api/insights/", headers=wrong_scope).status_code == 401
    assert client.get("/api/insights/").status_code == 401


def test_weeks_come_with_their_first_day(client, hanna, three_departments):
    response = client.get(
        "/api/insights/trainings/", {**period(), "granularity": "week"}, headers=bearer(hanna)
    )
    periods = response.json()["sections"][0]["series"][0]["periods"]
    assert all(datetime.date.fromisoformat(p["period"]).weekday() == 0 for p in periods)


def test_every_read_is_in_the_audit_log_with_its_section_and_period(
    client, hanna, three_departments
):
    from hrsocial.models import AuditEntry

    twelve = three_departments[2]
    headers = bearer(hanna)
    assert client.get("/api/insights/", period(), headers=headers).status_code == 200
    chosen = {**period(), "department": twelve.pk, "granularity": "week"}
    assert client.get("/api/insights/trainings/", chosen, headers=headers).status_code == 200

    entries = list(AuditEntry.objects.filter(action="insights.api_read").order_by("pk"))
    assert [e.actor for e in entries] == [hanna, hanna]
    everything, trainings = (e.detail for e in entries)
    assert everything["section"] == "" and everything["department"] is None
    assert everything["start"] == period()["start"] and everything["end"] == period()["end"]
    assert trainings == {"section": "trainings", "start": period()["start"],
                         "end": period()["end"], "granularity": "week",
                         "department": twelve.pk}  # fmt: skip


def test_refused_and_unknown_reads_are_not_logged_as_reads(client, hanna, emma):
    from hrsocial.models import AuditEntry

    assert client.get("/api/insights/", headers=bearer(emma, is_hr=False)).status_code == 404
    assert client.get("/api/insights/nergens/", headers=bearer(hanna)).status_code == 404
    assert not AuditEntry.objects.filter(action="insights.api_read").exists()
