"""Notification categories: each app registers the kinds of messages it sends.

People choose per category how they hear about it (immediately by e-mail, in a daily digest,
or only in the portal); the category's default applies until they choose. A category names
who it can reach (`audience`, a predicate on the user; everyone by default), so the settings
page shows each person only what can reach them, grouped by the app that sends it.

Defaults: immediately for what asks something of the person or cannot wait (an answer, a
seat, a review of one's own), the digest for what comes in bulk or can wait a day (new tips,
HR's stream of new questions), the portal only for what is merely informative (a rating).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately by e-mail")
    DIGEST = "digest", _("In a daily digest e-mail")
    PORTAL = "portal", _("Only in the portal")
    # Chat channels (integrations: an incoming-webhook or workflow URL an HR lead configured
    # for the person's team or department). Without one, or for a private category outside the
    # person's own chat, the message goes by e-mail instead: nothing is lost.
    TEAMS = "teams", _("In Microsoft Teams")
    SLACK = "slack", _("In Slack")


CHAT = (Delivery.TEAMS, Delivery.SLACK)


# Audiences: who a category can reach.
def everyone(user) -> bool:
    return True


def employees(user) -> bool:
    return user.is_employee


def hr_staff(user) -> bool:
    return user.is_hr


def hr_leads(user) -> bool:
    return user.is_hr_lead


def managers_and_hr(user) -> bool:
    """Reviewers and approvers: a person's manager, or HR for someone without one."""
    return user.is_hr or (user.is_employee and user.is_manager)


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
    audience: Callable = everyone

    @property
    def app_label(self) -> str:
        """The sending app: the key's prefix ("helpdesk.answer"); "general" is HR's own."""
        return self.key.partition(".")[0] if "." in self.key else "notifications"

    @property
    def app_name(self) -> str:
        return apps.get_app_config(self.app_label).verbose_name


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
    audience=everyone,
):
    _categories[key] = Category(
        key, label, default, description, order, attachments, private, audience
    )


def private_keys() -> list[str]:
    return [c.key for c in _categories.values() if c.private]


def get(key: str) -> Category:
    try:
        return _categories[key]
    except KeyError:
        raise LookupError(f"Unknown notification category {key!r}: register it first.") from None


def all_categories() -> list[Category]:
    return sorted(_categories.values(), key=lambda c: (c.order, c.key))


def categories_for(user) -> list[Category]:
    """The categories that can reach this person, in order."""
    return [c for c in all_categories() if c.audience(user)]
