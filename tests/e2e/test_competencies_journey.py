"""Emma assesses herself, Milan reviews and changes one level with a comment, and Emma sees
her gap with a recommended training. Every page on the way is checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from competencies.models import AssessedLevel, Review
from tests.competencies.factories import CompetencyFactory, CycleFactory, RequirementFactory
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import DepartmentFactory, JobRoleFactory, UserFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in_as(page, live_server, person):
    page.context.clear_cookies()
    use_session_of(page, live_server, person)
    page.goto(live_server.url + "/")


def test_self_assessment_review_and_the_gap_with_a_training(live_server, page):
    communication = DepartmentFactory(name="Communicatie", code="COM")
    milan = UserFactory(
        email="milan@example.com", full_name="Milan de Vries", department=communication
    )
    adviser = JobRoleFactory(title="Communicatieadviseur")
    emma = UserFactory(
        email="emma@example.com", full_name="Emma Jansen", department=communication,
        manager=milan, job_role=adviser,
    )  # fmt: skip
    online = CompetencyFactory(name="Online communicatie", order=1)
    privacy = CompetencyFactory(name="Privacybewustzijn", order=2)
    RequirementFactory(job_role=adviser, competency=online, level=3)
    RequirementFactory(job_role=adviser, competency=privacy, level=2)
    cycle = CycleFactory(name="Najaar 2026", departments=[communication])
    Review.objects.create(cycle=cycle, employee=emma)
    Review.objects.create(cycle=cycle, employee=milan)
    TrainingFactory(title="Het gesprek aangaan op LinkedIn", develops=[(online, 3)])

    # Emma starts from her overview and assesses herself.
    _sign_in_as(page, live_server, emma)
    page.get_by_role("link", name="Beoordeel jezelf in Najaar 2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beoordeel jezelf: Najaar 2026")
    assert_accessible(page)
    for name, level, example in (
        ("Online communicatie", "3", "Ik beantwoord reacties op onze LinkedIn-berichten."),
        ("Privacybewustzijn", "2", "Ik vraag toestemming voordat ik een foto deel."),
    ):
        block = page.get_by_role("group", name=name, exact=True)
        block.get_by_role("radio", name=re.compile(f"^{level} – ")).check()
        block.get_by_label("Voorbeeld uit je werk").fill(example)
    page.get_by_role("button", name="Naar mijn leidinggevende sturen").click()
    expect(page.get_by_role("status")).to_contain_text("Je leidinggevende is gevraagd")
    expect(page.get_by_test_id("review-status")).to_have_text(
        "Wacht op de beoordeling van de leidinggevende"
    )

    # Milan reviews: he agrees on privacy and sets online communication one level lower.
    _sign_in_as(page, live_server, milan)
    page.get_by_role("link", name="Emma Jansen beoordelen").click()
    assert_accessible(page)
    online_block = page.get_by_role("group", name="Online communicatie", exact=True)
    expect(online_block.get_by_role("radio", name=re.compile("^3 – "))).to_be_checked()
    online_block.get_by_role("radio", name=re.compile("^2 – ")).check()
    page.get_by_role("button", name="Beoordeling opslaan").click()
    # Another level without a comment is refused, with a clear message.
    expect(page.get_by_role("alert")).to_contain_text("Licht toe waarom je een ander niveau kiest.")
    online_block = page.get_by_role("group", name="Online communicatie", exact=True)
    online_block.get_by_role("radio", name=re.compile("^2 – ")).check()
    online_block.get_by_label("Toelichting").fill(
        "Je reageert goed, maar het gesprek bij kritiek gaan we samen oefenen."
    )
    page.get_by_role("button", name="Beoordeling opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Je beoordeling is opgeslagen")
    assert AssessedLevel.objects.get(person=emma, competency=online).level == 2

    # His team's heat map shows the gap in text, not only in colour.
    page.goto(live_server.url + "/competencies/team/")
    heatmap = page.get_by_test_id("heatmap")
    expect(heatmap.get_by_role("row", name=re.compile("Emma Jansen"))).to_contain_text("−1")
    assert_accessible(page)

    # Emma reads the outcome and sees her gap with a recommended training.
    _sign_in_as(page, live_server, emma)
    page.get_by_role("link", name=re.compile("bekijk de uitkomst")).click()
    expect(page.get_by_role("row", name=re.compile("Online communicatie"))).to_contain_text(
        "het gesprek bij kritiek gaan we samen oefenen"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Bekijk mijn ontwikkelpunten en aanbevolen trainingen").click()
    gap = page.get_by_role("region", name="Online communicatie")
    expect(gap).to_contain_text("niveau 2, vereist 3: 1 tekort")
    expect(gap.get_by_test_id("recommended-training")).to_contain_text(
        "Het gesprek aangaan op LinkedIn"
    )
    assert_accessible(page)


def test_the_other_competency_pages_are_accessible(live_server, page):
    """HR's pages, the framework, the expert finder and a profile, with demo-like data."""
    from competencies import services
    from tests.competencies.factories import assess, expert
    from tests.factories import make_hr

    communication = DepartmentFactory(name="Communicatie", code="COM")
    hanna = make_hr(UserFactory(full_name="Hanna Bakker", department=communication), lead=True)
    adviser = JobRoleFactory(title="Communicatieadviseur")
    emma = UserFactory(full_name="Emma Jansen", department=communication, job_role=adviser)
    online = CompetencyFactory(name="Online communicatie", order=1)
    RequirementFactory(job_role=adviser, competency=online, level=3)
    assess(emma, online, 4)
    expert(emma, "TikTok", "LinkedIn", ask_me_about="Korte video's maken")
    cycle = CycleFactory(name="Najaar 2026", departments=[communication])
    services.cycle_add_newcomers(cycle=cycle)

    use_session_of(page, live_server, hanna)
    for path, heading in (
        ("/competencies/hr/", "Competenties: HR"),
        (cycle.get_absolute_url(), "Najaar 2026"),
        (f"/competencies/hr/departments/{communication.pk}/", "Competenties in Communicatie"),
        ("/competencies/framework/", "Het competentiekader"),
        ("/competencies/hr/cycles/new/", "Beoordelingsronde openen"),
        (f"/competencies/hr/roles/{adviser.pk}/", "Profiel van Communicatieadviseur"),
        ("/competencies/experts/?q=tiktok", "Wie weet wat"),
        (f"/competencies/people/{emma.pk}/", "Competenties van Emma Jansen"),
        (f"/people/{emma.pk}/", "Emma Jansen"),
    ):
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
