"""The helpdesk in the admin: HR keeps categories, teams, holidays and saved replies."""

import pytest
from django.urls import reverse

from helpdesk.models import Category, PublicHoliday
from hrsocial.models import AuditEntry
from tests.helpdesk.factories import CategoryFactory, ask

pytestmark = pytest.mark.django_db


def test_hr_edits_categories_holidays_and_saved_replies(client, hanna):
    client.force_login(hanna)
    for model in ("category", "publicholiday", "savedreply", "faqentry", "question",
                  "selfserviceresolution"):  # fmt: skip
        assert client.get(reverse(f"admin:helpdesk_{model}_changelist")).status_code == 200
    response = client.post(
        reverse("admin:helpdesk_publicholiday_add"), {"date": "2026-12-31", "name": "Oudejaarsdag"}
    )
    assert response.status_code == 302
    assert PublicHoliday.objects.filter(name="Oudejaarsdag").exists()


def test_the_team_choice_is_a_type_ahead_over_hr_staff_only(client, hanna, emma):
    category = CategoryFactory()
    client.force_login(hanna)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "helpdesk", "model_name": "category", "field_name": "team", "term": ""},
    )
    names = [result["text"] for result in response.json()["results"]]
    assert names == ["Hanna Bakker"]
    page = client.get(reverse("admin:helpdesk_category_change", args=[category.pk]))
    assert "Emma Jansen" not in page.content.decode()


def test_a_response_target_outside_1_to_400_hours_is_refused(client, hanna):
    client.force_login(hanna)
    response = client.post(
        reverse("admin:helpdesk_category_add"),
        {"name": "Snel", "response_hours": 0, "order": 0, "is_active": "on"},
    )
    assert response.status_code == 200
    assert not Category.objects.filter(name="Snel").exists()


def test_questions_are_read_only_and_confidential_reads_are_audited(client, emma, hanna):
    question, _token = ask(emma, confidential=True)
    client.force_login(hanna)
    assert client.get(reverse("admin:helpdesk_question_add")).status_code == 403
    client.get(reverse("admin:helpdesk_question_change", args=[question.pk]))
    assert AuditEntry.objects.filter(action="helpdesk.view_confidential").exists()
