"""The competencies world: a framework of two competencies, emma's job role requiring them,
and an open cycle for her department (Communicatie)."""

import pytest

from tests.competencies.factories import (
    CompetencyFactory,
    CycleFactory,
    RequirementFactory,
    ReviewFactory,
)
from tests.factories import JobRoleFactory


@pytest.fixture
def online(db):
    return CompetencyFactory(name="Online communicatie", name_en="Online communication", order=1)


@pytest.fixture
def privacy(db):
    return CompetencyFactory(name="Privacybewustzijn", name_en="Privacy awareness", order=2)


@pytest.fixture
def adviser(online, privacy):
    role = JobRoleFactory(title="Communicatieadviseur")
    RequirementFactory(job_role=role, competency=online, level=3)
    RequirementFactory(job_role=role, competency=privacy, level=2)
    return role


@pytest.fixture
def emma(emma, adviser):
    emma.job_role = adviser
    emma.save(update_fields=["job_role"])
    return emma


@pytest.fixture
def cycle(communication):
    return CycleFactory(name="Najaar 2026", departments=[communication])


@pytest.fixture
def review(cycle, emma):
    return ReviewFactory(cycle=cycle, employee=emma)
