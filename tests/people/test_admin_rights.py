"""HR's rights in the admin reach no further than HR's role (issue 11, channel 1)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from hrsocial.models import AuditEntry
from notifications.models import Notification
from people.models import HR_GROUP, HR_LEADS_GROUP, User
from people.signals import grant_hr_permissions
from tests.factories import UserFactory, make_hr


@pytest.fixture
def fleur(db, hanna):
    """HR staff, not an HR lead; reports to Hanna."""
    fleur = UserFactory(email="fleur@example.com", full_name="Fleur de Vries", is_staff=True)
    fleur.set_password("fleur-password")
    fleur.manager = hanna
    fleur.save()
    return make_hr(fleur)


def change_form_data(person, **overrides):
    data = {
        "email": person.email,
        "full_name": person.full_name,
        "kind": person.kind,
        "preferred_language": person.preferred_language,
        "is_active": "on",
        "is_staff": "on" if person.is_staff else "",
        "groups": [str(pk) for pk in person.groups.values_list("pk", flat=True)],
    }
    if person.manager_id:
        data["manager"] = str(person.manager_id)
    data.update(overrides)
    return {key: value for key, value in data.items() if value not in ("", None)}


def test_it_refuses_hr_the_set_password_page(client, hanna, emma):
    client.force_login(hanna)
    url = reverse("admin:auth_user_password_change", args=[emma.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"password1": "Overgenomen-123", "password2": "Overgenomen-123"})
    assert response.status_code == 403
    emma.refresh_from_db()
    assert not emma.check_password("Overgenomen-123")


def test_it_lets_a_superuser_set_a_password_and_audits_it(client, emma):
    admin = UserFactory(email="root@example.com", is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:auth_user_password_change", args=[emma.pk])
    response = client.post(
        url,
        {
            "password1": "Nieuw-wachtwoord-8",
            "password2": "Nieuw-wachtwoord-8",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    emma.refresh_from_db()
    assert emma.check_password("Nieuw-wachtwoord-8")
    assert AuditEntry.objects.filter(action="people.set_password", target_id=str(emma.pk)).exists()


def test_it_sends_a_reset_link_to_the_person_and_audits_it(
    client, hanna, emma, django_capture_on_commit_callbacks
):
    emma.set_password("emma-own-password")
    emma.save()
    client.force_login(hanna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:people_user_changelist"),
            {"action": "send_password_reset_links", "_selected_action": [str(emma.pk)]},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["emma@example.com"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    emma.refresh_from_db()
    assert emma.check_password("emma-own-password")  # unchanged until Emma chooses one
    assert AuditEntry.objects.filter(
        action="people.password_reset_link", actor=hanna, target_id=str(emma.pk)
    ).exists()


def test_it_gives_hr_only_the_permissions_its_admin_pages_need(db):
    grant_hr_permissions()
    codenames = set(Group.objects.get(name=HR_GROUP).permissions.values_list("codename", flat=True))
    assert {"view_user", "change_user", "add_user", "view_auditentry"} <= codenames
    for never in ("delete_user", "view_notificationpreference", "change_acknowledgement",
                  "view_rating", "view_calendartoken", "change_auditentry"):  # fmt: skip
        assert never not in codenames


def test_it_takes_a_permission_away_again_after_migrate(db):
    group = Group.objects.get(name=HR_GROUP)
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    grant_hr_permissions()
    assert not group.permissions.filter(codename="delete_user").exists()


def test_it_stops_fleur_from_making_herself_hr_lead(client, fleur):
    client.force_login(fleur)
    url = reverse("admin:people_user_change", args=[fleur.pk])
    form = client.get(url).context["adminform"].form
    leads = Group.objects.get(name=HR_LEADS_GROUP)
    assert leads not in form.fields["groups"].queryset
    assert form.fields["is_staff"].disabled
    groups = [str(Group.objects.get(name=HR_GROUP).pk), str(leads.pk)]
    response = client.post(
        url, change_form_data(fleur, groups=groups, confirm_password="fleur-password")
    )
    assert response.status_code == 200  # refused: HR leads is not a valid choice for her
    fleur = User.objects.get(pk=fleur.pk)
    assert not fleur.is_hr_lead


def test_it_ignores_a_tampered_staff_flag_from_a_non_lead(client, fleur, emma):
    client.force_login(fleur)
    response = client.post(
        reverse("admin:people_user_change", args=[emma.pk]),
        change_form_data(emma, is_staff="on", confirm_password="fleur-password"),
    )
    assert response.status_code == 302
    emma.refresh_from_db()
    assert not emma.is_staff


def test_it_keeps_the_hr_groups_when_a_non_lead_edits_a_colleague(client, fleur, hanna):
    client.force_login(fleur)
    data = change_form_data(hanna, full_name="Hanna B.")
    data["groups"] = []  # what a tampered POST would send to take Hanna out of HR
    data = {k: v for k, v in data.items() if v != []}
    response = client.post(reverse("admin:people_user_change", args=[hanna.pk]), data)
    assert response.status_code == 302
    hanna = User.objects.get(pk=hanna.pk)
    assert hanna.full_name == "Hanna B." and hanna.is_hr_lead


def test_it_asks_the_lead_for_her_password_again(client, hanna, emma):
    hanna.set_password("hanna-password")
    hanna.save()
    client.force_login(hanna)
    hr = Group.objects.get(name=HR_GROUP)
    response = client.post(
        reverse("admin:people_user_change", args=[emma.pk]),
        change_form_data(emma, groups=[str(hr.pk)], confirm_password="wrong"),
    )
    assert response.status_code == 200
    assert "confirm_password" in response.context["adminform"].form.errors
    assert not User.objects.get(pk=emma.pk).is_hr


def test_it_audits_a_lead_changing_hr_groups_and_tells_the_other_leads(client, hanna, emma):
    other_lead = make_hr(UserFactory(email="lars@example.com", full_name="Lars"), lead=True)
    hanna.set_password("hanna-password")
    hanna.save()
    client.force_login(hanna)
    hr = Group.objects.get(name=HR_GROUP)
    response = client.post(
        reverse("admin:people_user_change", args=[emma.pk]),
        change_form_data(emma, groups=[str(hr.pk)], confirm_password="hanna-password"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(pk=emma.pk).is_hr
    entry = AuditEntry.objects.get(action="people.change_access", target_id=str(emma.pk))
    assert entry.actor == hanna
    assert entry.detail["groups"] == {"before": [], "after": [HR_GROUP]}
    assert list(Notification.objects.filter(category="people.access").values_list(
        "recipient__email", flat=True)) == [other_lead.email]  # fmt: skip


def test_it_audits_the_old_and_new_address_when_hr_changes_an_email(client, fleur, emma):
    client.force_login(fleur)
    response = client.post(
        reverse("admin:people_user_change", args=[emma.pk]),
        change_form_data(emma, email="emma.jansen@example.com"),
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="people.change", target_id=str(emma.pk))
    assert entry.detail["email"] == {
        "before": "emma@example.com",
        "after": "emma.jansen@example.com",
    }
