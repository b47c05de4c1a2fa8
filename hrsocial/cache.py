"""Django's Redis cache, kept for speed and made optional for correctness.

Two things on top of Django's `RedisCache`:

* One client per connection pool. Django's `RedisCacheClient` builds a new `redis.Redis`
  object for every cache call; building one (its table of response callbacks) costs more than
  the call's round trip to Redis, and a page makes several calls (session, signed-in user,
  counts). A `redis.Redis` is thread-safe and its pool does the connection handling.

* Redis down is not a portal outage. Every value in the cache can be rebuilt from the
  database, so a call that fails is logged and answered as a miss (reads) or a no-op (writes)
  instead of raising. Short socket timeouts (no retries) keep a dead or hung Redis from holding
  a request for more than a fraction of a second, and after a failure Redis is skipped
  altogether for `RETRY_AFTER` seconds (a small circuit breaker), so a page of twenty cache
  calls pays for one timeout, not twenty. The warning is logged once when Redis becomes
  unreachable, then at most once a minute while it stays so, and once when it is back.

  A value that should have been deleted or overwritten while Redis was unreachable would be
  stale when it comes back (a logged-out session, an old signed-in user): the keys of failed
  writes are remembered, and deleted first when Redis answers again, before anything is read.
  The memory lives in this process, so another process may read such a key for the moment
  between Redis coming back and this process's next cache call; timeouts bound the rest.

  Rate-limit counters (`LOCAL_FALLBACK_PREFIXES`) do not become misses: while Redis is
  unreachable they are counted in this process's memory, so a limit still holds per process
  (with N web processes, at most N times the limit) instead of switching off, and a lock
  taken for them (allauth's) never waits on a server that cannot answer.
"""

import logging
import threading
import time
from urllib.parse import urlsplit, urlunsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger("hrsocial.cache")

# Failures that mean "Redis cannot answer now" (refused, reset, timed out, loading, read-only
# replica…), as opposed to bugs (a value that cannot be pickled), which still raise.
UNAVAILABLE = (RedisError, OSError)
LOG_EVERY = 60  # seconds between two warnings while Redis stays unreachable
MAX_PENDING = 10_000  # keys of failed writes remembered for deletion on recovery

DEFAULT_OPTIONS = {
    # Redis on the same network answers in well under a millisecond; a server that accepts
    # and never answers must cost a request a fraction of a second, not redis-py's 5 s.
    "socket_connect_timeout": 0.3,
    "socket_timeout": 0.5,
    "retry": Retry(NoBackoff(), 0),
}


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class Health:
    """What this process knows of one Redis location. Django builds a cache object per thread;
    the knowledge is per process (`_health`), so that one thread's timeout spares the others."""

    def __init__(self, location: str):
        self.location = location
        self.lock = threading.Lock()
        self.down_until = 0.0  # monotonic time before which Redis is not tried
        self.down_since = None  # monotonic time of the first failure of this outage
        self.last_logged = 0.0
        self.skipped = 0  # calls answered without Redis since the last warning
        self.pending: set[str] = set()  # made keys to delete once Redis answers again
        self.pending_overflowed = False

    def is_down(self) -> bool:
        return time.monotonic() < self.down_until

    def failed(self, exc: BaseException, retry_after: float) -> None:
        now = time.monotonic()
        with self.lock:
            self.down_until = now + retry_after
            first = self.down_since is None
            if first:
                self.down_since = now
            if first or now - self.last_logged >= LOG_EVERY:
                skipped, self.skipped = self.skipped, 0
                self.last_logged = now
            else:
                return
        if first:
            logger.warning(
                "Redis cache at %s is unreachable (%s: %s): reading from the database, "
                "retrying every %s s",
                self.location,
                type(exc).__name__,
                exc,
                retry_after,
            )
        else:
            logger.warning(
                "Redis cache at %s is still unreachable (%s: %s); %d cache calls answered "
                "without it since the last warning",
                self.location,
                type(exc).__name__,
                exc,
                skipped,
            )

    def skip(self) -> None:
        with self.lock:
            self.skipped += 1

    def remember(self, keys) -> None:
        with self.lock:
            if len(self.pending) + len(keys) > MAX_PENDING:
                self.pending_overflowed = True
                return
            self.pending.update(keys)

    def take_pending(self) -> tuple[list[str], bool]:
        if not self.pending and not self.pending_overflowed:  # the usual case, without the lock
            return [], False
        with self.lock:
            keys, overflowed = list(self.pending), self.pending_overflowed
            self.pending.clear()
            self.pending_overflowed = False
            return keys, overflowed

    def recovered(self) -> None:
        if self.down_since is None:  # the usual case, without the lock
            return
        with self.lock:
            if self.down_since is None:
                return
            seconds = time.monotonic() - self.down_since
            self.down_since = None
            self.down_until = 0.0
            self.skipped = 0
        logger.warning(
            "Redis cache at %s answers again, after %.1f s unreachable", self.location, seconds
        )


