"""SCIM 2.0 with the requests Entra ID documents (learn.microsoft.com, "Tutorial: Develop
and plan provisioning for a SCIM endpoint in Microsoft Entra ID")."""

import datetime
import json

import pytest
from django.db import connection as db
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hrsocial.audit import AuditEntry
from people.models import User
from provisioning.models import Connection
from provisioning.services import connection_create, connection_revoke
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

SCIM = "application/scim+json"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"

ENTRA_CREATE = {
    "schemas": [
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    ],
    "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
    "userName": "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1",
    "active": True,
    "emails": [
        {
            "primary": True,
            "type": "work",
            "value": "Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com",
        }
    ],
    "meta": {"resourceType": "User"},
    "name": {
        "formatted": "givenName familyName",
        "familyName": "familyName",
        "givenName": "givenName",
    },
    "roles": [],
}
ENTRA_PATCH_REPLACE = {
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [
        {
            "op": "Replace",
            "path": 'emails[type eq "work"].value',
            "value": "updatedEmail@microsoft.com",
        },
        {"op": "Replace", "path": "name.familyName", "value": "updatedFamilyName"},
    ],
}
ENTRA_DISABLE = {
    "Operations": [{"op": "Replace", "path": "active", "value": False}],
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
}


@pytest.fixture
def connection(hanna):
    return connection_create(name="Entra ID", created_by=hanna)


@pytest.fixture
def scim(client, connection):
    token = connection[1]

    def call(method, path, body=None, token=token, **extra):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        data = json.dumps(body) if body is not None and not isinstance(body, str) else body
        response = getattr(client, method)(
            "/scim/v2/" + path, data=data, content_type=SCIM, **headers, **extra
        )
        return response, (json.loads(response.content) if response.content else None)

    return call


def test_entra_creates_a_user_and_finds_it_by_username(scim):
    response, body = scim("post", "Users", ENTRA_CREATE)
    assert response.status_code == 201, body
    assert response["Content-Type"] == SCIM
    person = User.objects.get(pk=int(body["id"]))
    assert person.email == "test_user_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com"
    assert person.full_name == "givenName familyName"
    assert person.is_employee and not person.has_usable_password()
    assert body["userName"] == ENTRA_CREATE["userName"]
    assert body["externalId"] == ENTRA_CREATE["externalId"]
    assert AuditEntry.objects.filter(action="people.provision", target_id=str(person.pk)).exists()

    response, found = scim("get", 'Users?filter=userName eq "' + ENTRA_CREATE["userName"] + '"')
    assert response.status_code == 200
    assert found["totalResults"] == 1 and found["Resources"][0]["id"] == body["id"]
    _, missing = scim("get", 'Users?filter=userName eq "non-existent user"')
    assert missing["totalResults"] == 0 and missing["Resources"] == []


def test_a_second_create_with_the_same_address_is_a_uniqueness_error(scim):
    scim("post", "Users", ENTRA_CREATE)
    response, body = scim("post", "Users", ENTRA_CREATE)
    assert response.status_code == 409
    assert body["schemas"] == [ERROR] and body["scimType"] == "uniqueness"


def test_entra_patch_replace_changes_the_address_and_the_name(scim):
    _, created = scim("post", "Users", ENTRA_CREATE)
    response, body = scim("patch", f"Users/{created['id']}", ENTRA_PATCH_REPLACE)
    assert response.status_code == 200, body
    person = User.objects.get(pk=int(created["id"]))
    assert person.email == "updatedemail@microsoft.com"
    assert person.full_name == "givenName updatedFamilyName"
    assert person.emailaddress_set.get().email == "updatedemail@microsoft.com"


def test_entra_deactivates_with_active_false_through_the_offboarding(scim, emma, milan):
    _, created = scim(
        "post",
        "Users",
        {
            **ENTRA_CREATE,
            "userName": "m@x.nl",
            "emails": [{"value": "boss@example.com", "primary": True}],
        },
    )
    boss = User.objects.get(pk=int(created["id"]))
    emma.manager = boss
    emma.save()
    response, body = scim("patch", f"Users/{created['id']}", ENTRA_DISABLE)
    assert response.status_code == 200, body
    assert body["active"] is False
    boss.refresh_from_db()
    assert boss.kind == User.Kind.FORMER_EMPLOYEE and boss.employment_ended_at is not None
    emma.refresh_from_db()
    assert emma.manager_id is None  # reports move up, as at every offboarding
    assert AuditEntry.objects.filter(
        action="people.employment_end", target_id=str(boss.pk)
    ).exists()
    # …and Entra's "False" as a string, then reactivation.
    scim(
        "patch",
        f"Users/{created['id']}",
        {"Operations": [{"op": "replace", "value": {"active": "True"}}]},
    )
    boss.refresh_from_db()
    assert boss.kind == User.Kind.EMPLOYEE


