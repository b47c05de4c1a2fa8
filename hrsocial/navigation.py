"""The main navigation, assembled from each app's `PortalAppConfig.navigation`.

Each item says who may see it, so every role gets a navigation with only what it may use.
Visibility is decided by the same role properties that the apps' permission checks use.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.urls import reverse


def signed_in(user) -> bool:
    return user.is_authenticated


def employees(user) -> bool:
    """Staff of the organisation (managers and HR included), not alumni or freelancers."""
    return user.is_authenticated and user.is_employee


def managers(user) -> bool:
    return user.is_authenticated and user.is_manager


def hr_staff(user) -> bool:
    return user.is_authenticated and user.is_hr


def network(user) -> bool:
    """Alumni and freelancers: the external network of practice 10."""
    return user.is_authenticated and (user.is_alumnus or user.is_freelancer)


@dataclass(frozen=True)
class NavItem:
    key: str  # the app's URL namespace, so the item is marked current on all of its pages
    label: str
    url_name: str
    visible: Callable = signed_in
    order: int = 100
    section: str = "main"  # "main" or "hr" (the HR menu)


def app_menu(key: str, *, order: int, main=None, hr=None) -> list[NavItem]:
    """An app's usual items: `main`, (label, url_name) of its page for employees in the main
    menu, and `hr`, of its page for HR staff in the HR menu."""
    items = [NavItem(key, *main, visible=employees, order=order)] if main else []
    return items + ([NavItem(key, *hr, visible=hr_staff, order=order, section="hr")] if hr else [])


_items: dict[str, NavItem] = {}


def collect(items) -> None:
    """At start (hrsocial.apps): every app's items, one per app and section."""
    _items.update({item.key + ":" + item.section: item for item in items})


@lru_cache(maxsize=256)
def _url(url_name: str) -> str:
    """Navigation targets take no arguments, so each is reversed once per process."""
    return reverse(url_name)


def items_for(request, section: str = "main") -> list[dict]:
    user = request.user
    match = request.resolver_match
    current = (match.namespace or match.view_name) if match else ""
    items = sorted(
        (i for i in _items.values() if i.section == section and i.visible(user)),
        key=lambda i: (i.order, i.key),
    )
    return [
        {"key": i.key, "label": i.label, "url": _url(i.url_name), "current": current == i.key}
        for i in items
    ]


def cache_key(*sections: list[dict]) -> str:
    """Names the navigation's visible items and the current one: two users with the same
    key see the same navigation (their labels follow the language, which the cache adds)."""
    return "|".join(
        ",".join(f"{item['url']}{'*' if item['current'] else ''}" for item in items)
        for items in sections
    )
