from django.urls import reverse

from hrsocial.models import AuditEntry
from people.models import User


def test_hr_adds_a_person_and_it_is_audited(client, hanna, django_capture_on_commit_callbacks):
    client.force_login(hanna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:people_user_add"),
            {
                "email": "nina@example.com",
                "full_name": "Nina",
                "kind": "employee",
                "preferred_language": "nl",
                "invite": "on",
            },  # fmt: skip
        )
    assert response.status_code == 302, response.context["adminform"].form.errors
    nina = User.objects.get(email="nina@example.com")
    assert not nina.has_usable_password()
    assert AuditEntry.objects.filter(action="people.create", target_id=str(nina.pk)).exists()
    assert AuditEntry.objects.filter(action="people.invite", target_id=str(nina.pk)).exists()


def test_hr_cannot_make_anyone_a_superuser(client, hanna, emma):
    client.force_login(hanna)
    response = client.get(reverse("admin:people_user_change", args=[emma.pk]))
    assert 'name="is_superuser"' not in response.content.decode()


def test_the_admin_refuses_a_manager_cycle(client, hanna, emma, milan):
    client.force_login(hanna)
    response = client.post(
        reverse("admin:people_user_change", args=[milan.pk]),
        {
            "email": milan.email,
            "full_name": milan.full_name,
            "kind": "employee",
            "preferred_language": "nl",
            "manager": emma.pk,
            "is_active": "on",
            "date_joined_0": "2024-01-01",
            "date_joined_1": "10:00:00",
        },  # fmt: skip
    )
    assert response.status_code == 200
    assert "kringetje" in response.content.decode()
    milan.refresh_from_db()
    assert milan.manager is None


def test_the_audit_log_is_read_only(client, hanna):
    AuditEntry.objects.create(action="people.view")
    client.force_login(hanna)
    entry = AuditEntry.objects.get()
    assert client.get(reverse("admin:hrsocial_auditentry_changelist")).status_code == 200
    assert (
        client.post(reverse("admin:hrsocial_auditentry_delete", args=[entry.pk])).status_code == 403
    )
