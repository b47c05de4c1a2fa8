"""The SCIM 2.0 endpoints at /scim/v2/ (provisioning.scim explains the choice of our own).

Token-authenticated (a connection's bearer token), so CSRF-exempt: no browser cookie signs
these requests in. Every answer, errors too, is application/scim+json.
"""

import json
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from people.models import User
from provisioning import scim, services
from provisioning.permissions import connection_for_token

CONTENT_TYPE = "application/scim+json"
MAX_BODY = 1024 * 1024
MAX_COUNT = 200


def _answer(body: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(body, status=status, content_type=CONTENT_TYPE)


def scim_endpoint(methods):
    def decorator(view):
        @csrf_exempt
        @login_not_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                if request.method not in methods:
                    raise scim.ScimError(405, _("Method not allowed."))
                request.scim_connection = connection_for_token(
                    request.headers.get("Authorization", "")
                )
                if request.scim_connection is None:
                    response = _answer(
                        scim.ScimError(
                            401, _("A valid bearer token is needed (it may be revoked or expired).")
                        ).as_dict(),
                        401,
                    )
                    response["WWW-Authenticate"] = 'Bearer realm="scim"'
                    return response
                body = None
                if request.method in ("POST", "PUT", "PATCH"):
                    if len(request.body) > MAX_BODY:
                        raise scim.ScimError(413, _("The request is too large."), "tooLarge")
                    try:
                        body = json.loads(request.body or b"null")
                    except (ValueError, UnicodeDecodeError):
                        raise scim.ScimError(
                            400, _("The request body is not valid JSON."), "invalidSyntax"
                        ) from None
                with transaction.atomic():
                    return view(request, body, *args, **kwargs)
            except scim.ScimError as error:
                return _answer(error.as_dict(), error.status)

        return wrapper

    return decorator


def _location(request, person) -> str:
    return request.build_absolute_uri(reverse("scim:user", args=[person.pk]))


def user_resource(request, person) -> dict:
    state = services.state_of(person)
    resource = {
        "schemas": [scim.USER, scim.ENTERPRISE, scim.EMPLOYMENT],
        "id": str(person.pk),
        "userName": state["userName"],
        "active": state["active"],
        "displayName": state["displayName"],
        "name": {
            key: value
            for key, value in (
                ("givenName", state["givenName"]),
                ("familyName", state["familyName"]),
                ("formatted", state["displayName"]),
            )
            if value
        },
        "emails": [{"value": person.email, "type": "work", "primary": True}],
        "preferredLanguage": state["preferredLanguage"],
        scim.ENTERPRISE: {
            key: value
            for key, value in (
                ("department", state["department"]),
                ("employeeNumber", state["employeeNumber"]),
                ("manager", {"value": state["manager"]} if state["manager"] else None),
            )
            if value
        },
        scim.EMPLOYMENT: {
            key: value
            for key, value in (("startDate", state["startDate"]), ("endDate", state["endDate"]))
            if value
        },
        "meta": {"resourceType": "User", "location": _location(request, person)},
    }
    if state["externalId"]:
        resource["externalId"] = state["externalId"]
    if state["title"]:
        resource["title"] = state["title"]
    return resource


def _person(pk) -> User:
    if not pk.isdigit() or len(pk) > 18:
        raise scim.ScimError(404, _("No such user."))
    person = services.people_for_scim().filter(pk=int(pk)).first()
    if person is None:
        raise scim.ScimError(404, _("No such user."))
    return person


def _positive(request, name, default):
    value = request.GET.get(name, "")
    if not value:
        return default
    if not value.isdigit() or len(value) > 9:
        raise scim.ScimError(400, _("“%s” must be a whole number.") % name, "invalidValue")
    return int(value)


@scim_endpoint(("GET", "POST"))
def users(request, body):
    if request.method == "POST":
        person = services.user_provision(
            connection=request.scim_connection, person=None,
            state=scim.state_from_resource(body),
        )  # fmt: skip
        response = _answer(user_resource(request, person), 201)
        response["Location"] = _location(request, person)
        return response
    people = services.people_for_scim().order_by("pk")
    if request.GET.get("filter"):
        key, value = scim.parse_filter(request.GET["filter"])
        if key == "userName":
            people = people.filter(Q(email__iexact=value) | Q(provisioned__user_name__iexact=value))
        else:
            people = people.filter(provisioned__external_id=value)
    start = max(_positive(request, "startIndex", 1), 1)
    count = min(_positive(request, "count", 100), MAX_COUNT)
    total = people.count()
    page = list(people[start - 1 : start - 1 + count]) if count else []
    return _answer(
        {
            "schemas": [scim.LIST],
            "totalResults": total,
            "startIndex": start,
            "itemsPerPage": len(page),
            "Resources": [user_resource(request, person) for person in page],
        }
    )


@scim_endpoint(("GET", "PUT", "PATCH", "DELETE"))
def user(request, body, pk):
    person = _person(pk)
    connection = request.scim_connection
    if request.method == "PUT":
        state = scim.state_from_resource(body, base=services.state_of(person))
        person = services.user_provision(connection=connection, person=person, state=state)
    elif request.method == "PATCH":
        state = scim.apply_patch(services.state_of(person), body)
        person = services.user_provision(connection=connection, person=person, state=state)
    elif request.method == "DELETE":
        services.user_deactivate(connection=connection, person=person)
        return HttpResponse(status=204, content_type=CONTENT_TYPE)
    return _answer(user_resource(request, services.people_for_scim().get(pk=person.pk)))


@scim_endpoint(("GET",))
def service_provider_config(request, body):
    return _answer(
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
            "documentationUri": request.build_absolute_uri("/"),
            "patch": {"supported": True},
            "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": True, "maxResults": MAX_COUNT},
            "changePassword": {"supported": False},
            "sort": {"supported": False},
            "etag": {"supported": False},
            "authenticationSchemes": [
                {
                    "type": "oauthbearertoken",
                    "name": "Bearer token",
                    "description": "A connection's token, created by an HR lead.",
                    "primary": True,
                }
            ],
            "meta": {"resourceType": "ServiceProviderConfig"},
        }
    )


