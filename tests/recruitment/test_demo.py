from io import StringIO

import pytest
from django.core.management import call_command

from recruitment.models import Application, CandidateQuestion, Vacancy

pytestmark = pytest.mark.django_db


def test_the_demo_has_vacancies_applications_in_every_stage_and_answered_questions():
    call_command("seed_demo", stdout=StringIO())
    assert {v.status for v in Vacancy.objects.all()} >= {"open", "closed"}
    assert Vacancy.objects.filter(visibility="internal").exists()
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages >= {"new", "screening", "interview", "offer", "hired", "rejected"}
    assert Application.objects.filter(
        stage="hired", referrer__isnull=False, bonus_due_at__isnull=False
    ).exists()
    assert CandidateQuestion.objects.published().exists()
    call_command("seed_demo", stdout=StringIO())
    assert Vacancy.objects.count() == 7
    # A year of earlier procedures, shredded: only the stage, channel and dates are left.
    past = Application.objects.filter(vacancy__status="filled")
    assert past.count() > 300 and not past.exclude(email="").exists()
    assert set(past.values_list("channel", flat=True)) >= {"linkedin", "x", "direct"}
