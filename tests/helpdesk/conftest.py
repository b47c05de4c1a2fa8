import pytest
from django.test.utils import override_settings


@pytest.fixture(autouse=True)
def private_attachments(tmp_path):
    """Attachments go to a temporary private folder, never the developer's."""
    with override_settings(HELPDESK_ATTACHMENTS_ROOT=tmp_path / "private"):
        yield tmp_path / "private"


@pytest.fixture
def fleur(db):
    """HR staff, not a lead."""
    from tests.factories import UserFactory, make_hr

    return make_hr(UserFactory(email="fleur@example.com", full_name="Fleur Dekker"))


@pytest.fixture
def category(db):
    from tests.helpdesk.factories import CategoryFactory

    return CategoryFactory(name="Eigen accounts en posts")
