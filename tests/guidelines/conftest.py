import pytest


@pytest.fixture(autouse=True)
def _checker_rules(request):
    """The checker's rules as the migration leaves them, also after a browser journey's flush
    emptied the tables (transactional tests run last, but do not rely on it)."""
    if "django_db_setup" in request.fixturenames or request.node.get_closest_marker("django_db"):
        from guidelines.services import rules_ensure

        rules_ensure()
