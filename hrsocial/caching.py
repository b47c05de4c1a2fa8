"""Small reference lists that busy pages read on every view (categories, saved replies, the
published tips to link to): kept in the shared cache and forgotten when one of their rows
changes.

    SAVED_REPLIES = CachedValue("helpdesk:saved-replies", lambda: list(SavedReply.objects.all()))
    SAVED_REPLIES.forget_on_changes_of(SavedReply)   # in AppConfig.ready()
    SAVED_REPLIES.get()
"""

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save


class CachedValue:
    def __init__(self, key: str, load: Callable, timeout: int = 3600):
        self.key = key
        self.load = load
        self.timeout = timeout

    def get(self):
        value = cache.get(self.key)
        if value is None:
            value = self.load()
            cache.set(self.key, value, self.timeout)
        return value

    def forget(self, **_signal_kwargs) -> None:
        """Now, and again after the commit: a page reading in between would store old rows."""
        cache.delete(self.key)
        transaction.on_commit(lambda: cache.delete(self.key), robust=True)

    def forget_on_changes_of(self, *models) -> None:
        for model in models:
            for signal in (post_save, post_delete):
                signal.connect(
                    self.forget,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"{self.key}:{signal is post_save}:{model._meta.label}",
                )
