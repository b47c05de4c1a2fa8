"""SCIM provisioning at the size of an organisation that syncs from Entra ID or Okta.

`measure` sends what an identity provider's first sync sends: 10,000 creates (POST /Users,
Entra ID's request with the enterprise extension), then 1,000 changes of department (PATCH
with a `replace` operation), through Django's test client in this process (no network: the
figure is the portal's own work), and prints the time and the queries per request.

    PROVISIONING_BENCH_PEOPLE=10000 PROVISIONING_BENCH_CHANGES=1000 \
        .venv/bin/python bench/run.py --only provisioning --database hrsocial_bench_scim

Measured on this 2-core machine, PostgreSQL, with two other jobs running (3 December 2026):
10,000 creates in 287 s (35/s, 24 queries each), then 1,000 department changes in 32 s (31/s,
20 queries each); a first sync of 10,000 people takes under five minutes. The number of
queries per request does not grow with the people already there
(tests/provisioning/test_scim.py).
"""

import json
import os
import statistics
import time

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def pages(ctx):
    return []  # SCIM is not a page: `measure` times it


def _client():
    from django.conf import settings
    from django.test import Client

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "")), "localhost")
    return Client(SERVER_NAME=host)


def measure(ctx) -> list[str]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from people.models import Department
    from provisioning.services import connection_create

    people = int(os.environ.get("PROVISIONING_BENCH_PEOPLE", 10_000))
    changes = min(int(os.environ.get("PROVISIONING_BENCH_CHANGES", 1_000)), people)
    departments = list(Department.objects.values_list("name", flat=True)[:2]) or [None, None]
    _connection, token = connection_create(name=f"bench {time.time():.0f}", created_by=None)
    client = _client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    run = f"{time.time():.0f}"
    queries: list[int] = []

    def send(method, path, body):
        with CaptureQueriesContext(connection) as context:
            response = getattr(client, method)(
                "/scim/v2/" + path, data=json.dumps(body),
                content_type="application/scim+json", **auth,
            )  # fmt: skip
        queries.append(len(context))
        reset_queries()
        if response.status_code not in (200, 201):
            raise SystemExit(f"SCIM {method} {path}: {response.status_code} {response.content!r}")
        return json.loads(response.content)

    ids = []
    started = time.perf_counter()
    for number in range(people):
        body = {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
            "externalId": f"bench-{run}-{number}",
            "userName": f"scim.{run}.{number}@example.com",
            "active": True,
            "emails": [
                {"primary": True, "type": "work", "value": f"scim.{run}.{number}@example.com"}
            ],
            "name": {"givenName": "Bench", "familyName": f"Person {number}"},
            ENTERPRISE: {"employeeNumber": f"S{run}-{number}", "department": departments[0]},
        }
        if number % 10:  # every tenth person leads the nine after them (arriving later works too)
            body[ENTERPRISE]["manager"] = {"value": f"bench-{run}-{number - number % 10}"}
        ids.append(send("post", "Users", body)["id"])
    created = time.perf_counter() - started
    create_queries = statistics.median(queries)
    queries.clear()
    started = time.perf_counter()
    for pk in ids[:changes]:
        send("patch", f"Users/{pk}", {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "Replace", "path": f"{ENTERPRISE}:department",
                            "value": departments[-1]}],
        })  # fmt: skip
    changed = time.perf_counter() - started
    return [
        f"SCIM provisioning: {people} creates in {created:.1f} s "
        f"({people / created:.0f}/s, median {create_queries:.0f} queries each); "
        f"{changes} department changes in {changed:.1f} s "
        f"({changes / changed:.0f}/s, median {statistics.median(queries):.0f} queries each)."
    ]
