from django.urls import reverse

from insights.models import Initiative
from tests.insights.helpers import days_ago, department, figure


def test_it_shows_every_page_to_hr(client, hanna):
    sales = department("Sales", 6)
    department("Finance", 7)
    figure("trainings.enrolments", sales, 12)
    figure("helpdesk.satisfaction", sales, 40, 10)
    initiative = Initiative.objects.create(
        title="Lunchsessies", practice="trainings", owner=hanna, starts_on=days_ago(30),
        figure="trainings.enrolments", baseline=10, target=20, created_by=hanna,
    )  # fmt: skip
    initiative.pilot_departments.set([sales])
    client.force_login(hanna)
    for url in [
        reverse("insights:index"),
        reverse("insights:index") + f"?department={sales.pk}&granularity=week",
        reverse("insights:report"),
        reverse("insights:initiatives"),
        reverse("insights:initiative-create"),
        reverse("insights:initiative-detail", args=[initiative.pk]),
        reverse("insights:initiative-evidence", args=[initiative.pk]),
        reverse("insights:shares"),
        reverse("insights:export") + "?figure=trainings.enrolments",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
