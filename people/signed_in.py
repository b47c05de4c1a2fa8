"""The signed-in user of every request, with its roles, from the shared cache.

Every page needs the signed-in user with its role flags (`UserQuerySet.with_roles`). Building
and planning that query costs more than the rest of a small page, so the loaded user is kept
in the cache under a *generation* (`PEOPLE`, hrsocial.caching): any change to a person or to
group membership moves the generation on (declared in people.apps), and every cached user of
an older generation is loaded afresh. A revoked HR membership, a new manager or a deactivated
account therefore takes effect on the next request, as it did without the cache.

Only with a shared cache (Redis, `PEOPLE_SIGNED_IN_USER_CACHE`): a per-process cache could not
hear of a change made in another process.

When Redis cannot be reached, the cache answers misses and ignores writes (hrsocial.cache):
every request then loads its user from the database, so permissions are never older than the
database, and a generation that could not be moved on is deleted when Redis is back.
"""

from django.conf import settings
from django.core.cache import cache

from hrsocial.caching import Generation

TIMEOUT = 60 * 60


class PeopleGeneration(Generation):
    """Only with a shared cache: a per-process cache could not hear of another's changes."""

    def current(self) -> str | None:
        return super().current() if settings.PEOPLE_SIGNED_IN_USER_CACHE else None

    def forget(self, **_signal_kwargs) -> None:
        if settings.PEOPLE_SIGNED_IN_USER_CACHE:
            super().forget()


# The state of people and groups, for every cache of data about people (the HR staff list).
PEOPLE = PeopleGeneration("people:signed-in:generation")


def _user_key(pk) -> str:
    return f"people:signed-in:{pk}"


def _query(pk):
    from people.models import User

    return User.objects.with_roles().filter(pk=pk).first()


def load_user(pk):
    """The active or inactive user `pk` with its role flags, or None."""
    if not settings.PEOPLE_SIGNED_IN_USER_CACHE:
        return _query(pk)
    # The generation and the user in one round trip: this runs on every request.
    found = cache.get_many([PEOPLE.key, _user_key(pk)])
    generation = found.get(PEOPLE.key)
    entry = found.get(_user_key(pk))
    if generation is not None and entry is not None and entry[0] == generation:
        return entry[1]
    if generation is None:
        generation = PEOPLE.current()
    user = _query(pk)
    if user is not None and generation is not None:
        cache.set(_user_key(pk), (generation, user), TIMEOUT)
    return user
