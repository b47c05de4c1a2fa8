"""The signed-in user of every request, with its roles, from the shared cache.

Every page needs the signed-in user with its role flags (`UserQuerySet.with_roles`). Building
and planning that query costs more than the rest of a small page, so the loaded user is kept
in the cache under a *generation*: any change to a person or to group membership moves the
generation on (`forget_signed_in_users`), and every cached user of an older generation is
loaded afresh. A revoked HR membership, a new manager or a deactivated account therefore takes
effect on the next request, as it did without the cache.

Only with a shared cache (Redis, `PEOPLE_SIGNED_IN_USER_CACHE`): a per-process cache could not
hear of a change made in another process.

When Redis cannot be reached, the cache answers misses and ignores writes (hrsocial.cache):
every request then loads its user from the database, so permissions are never older than the
database, and a generation that could not be moved on is deleted when Redis is back.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "people:signed-in:generation"
TIMEOUT = 60 * 60


def _user_key(pk) -> str:
    return f"people:signed-in:{pk}"


def _query(pk):
    from people.models import User

    return User.objects.with_roles().filter(pk=pk).first()


def load_user(pk):
    """The active or inactive user `pk` with its role flags, or None."""
    if not settings.PEOPLE_SIGNED_IN_USER_CACHE:
        return _query(pk)
    found = cache.get_many([GENERATION_KEY, _user_key(pk)])
    generation = found.get(GENERATION_KEY)
    entry = found.get(_user_key(pk))
    if generation is not None and entry is not None and entry[0] == generation:
        return entry[1]
    if generation is None:
        generation = people_generation()
    user = _query(pk)
    if user is not None and generation is not None:
        cache.set(_user_key(pk), (generation, user), TIMEOUT)
    return user


def people_generation() -> str | None:
    """The current generation of people and groups, for other caches of data about people
    (the HR staff list): None without a shared cache, where nothing may be cached."""
    if not settings.PEOPLE_SIGNED_IN_USER_CACHE:
        return None
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def forget_signed_in_users(**_signal_kwargs) -> None:
    """Connected to every change of people and groups (people.apps). Moved on at once, for
    the rest of this request and work outside transactions, and again after the commit: a
    request that loaded the user between the two would otherwise keep the old rows under the
    new generation."""
    if not settings.PEOPLE_SIGNED_IN_USER_CACHE:
        return
    _new_generation()
    transaction.on_commit(_new_generation, robust=True)
