"""Who gets what from provisioning: the connections page is for HR leads (the access map's HR
persona is one); the SCIM endpoints answer only to a connection's bearer token, whoever is
signed in, and 401 in SCIM's format without it."""

from tests.access import Route, everyone, hr_only

TOKEN = "access-map-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
SCIM_POST = {"userName": "", "displayName": "Map"}  # refused: no e-mail (400)

ROUTES = [
    Route("provisioning:connections", hr_only(200)),
    Route("provisioning:connections", hr_only(302), method="post", data={"name": "Entra ID"}),
    Route("provisioning:connections", hr_only(200), method="post", data={"name": ""}),
    Route(
        "provisioning:connection-revoke",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.scim_connection.pk},
    ),
    Route("scim:users", everyone(401)),
    Route("scim:users", everyone(200), headers=BEARER),
    Route("scim:users", everyone(400), method="post", data=SCIM_POST, headers=BEARER),
    Route("scim:user", everyone(401), kwargs=lambda w: {"pk": w.employee.pk}),
    Route("scim:user", everyone(200), kwargs=lambda w: {"pk": w.employee.pk}, headers=BEARER),
    Route("scim:config", everyone(401)),
    Route("scim:config", everyone(200), headers=BEARER),
    Route("scim:resource-types", everyone(200), headers=BEARER),
    Route("scim:schemas", everyone(200), headers=BEARER),
]


def setup(world):
    from provisioning.models import Connection, token_digest

    world.scim_connection = Connection.objects.create(
        name="Access map", token_hash=token_digest(TOKEN), token_prefix=TOKEN[:8]
    )


__all__ = ["ROUTES", "setup"]
