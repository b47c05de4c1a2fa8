"""Gaps: required minus assessed, the team heat map, department figures, and the trainings
that close a gap (through the trainings app's contract)."""

import pytest
from django.conf import settings
from django.urls import reverse

from competencies import gaps, training_links
from competencies.models import Evidence, RoleRequirement
from tests.competencies.factories import CompetencyFactory, RequirementFactory, assess
from tests.factories import DepartmentFactory, JobRoleFactory, UserFactory
from tests.queries import count_queries
from tests.trainings.factories import ElearningFactory, SessionFactory, TrainingFactory
from trainings.models import Proposal
from trainings.services import elearning_complete
from trainings.services import enrolment_create as enrol


def test_the_gap_list_is_required_minus_assessed(emma, online, privacy):
    assess(emma, online, 1)
    assess(emma, privacy, 2)
    rows = gaps.gap_rows(emma)
    assert [(row.competency, row.required, row.assessed, row.gap) for row in rows] == [
        (online, 3, 1, 2)
    ]
    assert rows[0].description == "niveau 1, vereist 3: 2 tekort"


def test_a_requirement_not_assessed_yet_is_listed_as_unknown(emma, online, privacy):
    assess(emma, privacy, 3)
    (row,) = gaps.gap_rows(emma)
    assert (row.competency, row.gap, row.symbol) == (online, None, "?")


def test_the_gap_view_suggests_trainings_and_the_manager_proposes_one(
    client, emma, milan, online, privacy
):
    assess(emma, online, 2)
    assess(emma, privacy, 2)
    fits = TrainingFactory(title="Het gesprek aangaan op LinkedIn", develops=[(online, 3)])
    TrainingFactory(title="Te licht", develops=[(online, 2)])
    TrainingFactory(title="Niet gepubliceerd", develops=[(online, 4)], is_published=False)

    client.force_login(milan)
    url = reverse("competencies:gaps", args=[emma.pk])
    content = client.get(url).content.decode()

    assert "Het gesprek aangaan op LinkedIn" in content
    assert "Te licht" not in content
    assert "Niet gepubliceerd" not in content
    assert f'action="{reverse("trainings:propose")}"' in content
    assert f'name="training" value="{fits.pk}"' in content
    assert f'name="employee" value="{emma.pk}"' in content

    # The one click, as the form sends it: the proposal is trainings' from here.
    response = client.post(
        reverse("trainings:propose"), {"training": fits.pk, "employee": emma.pk, "next": url}
    )
    assert response["Location"] == url
    assert Proposal.objects.filter(training=fits, employee=emma, proposed_by=milan).exists()


def test_the_employee_and_hr_see_suggestions_without_a_propose_button(
    client, emma, hanna, online, privacy
):
    assess(emma, online, 2)
    TrainingFactory(title="Het gesprek aangaan op LinkedIn", develops=[(online, 4)])
    for viewer, link in ((emma, True), (hanna, False)):
        client.force_login(viewer)
        content = client.get(reverse("competencies:gaps", args=[emma.pk])).content.decode()
        assert "Het gesprek aangaan op LinkedIn" in content
        assert reverse("trainings:propose") not in content
        assert ("Bekijken en inschrijven" in content) is link


def test_the_gap_page_does_not_offer_enrolling_in_a_training_already_enrolled_in(
    client, emma, online, privacy
):
    assess(emma, online, 1)
    assess(emma, privacy, 3)
    enrolled = TrainingFactory(title="Al ingeschreven", develops=[(online, 3)])
    enrol(session=SessionFactory(training=enrolled), person=emma)
    TrainingFactory(title="Nog open", develops=[(online, 3)])

    client.force_login(emma)
    response = client.get(reverse("competencies:gaps", args=[emma.pk]))

    content = response.content.decode()
    assert content.count("Bekijken en inschrijven") == 1, "only for the open training"
    (row,) = response.context["rows"]
    assert {t.title: t.my_state for t in row.trainings} == {
        "Al ingeschreven": "confirmed",
        "Nog open": None,
    }
    assert "Je bent ingeschreven" in content


def test_the_gap_view_works_without_any_trainings(client, emma, online, privacy):
    assess(emma, online, 1)
    client.force_login(emma)
    content = client.get(reverse("competencies:gaps", args=[emma.pk])).content.decode()
    assert "Er staat nog geen training in de catalogus" in content


def test_the_gap_view_works_without_the_trainings_app(client, emma, online, monkeypatch):
    monkeypatch.setattr(training_links, "trainings_installed", lambda: False)
    assess(emma, online, 1)
    client.force_login(emma)
    response = client.get(reverse("competencies:gaps", args=[emma.pk]))
    assert response.status_code == 200
    assert "Er is nog geen trainingscatalogus." in response.content.decode()


