from django.urls import reverse

from insights.models import Initiative
from tests.insights.helpers import days_ago, department, figure


def post(client, **fields):
    data = {
        "title": "Tips in het werkoverleg", "practice": "guidelines", "owner": fields.pop("owner"),
        "starts_on": days_ago(30).isoformat(), "figure": "guidelines.acknowledgement_rate",
        "baseline": "60", "target": "80", **fields,
    }  # fmt: skip
    return client.post(reverse("insights:initiative-create"), data)


def test_it_records_an_initiative_with_a_pilot_group_and_shows_it_against_the_rest(client, hanna):
    pilot, rest = department("Pilot", 6), department("Rest", 8)
    figure("guidelines.acknowledgement_rate", pilot, 45, 60, day=days_ago(3))
    figure("guidelines.acknowledgement_rate", rest, 40, 80, day=days_ago(3))
    client.force_login(hanna)
    response = post(client, owner=hanna.pk, pilot_departments=[pilot.pk])
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert list(initiative.pilot_departments.all()) == [pilot]
    page = client.get(reverse("insights:initiative-detail", args=[initiative.pk]))
    comparison = page.context["comparison"]
    assert comparison.has_pilot
    assert [c.text for c in comparison.pilot if c.value is not None] == ["75\u00a0%"]
    assert [c.text for c in comparison.rest if c.value is not None] == ["50\u00a0%"]


def test_it_refuses_an_initiative_without_a_figure(client, hanna):
    client.force_login(hanna)
    response = post(client, owner=hanna.pk, figure="")
    assert "Kies het cijfer dat het initiatief moet verbeteren." in response.content.decode()
    assert not Initiative.objects.exists()


def test_it_refuses_a_pilot_group_that_is_the_whole_organisation(client, hanna):
    first, second = department("Een", 6), department("Twee", 6)
    client.force_login(hanna)
    everyone = [first.pk, second.pk]
    if hanna.department_id:
        everyone.append(hanna.department_id)
    response = post(client, owner=hanna.pk, pilot_departments=everyone)
    assert "laat niemand over om mee te vergelijken" in response.content.decode()
    assert not Initiative.objects.exists()


def test_it_refuses_a_pilot_group_of_four(client, hanna):
    small = department("Vier", 4)
    department("Groot", 10)
    client.force_login(hanna)
    response = post(client, owner=hanna.pk, pilot_departments=[small.pk])
    assert "minstens 5 mensen" in response.content.decode()
    assert not Initiative.objects.exists()


def test_it_hides_the_pilot_and_the_rest_together_when_either_is_too_small(client, hanna):
    pilot, rest = department("Pilot", 6), department("Rest", 8)
    figure("guidelines.acknowledgement_rate", pilot, 3, 4, day=days_ago(3))  # four answers
    figure("guidelines.acknowledgement_rate", rest, 40, 80, day=days_ago(3))
    initiative = Initiative.objects.create(
        title="T", practice="guidelines", owner=hanna, created_by=hanna, starts_on=days_ago(30),
        figure="guidelines.acknowledgement_rate", baseline=1, target=2,
    )  # fmt: skip
    initiative.pilot_departments.set([pilot])
    client.force_login(hanna)
    comparison = client.get(reverse("insights:initiative-detail", args=[initiative.pk])).context[
        "comparison"
    ]
    assert all(c.value is None for c in comparison.pilot)
    assert all(c.value is None for c in comparison.rest)


def test_it_refuses_a_period_that_ends_before_it_starts(client, hanna):
    client.force_login(hanna)
    response = client.get(reverse("insights:index"), {"start": "2026-05-01", "end": "2026-01-01"})
    assert "Het einde van de periode ligt vóór het begin." in response.content.decode()


def test_it_shares_a_read_only_dashboard_until_revoked(client, hanna, emma):
    client.force_login(hanna)
    client.post(reverse("insights:share-create"), {"label": "Ondernemingsraad"})
    from insights.models import Share

    share = Share.objects.get()
    client.force_login(emma)
    url = reverse("insights:shared", args=[share.token])
    page = client.get(url)
    assert page.status_code == 200
    assert reverse("insights:initiatives") not in page.content.decode()
    assert reverse("insights:export") not in page.content.decode()
    client.force_login(hanna)
    client.post(reverse("insights:share-revoke", args=[share.pk]))
    client.force_login(emma)
    assert client.get(url).status_code == 404