def test_the_enterprise_extension_sets_department_employee_number_and_a_later_manager(scim):
    sales = DepartmentFactory(name="Verkoop", code="VK")
    ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    _, report = scim(
        "post",
        "Users",
        {
            "userName": "report@example.com",
            "name": {"givenName": "Rik", "familyName": "Report"},
            ext: {
                "department": "Verkoop",
                "employeeNumber": "E-2",
                "manager": {"value": "ext-boss"},
            },
        },
    )
    person = User.objects.get(pk=int(report["id"]))
    assert person.department == sales and person.employee_number == "E-2"
    assert person.manager is None  # the manager has not arrived yet
    _, boss = scim(
        "post",
        "Users",
        {"userName": "boss@example.com", "externalId": "ext-boss", "displayName": "Baas"},
    )
    person.refresh_from_db()
    assert person.manager_id == int(boss["id"])  # resolved when they arrived
    response, body = scim(
        "patch",
        f"Users/{report['id']}",
        {
            "Operations": [
                {"op": "Replace", "path": f"{ext}:department", "value": "VK"},
                {"op": "Replace", "path": f"{ext}:employeeNumber", "value": "E-3"},
            ]
        },
    )
    assert response.status_code == 200, body
    person.refresh_from_db()
    assert person.employee_number == "E-3"
    assert body[ext]["manager"] == {"value": boss["id"]}


def test_a_person_named_as_their_own_manager_is_refused_not_a_server_error(scim):
    ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    response, body = scim(
        "post",
        "Users",
        {"userName": "zelf@example.com", "externalId": "ext-zelf", "displayName": "Zelf",
         ext: {"manager": {"value": "ext-zelf"}}},
    )  # fmt: skip
    assert response.status_code == 400 and body["scimType"] == "invalidValue", body
    assert not User.objects.filter(email="zelf@example.com").exists()


def test_two_people_waiting_for_each_other_make_no_management_cycle(scim):
    ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    _, first = scim(
        "post", "Users",
        {"userName": "a@example.com", "externalId": "ext-a", "displayName": "A",
         ext: {"manager": {"value": "ext-b"}}},
    )  # fmt: skip
    response, second = scim(
        "post", "Users",
        {"userName": "b@example.com", "externalId": "ext-b", "displayName": "B",
         ext: {"manager": {"value": "ext-a"}}},
    )  # fmt: skip
    assert response.status_code == 201, second
    a, b = User.objects.get(pk=int(first["id"])), User.objects.get(pk=int(second["id"]))
    # b arrived naming a, who exists: b reports to a; a keeps waiting rather than closing a loop.
    assert b.manager == a and a.manager is None


def test_an_unknown_department_is_refused_with_the_imports_message_and_nothing_saved(scim):
    ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    response, body = scim(
        "post",
        "Users",
        {"userName": "x@example.com", "displayName": "X", ext: {"department": "Nergens"}},
    )
    assert response.status_code == 400
    assert body["scimType"] == "invalidValue" and "Nergens" in body["detail"]
    assert not User.objects.filter(email="x@example.com").exists()


def test_a_user_without_an_email_is_refused(scim):
    response, body = scim("post", "Users", {"userName": "not-an-address", "displayName": "X"})
    assert response.status_code == 400
    assert body["schemas"] == [ERROR] and body["scimType"] == "invalidValue"
    assert User.objects.count() == 1  # only hanna


@pytest.mark.parametrize(
    "patch",
    [
        {"Operations": "replace everything"},
        {"Operations": []},
        {"Operations": [{"op": "frobnicate", "path": "active", "value": True}]},
        {"Operations": [{"op": "replace", "path": "active"}]},
        {"Operations": [{"op": "replace", "path": "active", "value": "maybe"}]},
        {"Operations": [{"op": "replace", "path": "shoeSize", "value": 43}]},
        {"Operations": [{"op": "replace", "value": "not an object"}]},
        {"Operations": [{"op": "remove"}]},
        "{not json",
    ],
)
def test_a_malformed_patch_is_a_scim_error_and_changes_nothing(scim, patch):
    _, created = scim("post", "Users", ENTRA_CREATE)
    before = User.objects.values().get(pk=int(created["id"]))
    response, body = scim("patch", f"Users/{created['id']}", patch)
    assert response.status_code == 400
    assert body["schemas"] == [ERROR] and body["status"] == "400" and body["scimType"]
    assert User.objects.values().get(pk=int(created["id"])) == before