_health: dict[str, Health] = {}
_health_lock = threading.Lock()


def health_for(location: str) -> Health:
    with _health_lock:
        if location not in _health:
            _health[location] = Health(location)
        return _health[location]


def forget_health() -> None:
    """Tests: start again from a Redis that has never failed."""
    with _health_lock:
        _health.clear()
    _local_counters.clear()


def _without_password(url: str) -> str:
    """The location as logged: a password in REDIS_URL stays out of the logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=f"***@{host}"))


# Rate-limit counters while Redis is unreachable (see the module's docstring).
_local_counters = LocMemCache("hrsocial-cache-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


class PortalRedisCache(RedisCache):
    """OPTIONS beyond redis-py's: RETRY_AFTER (seconds Redis is skipped after a failure,
    default 5) and LOCAL_FALLBACK_PREFIXES (keys counted in-process while Redis is down)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        self.local_prefixes = tuple(options.pop("LOCAL_FALLBACK_PREFIXES", ()))
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **options}}
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self.health = health_for(
            f"{','.join(_without_password(server) for server in self._servers)}|{self.key_prefix}"
        )

    # --- the guard ---------------------------------------------------------------------------

    def _guarded(self, call, *, fallback, forget=()):
        """`call()` on Redis, or `fallback()` when Redis is unreachable. `forget`: the made keys
        this call would change, to delete when Redis is back if the call did not reach it."""
        health = self.health
        if health.is_down():
            health.skip()
            health.remember(forget)
            return fallback()
        try:
            self._replay_pending()
            result = call()
        except UNAVAILABLE as exc:
            health.failed(exc, self.retry_after)
            health.remember(forget)
            return fallback()
        health.recovered()
        return result

    def _replay_pending(self) -> None:
        keys, overflowed = self.health.take_pending()
        if overflowed:
            logger.error(
                "Redis cache at %s: more than %d writes failed while it was unreachable; "
                "values written before may be stale until they expire",
                self.health.location,
                MAX_PENDING,
            )
        if not keys:
            return
        try:
            self._cache.delete_many(keys)
        except BaseException:
            self.health.remember(keys)
            raise

    def _local(self, key) -> bool:
        return key.startswith(self.local_prefixes)

    # --- the cache API: each call as Django's, with what it answers while Redis is down --------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True without Redis: "stored, go ahead". Nobody can hold a lock in a cache that cannot
        # answer, and a caller waiting for one (allauth's rate-limit lock) would wait in vain.
        return self._guarded(
            lambda: RedisCache.add(self, key, value, timeout, version),
            fallback=self._or_local(key, lambda: True, "add", value, timeout, version=version),
        )

    def get(self, key, default=None, version=None):
        return self._guarded(
            lambda: RedisCache.get(self, key, default, version),
            fallback=self._or_local(key, lambda: default, "get", default, version=version),
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded(
            lambda: RedisCache.set(self, key, value, timeout, version),
            fallback=self._or_local(key, lambda: None, "set", value, timeout, version=version),
            forget=[self.make_and_validate_key(key, version=version)],
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            lambda: RedisCache.touch(self, key, timeout, version),
            fallback=self._or_local(key, lambda: False, "touch", timeout, version=version),
        )

    def delete(self, key, version=None):
        return self._guarded(
            lambda: RedisCache.delete(self, key, version),
            fallback=self._or_local(key, lambda: False, "delete", version=version),
            forget=[self.make_and_validate_key(key, version=version)],
        )

    def get_many(self, keys, version=None):
        return self._guarded(lambda: RedisCache.get_many(self, keys, version), fallback=dict)

    def has_key(self, key, version=None):
        return self._guarded(
            lambda: RedisCache.has_key(self, key, version),
            fallback=self._or_local(key, lambda: False, "has_key", version=version),
        )

    def incr(self, key, delta=1, version=None):
        # Without Redis a counter answers `delta`, as if it had just started; it is deleted
        # when Redis is back (a version key bumped meanwhile must not keep its old value).
        return self._guarded(
            lambda: RedisCache.incr(self, key, delta, version),
            fallback=self._or_local(key, lambda: delta, "incr", delta, version=version),
            forget=[self.make_and_validate_key(key, version=version)],
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        return self._guarded(
            lambda: RedisCache.set_many(self, data, timeout, version),
            fallback=list,
            forget=[self.make_and_validate_key(key, version=version) for key in data],
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        if not keys:
            return
        self._guarded(
            lambda: RedisCache.delete_many(self, keys, version),
            fallback=lambda: None,
            forget=[self.make_and_validate_key(key, version=version) for key in keys],
        )

    def clear(self):
        return self._guarded(lambda: RedisCache.clear(self), fallback=lambda: False)

    def _or_local(self, key, default, method, *args, version=None):
        """The fallback of a one-key call: this process's counters for rate-limit keys,
        `default` for the rest."""
        if self._local(key):
            return lambda: getattr(_local_counters, method)(key, *args, version=version)
        return default
