"""HR defines the framework and role profiles; every change is in the audit log."""

from django.urls import reverse
from django.utils import translation

from competencies.models import Competency, CompetencyCategory, RoleRequirement
from hrsocial.models import AuditEntry
from tests.competencies.factories import CategoryFactory


def _competency_data(category, **changes):
    data = {
        "category": category.pk,
        "name": "Content maken",
        "name_en": "Content creation",
        "description": "Berichten, beeld en video maken.",
        "description_en": "",
        "order": "3",
    }
    for level in (1, 2, 3, 4):
        data[f"behaviour_{level}"] = f"Gedrag op niveau {level}"
        data[f"behaviour_en_{level}"] = f"Behaviour at level {level}"
    data.update(changes)
    return data


def test_hr_adds_a_competency_with_four_levels_in_two_languages(client, hanna):
    category = CategoryFactory()
    client.force_login(hanna)
    response = client.post(reverse("competencies:competency-create"), _competency_data(category))
    assert response.status_code == 302
    competency = Competency.objects.get(name="Content maken")
    assert list(competency.levels.values_list("level", "behaviour_en")) == [
        (level, f"Behaviour at level {level}") for level in (1, 2, 3, 4)
    ]
    with translation.override("en"):
        assert str(competency) == "Content creation"
    with translation.override("nl"):
        assert str(competency) == "Content maken"
    assert AuditEntry.objects.filter(action="competencies.framework_create").exists()


def test_a_level_without_behaviour_is_refused(client, hanna):
    category = CategoryFactory()
    client.force_login(hanna)
    response = client.post(
        reverse("competencies:competency-create"), _competency_data(category, behaviour_3="")
    )
    assert response.status_code == 200
    assert "Beschrijf hoe dit niveau er in de praktijk uitziet." in response.content.decode()
    assert not Competency.objects.exists()


def test_changes_are_audited_with_the_fields_and_shown_as_history(client, hanna, online):
    client.force_login(hanna)
    url = reverse("competencies:competency-edit", args=[online.pk])
    data = _competency_data(online.category, name="Online gesprekken", behaviour_2="Nieuw gedrag")
    client.post(url, data)
    entry = AuditEntry.objects.get(action="competencies.framework_change")
    assert {"name", "level_2"} <= set(entry.detail["fields"])
    content = client.get(url).content.decode()
    assert "Geschiedenis" in content
    assert "gewijzigd" in content


def test_retiring_keeps_the_competency_but_leaves_new_reviews(client, hanna, online, privacy):
    client.force_login(hanna)
    client.post(reverse("competencies:competency-retire", args=[online.pk]))
    online.refresh_from_db()
    assert not online.is_active
    from competencies.services.reviews import framework_for_review

    assert framework_for_review() == [privacy]
    client.post(reverse("competencies:competency-reactivate", args=[online.pk]))
    online.refresh_from_db()
    assert online.is_active


def test_employees_read_the_framework_but_cannot_change_it(client, emma, online):
    client.force_login(emma)
    content = client.get(reverse("competencies:framework")).content.decode()
    assert "Online communicatie: gedrag op niveau 4" in content
    assert reverse("competencies:competency-edit", args=[online.pk]) not in content
    assert client.get(reverse("competencies:competency-edit", args=[online.pk])).status_code == 403


def test_hr_sets_a_role_profile(client, hanna, adviser, online, privacy):
    client.force_login(hanna)
    url = reverse("competencies:role-edit", args=[adviser.pk])
    response = client.post(url, {f"level_{online.pk}": "4", f"level_{privacy.pk}": ""})
    assert response.status_code == 302
    assert list(RoleRequirement.objects.for_role(adviser).values_list("level", flat=True)) == [4]
    assert AuditEntry.objects.filter(action="competencies.role_change").exists()


def test_a_role_profile_level_outside_1_to_4_is_refused(client, hanna, adviser, online, privacy):
    client.force_login(hanna)
    url = reverse("competencies:role-edit", args=[adviser.pk])
    response = client.post(url, {f"level_{online.pk}": "5", f"level_{privacy.pk}": "2"})
    assert response.status_code == 200
    assert "Kies een niveau van 1 tot en met 4." in response.content.decode()
    assert RoleRequirement.objects.get(job_role=adviser, competency=online).level == 3


def test_hr_adds_a_category(client, hanna):
    client.force_login(hanna)
    client.post(
        reverse("competencies:category-create"),
        {"name": "Bewust handelen", "name_en": "Acting with awareness", "order": "3"},
    )
    assert CompetencyCategory.objects.filter(name="Bewust handelen").exists()


def test_the_admin_shows_the_framework_read_only(client, hanna, online):
    client.force_login(hanna)
    url = reverse("admin:competencies_competency_change", args=[online.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'type="submit"' not in response.content.decode().split('id="content-main"')[1]
    assert client.post(url, {"name": "Anders"}).status_code == 403
    online.refresh_from_db()
    assert online.name == "Online communicatie"
