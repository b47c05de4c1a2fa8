"""The access rules the framework and review pages take from competencies.permissions."""

from django.urls import reverse

from competencies import permissions
from tests.competencies.factories import CompetencyFactory


def test_retired_competencies_are_in_the_framework_for_hr_only(client, hanna, emma, online):
    CompetencyFactory(name="Faxen", is_active=False)
    client.force_login(hanna)
    assert "Faxen" in client.get(reverse("competencies:framework")).content.decode()
    client.force_login(emma)
    assert "Faxen" not in client.get(reverse("competencies:framework")).content.decode()
    names = {competency.name for competency in permissions.competencies_visible_to(emma)}
    assert online.name in names and "Faxen" not in names
