"""The one way to cache values computed from the database: a `CachedValue` in the module that
computes it, forgotten when its rows change (declared on the app's config, see hrsocial.plugins).

    SAVED_REPLIES = CachedValue("helpdesk:saved-replies", lambda: list(SavedReply.objects.all()))
    cached = {"helpdesk.services.answering.SAVED_REPLIES": ("helpdesk.SavedReply",)}  # apps.py
    SAVED_REPLIES.get()

* A value per person or per anything else: `get(*args)` loads with `load(*args)` and keys by
  the args (or by `key_parts(*args)`: `lambda user: [user.pk]`), `forget(*parts)` forgets one;
  `instance_parts` says which one a row's change forgets (`lambda n: [n.recipient_id]`).
* Many values forgotten at once (every signed-in user when people change): they share a
  `Generation`, a token in the key; forgetting the generation moves it on.
* The rule for all: forget now, and again after the commit, because a page reading in between
  would store the old rows. The cache is Redis or local memory (settings.CACHES); when Redis is
  down a read is a miss and a write is lost (hrsocial.cache), so everything is loaded afresh.

Markdown needs none of this: `hrsocial.text.render_markdown` remembers by the text itself.
"""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction


def forget_after_commit(forget: Callable[[], None]) -> None:
    forget()
    transaction.on_commit(forget, robust=True)


class Generation:
    """A token named by every key of a family of cached values: moving it on forgets them all."""

    def __init__(self, key: str):
        self.key = key

    def current(self) -> str | None:
        """None when the cache cannot keep the token (Redis down): then cache nothing."""
        token = cache.get(self.key)
        if token is None:
            cache.add(self.key, uuid.uuid4().hex, None)
            token = cache.get(self.key)
        return token

    def forget(self, **_signal_kwargs) -> None:
        forget_after_commit(lambda: cache.set(self.key, uuid.uuid4().hex, None))


class CachedValue:
    def __init__(
        self,
        key: str,
        load: Callable,
        *,
        timeout: int = 3600,
        generation: Generation | None = None,
        key_parts: Callable | None = None,
        instance_parts: Callable | None = None,
    ):
        self.key = key
        self.load = load
        self.timeout = timeout
        self.generation = generation
        self.key_parts = key_parts
        self.instance_parts = instance_parts

    def cache_key(self, *parts) -> str | None:
        key = ":".join([self.key, *map(str, parts)])
        if self.generation is None:
            return key
        token = self.generation.current()
        return f"{key}@{token}" if token else None

    def get(self, *args):
        key = self.cache_key(*(self.key_parts(*args) if self.key_parts else args))
        value = cache.get(key) if key else None
        if value is None:
            value = self.load(*args)
            if key:
                cache.set(key, value, self.timeout)
        return value

    def forget(self, *parts, instance=None, **_signal_kwargs) -> None:
        """This value (of `parts`), or as a signal receiver the one `instance` changes."""
        if instance is not None and self.instance_parts is not None:
            parts = self.instance_parts(instance)
        self.forget_many([parts])

    def forget_many(self, parts_list) -> None:
        keys = [key for parts in parts_list if (key := self.cache_key(*parts))]
        if keys:
            forget_after_commit(lambda: cache.delete_many(keys))
