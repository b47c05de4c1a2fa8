"""Panels on the personal home page ("Mijn overzicht").

Each app declares (`PortalAppConfig.home_panels`) functions that return a Panel for the
signed-in user, or None when there is nothing to show (no to-dos, not the right role). The
home view renders them in order.
A panel function should run a fixed, small number of queries.

To-dos are short lines in one shared panel, "To do" (HR's work across the apps: questions
nobody picked up, attendance to register, review cycles behind, and later blogs to
moderate). An app declares its own (`PortalAppConfig.home_todos`): `def todos(request) ->
list[Todo]`, an empty list when there is nothing to do or the person may not do it. Counts
and links only: a to-do never names the people behind it (anonymous questions stay so).
"""

from collections.abc import Callable, Iterable
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


@dataclass(frozen=True)
class Todo:
    label: str  # translated, with its count: "3 questions without an assignee"
    url: str  # where to do it
    order: int = 100


_todo_providers: list[Callable] = []


def register_todo(provider: Callable[..., Iterable[Todo]]) -> Callable:
    """At start (hrsocial.apps), each app's declared to-dos; tests add their own."""
    if provider not in _todo_providers:
        _todo_providers.append(provider)
    return provider


def todos_for(request) -> list[Todo]:
    todos = [todo for provider in _todo_providers for todo in provider(request)]
    return sorted(todos, key=lambda t: t.order)


def todo_panel(request) -> Panel | None:
    """The to-dos of every app in one panel; none when there is nothing to do."""
    todos = todos_for(request)
    if not todos:
        return None
    return Panel(template="partials/home_todos.html", context={"todos": todos}, order=5)


def network_welcome(request) -> Panel | None:
    """Alumni and freelancers, until their network opens (the alumni app then replaces this):
    an honest page with what the portal offers them today and whom to ask. No query."""
    from hrsocial.navigation import network

    if not network(request.user):
        return None
    return Panel(template="partials/home_network.html", order=0)
