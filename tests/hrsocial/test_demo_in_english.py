"""The demo speaks both languages: everything HR writes that it seeds has its English text, so
the English interface shows no Dutch where HR would have written English."""

from io import StringIO

import pytest
from django.core.management import call_command

from competencies.models import Competency, CompetencyCategory, CompetencyLevel
from guidelines.models import Category as TipCategory
from guidelines.models import Guideline, Rule
from helpdesk.models import Category, FaqEntry, SavedReply
from trainings.models import ScanQuestion, Training

pytestmark = pytest.mark.django_db

ENGLISH_FIELDS = [
    (TipCategory, ["name_en"]),
    (Guideline, ["title_en", "tip_en", "body_en", "do_examples_en", "dont_examples_en"]),
    (Rule, ["tip_en"]),
    (Training, ["title_en", "summary_en", "description_en"]),
    (ScanQuestion, ["text_en"]),
    (Category, ["name_en", "description_en"]),
    (FaqEntry, ["title_en", "answer_en"]),
    (SavedReply, ["title_en", "body_en"]),
    (CompetencyCategory, ["name_en"]),
    (Competency, ["name_en", "description_en"]),
    (CompetencyLevel, ["behaviour_en"]),
]


def test_every_text_hr_writes_in_the_demo_has_its_english_twin():
    call_command("seed_demo", stdout=StringIO())
    missing = []
    for model, fields in ENGLISH_FIELDS:
        assert model.objects.exists(), f"the demo seeds no {model.__name__}"
        for field in fields:
            missing += [
                f"{model.__name__} {row}: {field}" for row in model.objects.filter(**{field: ""})
            ]
    assert missing == []
