"""The contract between the apps (../shared/DESIGN.md, docs/DEVELOPING.md), read from the code.

* The shared ground (hrsocial, people, notifications) imports no practice app.
* A practice app imports of another practice app only its public module, `<app>/api.py`.
* Nobody imports insights.
* No import cycle between apps, besides the ones listed in KNOWN_CYCLES.

Imports are read with `ast`, lazy ones inside functions included; so are the dotted paths of
the apps' declarations (`Receiver("…")`, `home_panels`, `provides`…), which import too.
Migrations are frozen history and tests may import anything: both are left out.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps

from hrsocial import plugins

ROOT = Path(__file__).resolve().parents[2]
SHARED_GROUND = {"hrsocial", "people", "notifications", "sharing", "integrations"}
PUBLIC_MODULE = "api"
# (app, app) pairs that import each other today, with the reason; keep this list empty.
# people tells the HR leads of a change of HR rights (people.services.person_access_change)
# through notifications, and notifications needs people's roles (hr_required) and users.
KNOWN_CYCLES = {frozenset({"people", "notifications"})}


def our_apps() -> set[str]:
    return {config.label for config in plugins.portal_apps()} | {"insights"}


def imports_of(app: str) -> list[tuple[str, str]]:
    """(imported module, where) for every import and declared dotted path in `app`."""
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(), filename=where)):
            if isinstance(node, ast.Import):
                found += [(alias.name, f"{where}:{node.lineno}") for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:  # `from guidelines import api` imports guidelines.api
                    found.append((f"{node.module}.{alias.name}", f"{where}:{node.lineno}"))
    config = apps.get_app_config(app) if apps.is_installed(app) else None
    if isinstance(config, plugins.PortalAppConfig):
        for dotted in declared_paths(config):
            found.append((dotted, f"{app}/apps.py (declared)"))
    return found


def declared_paths(config) -> list[str]:
    paths = [*config.home_panels, *config.profile_sections, *config.provides.values()]
    paths += list(config.api_routers)
    paths += [p for receiver in config.receivers for p in (receiver.signal, receiver.receiver)]
    paths += list(config.cached)
    paths += [c["attachments"] for c in config.notification_categories if "attachments" in c]
    return [path for path in paths if "." in path]


def violations(app: str) -> list[str]:
    problems = []
    for module, where in imports_of(app):
        target, *rest = module.split(".")
        if target == app or target not in our_apps():
            continue
        if target == "insights":
            problems.append(f"{where}: imports insights, which nobody reads from")
        elif app in SHARED_GROUND and target not in SHARED_GROUND:
            problems.append(f"{where}: the shared ground imports the practice app {module}")
        elif app not in SHARED_GROUND and target not in SHARED_GROUND and rest[:1] != ["api"]:
            problems.append(f"{where}: imports {module}, not {target}.{PUBLIC_MODULE}")
    return problems


def app_graph() -> dict[str, set[str]]:
    graph = {}
    for app in our_apps():
        if (ROOT / app).is_dir():
            targets = {module.split(".")[0] for module, _where in imports_of(app)}
            graph[app] = (targets & our_apps()) - {app}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every elementary cycle's first appearance, as the list of apps along it."""
    found, seen = [], set()

    def walk(start, node, path):
        for target in sorted(graph.get(node, ())):
            if target == start:
                key = frozenset(path)
                if key not in seen:
                    seen.add(key)
                    found.append([*path, start])
            elif target not in path and target > start:
                walk(start, target, [*path, target])

    for start in sorted(graph):
        walk(start, start, [start])
    return found


@pytest.mark.parametrize("app", sorted(our_apps() - {"insights"}))
def test_an_app_uses_other_apps_only_through_their_public_module(app):
    assert violations(app) == []


def test_there_is_no_import_cycle_between_apps_but_the_known_ones():
    new = [cycle for cycle in cycles(app_graph()) if frozenset(cycle) not in KNOWN_CYCLES]
    assert new == []


def test_the_check_finds_what_it_forbids(tmp_path, monkeypatch):
    """The test above cannot pass by reading nothing: a planted file is caught."""
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    for app, text in {
        "people": "from guidelines.models import Guideline\n",
        "helpdesk": "def f():\n    from guidelines.services import draft_check\n",
        "trainings": "from competencies import api\nimport insights.models\n",
        "competencies": "from trainings.api import trainings_developing\n",
    }.items():
        (tmp_path / app).mkdir()
        (tmp_path / app / "module.py").write_text(text)
    assert violations("people") == [
        "people/module.py:1: the shared ground imports the practice app guidelines.models.Guideline"
    ]
    assert violations("helpdesk") == [
        "helpdesk/module.py:2: imports guidelines.services.draft_check, not guidelines.api"
    ]
    assert violations("trainings") == [
        "trainings/module.py:2: imports insights, which nobody reads from"
    ]
    assert ["competencies", "trainings", "competencies"] in cycles(app_graph())
