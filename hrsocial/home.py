"""Panels on the personal home page ("Mijn overzicht").

Each app declares (`PortalAppConfig.home_panels`) functions that return a Panel for the
signed-in user, or None when there is nothing to show (no to-dos, not the right role). The
home view renders them in order.
A panel function should run a fixed, small number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


_providers: list[Callable] = []


def collect(providers) -> None:
    """At start (hrsocial.apps): every app's panel functions."""
    _providers.extend(p for p in providers if p not in _providers)


def panels_for(request) -> list[Panel]:
    panels = [p for p in (provider(request) for provider in _providers) if p is not None]
    return sorted(panels, key=lambda p: p.order)
