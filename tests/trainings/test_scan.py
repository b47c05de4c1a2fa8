"""The self-scan gives levels and recommendations that differ per person."""

import pytest
from django.urls import reverse

from tests.factories import DepartmentFactory
from tests.trainings.factories import (
    CompetencyFactory,
    ElearningFactory,
    ScanQuestionFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings import services
from trainings.models import ScanAnswer, ScanQuestion, SelfScan, Training
from trainings.recommendations import recommendations_for

Format = Training.Format


@pytest.fixture
def framework(db):
    communication = CompetencyFactory(name="Online communicatie", order=1)
    privacy = CompetencyFactory(name="Privacybewustzijn", order=2)
    content = CompetencyFactory(name="Content maken", order=3)
    questions = {
        "profile": ScanQuestionFactory(competency=communication, text="Ik heb een sterk profiel"),
        "posting": ScanQuestionFactory(competency=communication, text="Ik post zelf berichten"),
        "privacy": ScanQuestionFactory(competency=privacy, text="Ik weet wat ik niet deel"),
        "content": ScanQuestionFactory(competency=content, text="Ik maak zelf een video"),
    }
    return communication, privacy, content, questions


@pytest.fixture
def catalogue(framework):
    communication, privacy, content, _questions = framework
    trainings = {
        "linkedin": TrainingFactory(title="LinkedIn voor beginners", develops=[(communication, 2)]),
        "linkedin_online": ElearningFactory(
            title="LinkedIn in je eigen tempo", develops=[(communication, 2)]
        ),
        "expert": TrainingFactory(
            title="Thought leadership", level="expert", develops=[(communication, 4)]
        ),
        "privacy_online": ElearningFactory(title="Privacy in 20 minuten", develops=[(privacy, 2)]),
        "privacy_webinar": TrainingFactory(
            title="Privacy en sociale media", format=Format.WEBINAR, develops=[(privacy, 3)]
        ),
        "video": TrainingFactory(
            title="Video voor gevorderden", format=Format.COACHING, develops=[(content, 4)]
        ),
        "ict_only": TrainingFactory(title="Alleen voor ICT", develops=[(communication, 2)]),
    }
    trainings["ict_only"].departments.add(DepartmentFactory(name="ICT", code="ICT"))
    SessionFactory(training=trainings["linkedin"])
    return trainings


def answers(framework, **values):
    questions = framework[3]
    return {questions[name].pk: value for name, value in values.items()}


def recommended(person, scan):
    return {
        r.competency.name: [t.title for t in r.trainings] for r in recommendations_for(person, scan)
    }


def test_it_turns_answers_into_a_level_per_competency(emma, framework):
    scan = services.scan_submit(
        person=emma, answers=answers(framework, profile=2, posting=3, privacy=1, content=4)
    )
    levels = {r.competency.name: r.level for r in scan.results.all()}
    assert levels == {"Online communicatie": 3, "Privacybewustzijn": 1, "Content maken": 4}


@pytest.mark.parametrize(
    ("values", "level"), [([2, 3], 3), ([1, 2, 2], 2), ([1, 1], 1), ([4], 4), ([3, 4, 4, 4], 4)]
)
def test_the_level_is_the_rounded_average(values, level):
    assert services.level_from_answers(values) == level


def test_two_people_get_different_recommendations(emma, cas, framework, catalogue):
    """Not one size fits all: the lowest skills, one level up, in the formats you like."""
    emma_scan = services.scan_submit(
        person=emma,
        answers=answers(framework, profile=1, posting=1, privacy=2, content=4),
        preferred_formats=[Format.ELEARNING],
    )
    cas_scan = services.scan_submit(
        person=cas,
        answers=answers(framework, profile=3, posting=3, privacy=4, content=1),
        preferred_formats=[],
    )

    assert recommended(emma, emma_scan) == {
        "Online communicatie": ["LinkedIn in je eigen tempo"],  # level 1 → 2, her format
        "Privacybewustzijn": ["Privacy en sociale media"],  # 2 → 3: only a webinar exists
    }
    emma_privacy = recommendations_for(emma, emma_scan)[1]
    assert emma_privacy.other_formats, "she is told it is not her preferred format"

    assert recommended(cas, cas_scan) == {
        "Content maken": [],  # 1 → 2: nothing yet (the coaching goes to 4: too far)
        "Online communicatie": ["Thought leadership"],  # 3 → 4
    }


def test_without_a_format_preference_every_format_is_recommended(cas, framework, catalogue):
    scan = services.scan_submit(
        person=cas, answers=answers(framework, profile=1, posting=1, privacy=4, content=4)
    )
    assert set(recommended(cas, scan)["Online communicatie"]) == {
        "LinkedIn voor beginners",
        "LinkedIn in je eigen tempo",
        "Alleen voor ICT",  # Cas works in ICT
    }


def test_completed_trainings_are_not_recommended_again(emma, framework, catalogue):
    services.elearning_complete(training=catalogue["linkedin_online"], person=emma)
    scan = services.scan_submit(
        person=emma, answers=answers(framework, profile=1, posting=1, privacy=4, content=4)
    )
    assert recommended(emma, scan) == {"Online communicatie": ["LinkedIn voor beginners"]}


def test_top_levels_everywhere_give_no_recommendations(emma, framework, catalogue):
    scan = services.scan_submit(
        person=emma, answers=answers(framework, profile=4, posting=4, privacy=4, content=4)
    )
    assert recommendations_for(emma, scan) == []


def test_the_scan_page_saves_and_shows_the_result(client, emma, framework, catalogue):
    client.force_login(emma)
    data = {
        f"q{pk}": value
        for pk, value in answers(framework, profile=1, posting=1, privacy=3, content=4).items()
    }
    response = client.post(reverse("trainings:scan"), {**data, "formats": ["classroom"]})
    assert response.status_code == 302
    assert response["Location"] == reverse("trainings:scan-result")
    page = client.get(response["Location"]).content.decode()
    assert "LinkedIn voor beginners" in page
    assert SelfScan.objects.get().preferred_formats == ["classroom"]


def test_missing_or_wrong_answers_save_nothing(client, emma, framework):
    client.force_login(emma)
    questions = framework[3]
    response = client.post(
        reverse("trainings:scan"),
        {f"q{questions['profile'].pk}": "7", f"q{questions['posting'].pk}": "2"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kies een van de vier antwoorden." in page
    assert "Kies het antwoord dat het best bij je past." in page
    assert not SelfScan.objects.exists() and not ScanAnswer.objects.exists()


def test_the_scan_works_without_any_competencies_or_questions(client, emma):
    client.force_login(emma)
    response = client.get(reverse("trainings:scan"))
    assert response.status_code == 200
    assert "HR heeft de zelfscan nog niet ingericht" in response.content.decode()
    assert client.post(reverse("trainings:scan"), {}).status_code == 200
    assert client.get(reverse("trainings:scan-result")).status_code == 302


def test_retired_questions_are_not_asked(client, emma, framework):
    ScanQuestion.objects.filter(text="Ik maak zelf een video").update(is_active=False)
    client.force_login(emma)
    page = client.get(reverse("trainings:scan")).content.decode()
    assert "Ik post zelf berichten" in page and "Ik maak zelf een video" not in page


def test_hr_writes_the_statements(client, hanna, linkedin):
    client.force_login(hanna)
    response = client.post(
        reverse("trainings:hr-question-create"),
        {
            "competency": linkedin.pk,
            "text": "Ik deel vacatures",
            "text_en": "",
            "order": 1,
            "is_active": "on",
        },  # fmt: skip
    )
    assert response.status_code == 302
    question = ScanQuestion.objects.get()
    assert question.competency == linkedin
    response = client.post(
        reverse("trainings:hr-question-edit", kwargs={"pk": question.pk}),
        {"competency": linkedin.pk, "text": "", "order": 1},
    )
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.text == "Ik deel vacatures"
