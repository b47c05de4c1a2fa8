"""The apps' declarations (hrsocial.plugins) and the one cache mechanism (hrsocial.caching)."""

import pytest
from django.core.cache import cache

from hrsocial import plugins
from hrsocial.caching import CachedValue, Generation


def labels(configs) -> list[str]:
    return [config.label for config in configs]


def test_demo_data_is_seeded_after_what_each_app_builds_on():
    order = labels(plugins.seeding_order())
    assert order.index("people") < order.index("notifications")
    assert order.index("competencies") < order.index("trainings")
    assert order.index("guidelines") < order.index("helpdesk")
    # Sharing's demo shares recruitment's vacancies; insights builds its last days from both.
    assert order.index("recruitment") < order.index("sharing") < order.index("insights")


@pytest.mark.parametrize("seed_after", [("nonsense",), ("trainings",)])
def test_a_wrong_seed_order_fails_loudly(monkeypatch, seed_after):
    competencies = next(c for c in plugins.portal_apps() if c.label == "competencies")
    monkeypatch.setattr(competencies, "seed_after", seed_after)  # trainings: a circle
    with pytest.raises((LookupError, ValueError)):
        plugins.seeding_order()


def test_every_app_brings_its_urls_and_periodic_tasks(client, emma, settings):
    client.force_login(emma)
    for url in ("/people/", "/guidelines/", "/trainings/", "/helpdesk/", "/competencies/"):
        assert client.get(url).status_code == 200, url
    schedule = plugins.beat_schedule()
    assert schedule["trainings-reminders"]["task"] == "trainings.tasks.send_reminders"
    settings.CELERY_BEAT_SCHEDULE = {"trainings-reminders": {"task": "x", "schedule": 60.0}}
    assert plugins.beat_schedule()["trainings-reminders"]["task"] == "x"  # a site overrides


def test_a_cached_value_per_part_is_forgotten_alone(db, django_capture_on_commit_callbacks):
    loads = []
    value = CachedValue("test:per-part", lambda pk: loads.append(pk) or pk * 10)
    assert value.get(1) == value.get(1) == 10
    assert value.get(2) == 20
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        value.forget(1)
    assert len(callbacks) == 1  # forgotten again after the commit
    value.get(1), value.get(2)
    assert loads == [1, 2, 1]


def test_moving_a_generation_on_forgets_its_whole_family(db, django_capture_on_commit_callbacks):
    generation = Generation("test:family")
    loads = []
    value = CachedValue("test:member", lambda: loads.append(1) or len(loads), generation=generation)
    assert value.get() == value.get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        generation.forget()
    assert value.get() == 2
    cache.delete(generation.key)  # a cache that lost the token starts a new one
    assert value.get() == 3


def test_a_declared_cached_value_follows_its_rows(hanna):
    from helpdesk.models import Category
    from helpdesk.models.routing import CATEGORIES

    before = len(CATEGORIES.get())
    Category.objects.create(name="Nieuw", name_en="New")
    assert len(CATEGORIES.get()) == before + 1
