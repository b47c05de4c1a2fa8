"""The demo data: the framework, role profiles, and a cycle in progress for the manager."""

from io import StringIO

import pytest
from django.core.management import call_command

from competencies.models import (
    AssessedLevel,
    AssessmentLine,
    Competency,
    ExpertProfile,
    Review,
    ReviewCycle,
    RoleRequirement,
)
from people.models import User


@pytest.mark.django_db
def test_the_demo_is_complete_and_idempotent():
    call_command("seed_demo", stdout=StringIO())
    counts = [
        model.objects.count()
        for model in (Competency, RoleRequirement, ReviewCycle, Review, AssessmentLine,
                      AssessedLevel, ExpertProfile)
    ]  # fmt: skip
    call_command("seed_demo", stdout=StringIO())
    assert [
        model.objects.count()
        for model in (Competency, RoleRequirement, ReviewCycle, Review, AssessmentLine,
                      AssessedLevel, ExpertProfile)
    ] == counts  # fmt: skip

    assert Competency.objects.count() == 6
    assert all(c.levels.count() == 4 and c.name_en for c in Competency.objects.all())
    manager = User.objects.get(email="manager@example.com")
    pending = Review.objects.awaiting_review_by(manager)
    assert pending.count() >= 3
    assert pending.filter(employee__email="employee@example.com").exists()
    assert RoleRequirement.objects.for_role(
        User.objects.get(email="employee@example.com").job_role
    ).exists()


@pytest.mark.django_db
def test_each_competency_has_its_own_example_sentences():
    call_command("seed_demo", stdout=StringIO())
    by_competency = {}
    for line in AssessmentLine.objects.select_related("competency"):
        by_competency.setdefault(line.evidence, set()).add(line.competency.name)
    assert by_competency, "the demo has self-assessments"
    shared = {text: names for text, names in by_competency.items() if len(names) > 1}
    assert shared == {}
