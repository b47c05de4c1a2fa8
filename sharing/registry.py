"""The records other apps declared shareable (`PortalAppConfig.shareables`), by model label.

`sharing` imports no practice app: it learns their models and `describe` functions from the
declarations and imports those only when a kit is made or refreshed.
"""

from django.utils.module_loading import import_string

from hrsocial import plugins
from hrsocial.shareables import Shareable

# Shareables added at run time (tests register a small one here).
_extra: list[Shareable] = []


def registered() -> list[Shareable]:
    return [*plugins.declared("shareables"), *_extra]


def for_object(obj) -> Shareable | None:
    label = obj._meta.label
    return next((s for s in registered() if s.model.lower() == label.lower()), None)


def by_key(key: str) -> Shareable | None:
    return next((s for s in registered() if s.key == key), None)


def describe(shareable: Shareable, obj):
    return import_string(shareable.describe)(obj)
