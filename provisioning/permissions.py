"""Who may manage the SCIM connections, and which connection a SCIM request comes from."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from people.permissions import role_required
from provisioning.models import Connection, token_digest

# last_used_at is written at most once a minute per connection: a bulk sync of thousands of
# requests then costs no extra write per request.
LAST_USED_RESOLUTION_SECONDS = 60


def can_manage_connections(user) -> bool:
    """HR leads create and revoke the identity providers' tokens (they change who is staff)."""
    return user.is_authenticated and user.is_hr_lead


connections_required = role_required(can_manage_connections)


def get_connection_for_user(request, pk) -> Connection:
    return get_object_or_404(Connection, pk=pk)


def connection_for_token(authorization: str) -> Connection | None:
    """The usable connection whose token is in the `Authorization: Bearer …` header."""
    scheme, _space, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    connection = Connection.objects.usable().filter(token_hash=token_digest(token.strip())).first()
    if connection is None:
        return None
    now = timezone.now()
    last = connection.last_used_at
    if last is None or (now - last).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
        Connection.objects.filter(pk=connection.pk).update(last_used_at=now)
        connection.last_used_at = now
    return connection
