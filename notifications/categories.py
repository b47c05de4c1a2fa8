"""Notification categories: each app registers the kinds of messages it sends.

People choose per category how they hear about it (immediately by e-mail, in a daily digest,
or only in the portal); the category's default applies until they choose.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately by e-mail")
    DIGEST = "digest", _("In a daily digest e-mail")
    PORTAL = "portal", _("Only in the portal")


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    default: str = Delivery.IMMEDIATE
    description: str = ""
    order: int = 100
    # Optional: notification -> [(filename, content, mimetype)] attached to its e-mail (say, an
    # iCalendar event); computed at delivery, so it is always current.
    attachments: Callable | None = None
    # Private: the rows are left out of the admin's outbox list, because even that a person got
    # one says something (that they asked an anonymous helpdesk question, say).
    private: bool = False


_categories: dict[str, Category] = {}


def register(
    key: str,
    label,
    *,
    default=Delivery.IMMEDIATE,
    description="",
    order=100,
    attachments=None,
    private=False,
):
    _categories[key] = Category(key, label, default, description, order, attachments, private)


def private_keys() -> list[str]:
    return [c.key for c in _categories.values() if c.private]


def get(key: str) -> Category:
    try:
        return _categories[key]
    except KeyError:
        raise LookupError(f"Unknown notification category {key!r}: register it first.") from None


def all_categories() -> list[Category]:
    return sorted(_categories.values(), key=lambda c: (c.order, c.key))