def test_a_completed_training_is_recorded_as_evidence(client, emma, online, privacy):
    course = ElearningFactory(title="Privacy in 30 minuten", develops=[(privacy, 2), (online, 1)])
    elearning_complete(training=course, person=emma)
    elearning_complete(training=course, person=emma)  # once only

    assert set(Evidence.objects.values_list("competency__name", "level", "title")) == {
        ("Privacybewustzijn", 2, "Privacy in 30 minuten"),
        ("Online communicatie", 1, "Privacy in 30 minuten"),
    }
    client.force_login(emma)
    assert "Privacy in 30 minuten" in client.get(reverse("competencies:index")).content.decode()


def _team(manager, size, competencies):
    role = JobRoleFactory(title=f"Rol {size}")
    for competency in competencies:
        RequirementFactory(job_role=role, competency=competency, level=3)
    department = DepartmentFactory(name=f"Team {size}")
    for number in range(size):
        person = UserFactory(department=department, manager=manager, job_role=role)
        for competency in competencies[: number % 3]:
            assess(person, competency, 1 + number % 4)
    return department


@pytest.mark.parametrize("size", [5, 50])
def test_the_heat_map_costs_the_same_queries_for_5_or_50_people(
    client, milan, size, django_assert_num_queries
):
    competencies = [CompetencyFactory(name=f"Vaardigheid {n}") for n in range(4)]
    _team(milan, size, competencies)
    client.force_login(milan)
    client.get(reverse("competencies:team"))  # warm caches (content types, session)
    with django_assert_num_queries(_HEATMAP_QUERIES):
        response = client.get(reverse("competencies:team"))
    assert response.content.decode().count('<th scope="row">') == size


# The team page: the team, competencies, requirements, levels and waiting reviews; plus the
# signed-in user where it is not cached (people.signed_in). The unread count is cached.
_HEATMAP_QUERIES = 5 + (0 if settings.PEOPLE_SIGNED_IN_USER_CACHE else 1)


def test_the_department_overview_costs_the_same_for_5_or_50_people(client, hanna, milan):
    competencies = [CompetencyFactory(name=f"Vaardigheid {n}") for n in range(4)]
    small = _team(milan, 5, competencies)
    large = _team(UserFactory(), 50, competencies)
    client.force_login(hanna)
    counts = {
        department.name: count_queries(
            client, reverse("competencies:department", args=[department.pk])
        )
        for department in (small, large)
    }
    assert counts["Team 5"] == counts["Team 50"]


def test_the_department_figures_add_up(emma, online, privacy, communication):
    assess(emma, online, 3)  # meets 3
    assess(emma, privacy, 1)  # below 2
    colleague = UserFactory(department=communication, job_role=emma.job_role)
    assess(colleague, online, 4)
    figures = {f.competency: f for f in gaps.department_figures(communication.members.all())}
    assert (figures[online].required, figures[online].meets, figures[online].below) == (2, 2, 0)
    assert figures[online].average == 3.5
    assert (figures[privacy].meets, figures[privacy].below, figures[privacy].not_assessed) == (
        0,
        1,
        1,
    )
    assert figures[online].per_level == {1: 0, 2: 0, 3: 1, 4: 1}


def test_the_heat_map_is_a_real_table_readable_without_colour(client, milan, emma, online, privacy):
    assess(emma, online, 1)
    client.force_login(milan)
    content = client.get(reverse("competencies:team")).content.decode()
    assert "<caption>" in content
    assert '<th scope="col">Online communicatie</th>' in content
    assert '<th scope="row"><a href' in content
    assert "−2" in content  # the symbol, not only a colour
    assert "niveau 1, vereist 3: 2 tekort" in content  # spoken by screen readers
    assert "vereist 2, nog niet beoordeeld" in content
    assert 'class="cm-gap2"' in content


def test_the_queryset_for_hiring_gives_a_roles_requirements(adviser, online, privacy):
    """What a vacancy calls to take its required competencies from a job role."""
    rows = list(RoleRequirement.objects.for_role(adviser))
    assert [(row.competency, row.level) for row in rows] == [(online, 3), (privacy, 2)]
    privacy.is_active = False
    privacy.save()
    assert [(r.competency, r.level) for r in RoleRequirement.objects.for_role(adviser)] == [
        (online, 3)
    ]
    assert list(RoleRequirement.objects.for_role(None)) == []