@scim_endpoint(("GET",))
def resource_types(request, body):
    resource = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "User",
        "name": "User",
        "endpoint": "/Users",
        "schema": scim.USER,
        "schemaExtensions": [
            {"schema": scim.ENTERPRISE, "required": False},
            {"schema": scim.EMPLOYMENT, "required": False},
        ],
        "meta": {"resourceType": "ResourceType"},
    }
    return _answer({"schemas": [scim.LIST], "totalResults": 1, "Resources": [resource]})


def _attribute(name, kind="string", **extra):
    return {
        "name": name, "type": kind, "multiValued": False, "required": False,
        "mutability": "readWrite", "returned": "default", "uniqueness": "none", **extra,
    }  # fmt: skip


SCHEMAS = [
    {
        "id": scim.USER,
        "name": "User",
        "attributes": [
            _attribute("userName", required=True, uniqueness="server"),
            _attribute("externalId"),
            _attribute("displayName"),
            _attribute(
                "name", "complex",
                subAttributes=[_attribute("givenName"), _attribute("familyName"),
                               _attribute("formatted")],
            ),
            _attribute("emails", "complex", multiValued=True,
                       subAttributes=[_attribute("value"), _attribute("type"),
                                      _attribute("primary", "boolean")]),
            _attribute("title"),
            _attribute("preferredLanguage"),
            _attribute("active", "boolean"),
        ],
    },
    {
        "id": scim.ENTERPRISE,
        "name": "EnterpriseUser",
        "attributes": [
            _attribute("employeeNumber"),
            _attribute("department"),
            _attribute("manager", "complex", subAttributes=[_attribute("value")]),
        ],
    },
    {
        "id": scim.EMPLOYMENT,
        "name": "Employment",
        "attributes": [_attribute("startDate", "dateTime"), _attribute("endDate", "dateTime")],
    },
]  # fmt: skip


@scim_endpoint(("GET",))
def schemas(request, body):
    resources = [
        {**schema, "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
         "meta": {"resourceType": "Schema"}}
        for schema in SCHEMAS
    ]  # fmt: skip
    return _answer({"schemas": [scim.LIST], "totalResults": len(resources), "Resources": resources})
