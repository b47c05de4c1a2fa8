"""The portal's one rate limit, on the shared cache: so many requests per key per period.

Counting in the cache (Redis in production) makes the limit hold across all web processes.
Every app that limits calls `rate_limited` with a key of its own (`"<app>:<what>:<user pk>"`).

When Redis is unreachable the limit fails safe in both senses: the check never raises (no
500, the page keeps working) and it does not switch off either. The cache backend
(hrsocial.cache, `LOCAL_FALLBACK_PREFIXES` in settings holds `KEY_PREFIX`) counts these keys in
the process's own memory meanwhile, so the limit holds per web process, and logs that Redis
is unreachable.
"""

import time

from django.core.cache import cache

KEY_PREFIX = "ratelimit:"


def rate_limited(*, key: str, limit: int, period: int = 60) -> bool:
    """Count one request for `key`; True when it goes over `limit` in the current period."""
    bucket = int(time.time() // period)
    cache_key = f"{KEY_PREFIX}{key}:{bucket}"
    cache.add(cache_key, 0, period + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(cache_key, 1, period + 5)
        count = 1
    return count > limit


def seconds_until_next_period(period: int = 60) -> int:
    return max(1, int(period - time.time() % period))
