"""Panels on the personal home page ("Mijn overzicht").

Each app registers a function that returns a Panel for the signed-in user, or None when it
has nothing to show (no to-dos, not the right role). The home view renders them in order.
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


def register(provider: Callable) -> Callable:
    """Usable as a decorator: @home.register def my_panel(request) -> Panel | None."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def panels_for(request) -> list[Panel]:
    panels = [p for p in (provider(request) for provider in _providers) if p is not None]
    return sorted(panels, key=lambda p: p.order)
