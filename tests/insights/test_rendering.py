"""The dashboard's sections are published and rendered once per selection and language, and
cached with the figures: a headcount that falls under five takes effect at once, and the
shared dashboard gets no export links."""

from django.urls import reverse

from insights.models import Share
from tests.insights.helpers import department, figure


def test_a_department_that_shrinks_under_five_is_hidden_at_once(client, hanna, db):
    small = department("Klein", 6)
    figure("trainings.enrolments", department("Groot", 30), 100)
    groter = department("Groter", 40)
    figure("trainings.enrolments", groter, 200)
    hanna.department = groter  # no department under five to begin with
    hanna.save()
    figure("trainings.enrolments", small, 777)  # the total: 1.077
    client.force_login(hanna)
    assert "777" in client.get(reverse("insights:index")).content.decode()

    for person in list(small.members.order_by("pk"))[:2]:
        person.department = None
        person.save()

    assert "777" not in client.get(reverse("insights:index")).content.decode()


def test_the_cached_sections_serve_hr_with_exports_and_a_share_without(client, hanna, db):
    department("Groot", 30)
    client.force_login(hanna)
    export = reverse("insights:export")
    assert export in client.get(reverse("insights:index")).content.decode()
    share = Share.objects.create(label="OR", created_by=hanna)
    shared = client.get(reverse("insights:shared", args=[share.token])).content.decode()
    assert "Trainingen" in shared and export not in shared
    english = client.get(reverse("insights:index"), headers={"accept-language": "en"})
    assert english.status_code == 200
