import pytest

from tests.trainings.factories import CompetencyFactory, SessionFactory, TrainingFactory


@pytest.fixture
def linkedin(db):
    """A competency the trainings below develop."""
    return CompetencyFactory(name="Online communicatie", name_en="Online communication")


@pytest.fixture
def training(linkedin):
    return TrainingFactory(title="LinkedIn voor beginners", develops=[(linkedin, 2)])


@pytest.fixture
def session(training):
    return SessionFactory(training=training, capacity=2)
