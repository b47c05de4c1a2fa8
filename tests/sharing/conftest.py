import pytest

from hrsocial.shareables import Shareable, ShareContent
from sharing import registry

# A small shareable for the tests: departments (shared ground), described as a landing page.
TEST_SHAREABLE = Shareable(
    key="tests.department", model="people.Department",
    describe="tests.sharing.conftest.describe_department",
)  # fmt: skip


def describe_department(department) -> ShareContent:
    return ShareContent(
        title=f"Werken bij {department.name}",
        summary="Kom erbij.",
        url=f"https://portal.example.com/vacancies/?d={department.pk}",
        available=not department.name.startswith("Gesloten"),
    )


@pytest.fixture
def test_shareable():
    registry._extra.append(TEST_SHAREABLE)
    yield TEST_SHAREABLE
    registry._extra.remove(TEST_SHAREABLE)
