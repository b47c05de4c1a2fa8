"""Search results show HR's English texts in the English interface (title and snippet)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpdesk.factories import FaqEntryFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db


def test_results_show_the_english_title_and_snippet_to_an_english_reader(client):
    TrainingFactory(
        title="LinkedIn voor beginners",
        title_en="LinkedIn for beginners",
        summary="Een middag met je eigen laptop.",
        summary_en="An afternoon with your own laptop.",
    )
    FaqEntryFactory(
        title="Mag ik over LinkedIn posten?",
        title_en="May I post about LinkedIn?",
        answer="Ja, graag.",
        answer_en="Yes, please.",
        is_published=True,
    )
    client.force_login(UserFactory(preferred_language="en"))
    page = client.get(reverse("search"), {"q": "linkedin"}).content.decode()
    for english in ("LinkedIn for beginners", "An afternoon", "May I post", "Yes, please"):
        assert english in page
    for dutch in ("voor beginners", "Een middag", "Mag ik", "Ja, graag"):
        assert dutch not in page
