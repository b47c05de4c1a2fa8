"""Sections on a person's profile page, contributed by other apps.

    profile_sections = ["trainings.sections.completed_trainings"]   # on the PortalAppConfig
    def completed_trainings(request, person) -> Panel | None: ...

Return None when there is nothing to show or the viewer may not see it; decide visibility
with the app's own permission rules. A section should run a fixed, small number of queries.
"""

from collections.abc import Callable

from hrsocial.home import Panel

_providers: list[Callable] = []


def collect(providers) -> None:
    """At start (people.apps): every app's section functions."""
    _providers.extend(p for p in providers if p not in _providers)


def sections_for(request, person) -> list[Panel]:
    sections = [s for s in (provider(request, person) for provider in _providers) if s is not None]
    return sorted(sections, key=lambda s: s.order)