def test_a_half_valid_patch_saves_nothing(scim):
    _, created = scim("post", "Users", ENTRA_CREATE)
    response, _body = scim(
        "patch",
        f"Users/{created['id']}",
        {
            "Operations": [
                {"op": "replace", "path": "name.familyName", "value": "Nieuw"},
                {
                    "op": "replace",
                    "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                    "value": "Nergens",
                },
            ]
        },
    )
    assert response.status_code == 400
    assert User.objects.get(pk=int(created["id"])).full_name == "givenName familyName"


def test_a_missing_revoked_or_expired_token_is_refused(scim, connection, hanna):
    assert scim("get", "Users", token=None)[0].status_code == 401
    assert scim("get", "Users", token="wrong")[0].status_code == 401
    other, token = connection_create(name="Okta", created_by=hanna, valid_days=1)
    assert scim("get", "Users", token=token)[0].status_code == 200
    Connection.objects.filter(pk=other.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    response, body = scim("get", "Users", token=token)
    assert response.status_code == 401 and body["schemas"] == [ERROR]
    connection_revoke(connection=connection[0], revoked_by=hanna)
    assert scim("get", "Users")[0].status_code == 401


def test_the_token_is_stored_hashed_and_its_use_recorded(scim, connection):
    row, token = connection
    assert token not in (row.token_hash, row.token_prefix) and len(row.token_hash) == 64
    scim("get", "Users")
    row.refresh_from_db()
    assert row.last_used_at is not None


def test_the_discovery_endpoints_answer(scim):
    for path in ("ServiceProviderConfig", "ResourceTypes", "Schemas"):
        response, body = scim("get", path)
        assert response.status_code == 200 and body["schemas"]
    _, types = scim("get", "ResourceTypes")
    assert types["Resources"][0]["endpoint"] == "/Users"


def test_put_replaces_the_user_and_delete_deactivates(scim):
    _, created = scim("post", "Users", ENTRA_CREATE)
    response, body = scim(
        "put",
        f"Users/{created['id']}",
        {"userName": "put@example.com", "displayName": "Put Person", "active": True},
    )
    assert response.status_code == 200, body
    person = User.objects.get(pk=int(created["id"]))
    assert person.email == "put@example.com" and person.full_name == "Put Person"
    assert body["externalId"] == ENTRA_CREATE["externalId"]  # kept when left out
    assert scim("delete", f"Users/{created['id']}")[0].status_code == 204
    person.refresh_from_db()
    assert person.kind == User.Kind.FORMER_EMPLOYEE
    assert scim("get", "Users/999999")[0].status_code == 404
    assert scim("get", "Users/abc")[0].status_code == 404


def test_a_bad_filter_or_paging_is_a_scim_error(scim):
    response, body = scim("get", 'Users?filter=name.givenName sw "a"')
    assert response.status_code == 400 and body["scimType"] == "invalidFilter"
    assert scim("get", "Users?count=lots")[0].status_code == 400


def test_the_scim_endpoints_need_no_csrf_token(connection):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/scim/v2/Users",
        data=json.dumps(ENTRA_CREATE),
        content_type=SCIM,
        HTTP_AUTHORIZATION=f"Bearer {connection[1]}",
    )
    assert response.status_code == 201


def count_queries_of(call) -> int:
    with CaptureQueriesContext(db) as context:
        call()
    return len(context)


def test_requests_cost_a_fixed_number_of_queries(scim, connection):
    def create(n):
        return lambda: scim("post", "Users", {"userName": f"p{n}@example.com", "displayName": "P"})

    counts = {n: count_queries_of(create(n)) for n in (1, 2)}
    for n in range(3, 30):
        scim("post", "Users", {"userName": f"p{n}@example.com", "displayName": "P"})
    counts[30] = count_queries_of(create(30))
    assert counts[2] == counts[30]
    lists = [count_queries_of(lambda: scim("get", "Users?count=50")) for _ in range(2)]
    for n in range(31, 60):
        scim("post", "Users", {"userName": f"p{n}@example.com", "displayName": "P"})
    assert count_queries_of(lambda: scim("get", "Users?count=50")) == lists[1]
    patch = {"Operations": [{"op": "replace", "path": "displayName", "value": "Q"}]}
    pk = User.objects.get(email="p5@example.com").pk
    assert count_queries_of(lambda: scim("patch", f"Users/{pk}", patch)) < 40
