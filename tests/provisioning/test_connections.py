import pytest
from django.urls import reverse

from hrsocial.audit import AuditEntry
from provisioning.models import Connection, token_digest
from tests.factories import UserFactory, make_hr

pytestmark = pytest.mark.django_db


def test_an_hr_lead_creates_a_connection_and_sees_its_token_once(client, hanna):
    client.force_login(hanna)
    response = client.post(reverse("provisioning:connections"), {"name": "Okta", "valid_days": 90})
    assert response.status_code == 302
    page = client.get(reverse("provisioning:connections")).content.decode()
    connection = Connection.objects.get()
    token = page.split('id="new-token">')[1].split("<")[0]
    assert connection.token_hash == token_digest(token) and connection.expires_at is not None
    assert token not in client.get(reverse("provisioning:connections")).content.decode()
    assert AuditEntry.objects.filter(action="provisioning.connection_create").exists()


def test_an_hr_lead_revokes_a_connection(client, hanna):
    client.force_login(hanna)
    client.post(reverse("provisioning:connections"), {"name": "Okta"})
    connection = Connection.objects.get()
    client.post(reverse("provisioning:connection-revoke", args=[connection.pk]))
    connection.refresh_from_db()
    assert connection.revoked_at is not None and not connection.is_usable
    assert AuditEntry.objects.filter(action="provisioning.connection_revoke").exists()


def test_hr_staff_who_are_not_leads_cannot_manage_connections(client):
    client.force_login(make_hr(UserFactory()))
    assert client.get(reverse("provisioning:connections")).status_code == 403
