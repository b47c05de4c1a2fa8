from django.apps import apps
from django.urls import reverse

from insights import sections
from insights.chains import available_chains
from tests.insights.helpers import department, figure


def test_it_has_a_section_for_each_installed_practice_app():
    labels = [s.label for s in sections.installed_sections()]
    assert labels == [
        "guidelines",
        "trainings",
        "helpdesk",
        "competencies",
        "news",
        "sharing",
        "recruitment",
        "alumni",
    ]


def test_it_leaves_out_the_chain_from_share_to_hire_without_sharing(monkeypatch):
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "sharing" and installed(name))
    sections.installed_sections.cache_clear()
    try:
        assert [c.key for c in available_chains(sections.all_figures())] == ["faq", "development"]
    finally:
        sections.installed_sections.cache_clear()


def test_it_leaves_out_the_section_and_chains_of_an_app_that_is_not_installed(monkeypatch):
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "helpdesk" and installed(name))
    sections.installed_sections.cache_clear()
    try:
        assert "helpdesk" not in [s.label for s in sections.installed_sections()]
        assert [c.key for c in available_chains(sections.all_figures())] == [
            "development", "recruitment", "alumni-recruitment",
        ]  # fmt: skip
    finally:
        sections.installed_sections.cache_clear()


def test_it_exports_a_figure_as_the_chart_shows_it(client, hanna):
    sales = department("Sales", 6)
    figure("trainings.enrolments", sales, 7)
    client.force_login(hanna)
    response = client.get(reverse("insights:export"), {"figure": "trainings.enrolments"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Inschrijvingen" in text
    assert ";7" in text or ";7.0" in text


def test_it_prints_the_monthly_report_for_a_chosen_month(client, hanna):
    client.force_login(hanna)
    response = client.get(reverse("insights:report"), {"month": "2026-03"})
    assert response.status_code == 200
    assert response.context["month"].isoformat() == "2026-03-01"
    with open("static/css/insights.css") as css:
        assert "@media print" in css.read()
