"""The global search finds the open vacancies the searcher may see; HR's to-dos count what
the recruitment pipeline has waiting."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from recruitment.models import Application, CandidateQuestion, Vacancy
from tests.queries import count_queries
from tests.recruitment.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get("/search/", {"q": query}).content.decode()


def vacancies():
    public = VacancyFactory(title="Webredacteur publiek")
    internal = VacancyFactory(
        title="Webredacteur intern", visibility=Vacancy.Visibility.INTERNAL, salary_min=None,
        salary_max=None,
    )  # fmt: skip
    closed = VacancyFactory(title="Webredacteur gesloten", status=Vacancy.Status.CLOSED)
    draft = VacancyFactory(title="Webredacteur concept", status=Vacancy.Status.DRAFT)
    later = VacancyFactory(
        title="Webredacteur later", opens_on=timezone.localdate() + timedelta(days=3)
    )
    return public, internal, closed, draft, later


def test_an_employee_finds_open_public_and_internal_vacancies_with_links(client, emma):
    public, internal, *_ = vacancies()
    client.force_login(emma)
    html = search(client, "webredacteur")
    assert "Webredacteur publiek" in html and "Webredacteur intern" in html
    assert reverse("recruitment-public:vacancy", args=[public.slug]) in html
    assert reverse("recruitment:vacancy", args=[internal.pk]) in html
    for hidden in ("gesloten", "concept", "later"):
        assert f"Webredacteur {hidden}" not in html
    assert f"{public.department.name} · Utrecht" in html


def test_an_alumnus_finds_public_vacancies_but_never_internal_ones(client, anouk):
    vacancies()
    client.force_login(anouk)
    html = search(client, "webredacteur")
    assert "Webredacteur publiek" in html
    assert "Webredacteur intern" not in html


def test_a_visitor_cannot_search_at_all(client):
    vacancies()
    response = client.get("/search/", {"q": "webredacteur"})
    assert response.status_code == 302
    assert "Webredacteur" not in response.content.decode()


def test_the_search_finds_a_vacancy_by_its_english_title_and_shows_it_in_english(client, emma):
    VacancyFactory(title="Webredacteur", title_en="Web editor")
    type(emma).objects.filter(pk=emma.pk).update(preferred_language="en")
    client.force_login(emma)
    assert "Web editor" in search(client, "editor")


def test_a_dutch_reader_finds_it_by_the_english_title_too_and_sees_the_dutch_one(client, emma):
    # A separate test: the signed-in user is cached (Redis), so a language changed behind
    # the cache's back would not show.
    VacancyFactory(title="Webredacteur", title_en="Web editor")
    client.force_login(emma)
    html = search(client, "editor")
    assert "Webredacteur" in html and "Web editor" not in html


def test_the_search_costs_the_same_for_5_or_50_vacancies(client, emma):
    client.force_login(emma)
    for i in range(5):
        VacancyFactory(title=f"Webredacteur {i}")
    few = count_queries(client, "/search/?q=webredacteur")
    for i in range(5, 50):
        VacancyFactory(title=f"Webredacteur {i}")
    assert count_queries(client, "/search/?q=webredacteur") == few


def todos(client):
    html = client.get(reverse("home")).content.decode()
    start = html.index('aria-labelledby="panel-todos"')
    return html[start : html.index("</section>", start)]


def pipeline(new=2, questions=1, bonuses=1):
    vacancy = VacancyFactory()
    for i in range(new):
        Application.objects.create(vacancy=vacancy, name=f"K{i}", email=f"k{i}@example.org")
    Application.objects.create(vacancy=vacancy, name="S", stage=Application.Stage.SCREENING)
    for _i in range(bonuses):
        Application.objects.create(
            vacancy=vacancy, stage=Application.Stage.HIRED, bonus_due_at=timezone.now()
        )
    Application.objects.create(
        vacancy=vacancy, stage=Application.Stage.HIRED, bonus_due_at=timezone.now(),
        bonus_paid_at=timezone.now(),
    )  # fmt: skip
    for i in range(questions):
        CandidateQuestion.objects.create(vacancy=vacancy, question=f"Vraag {i}?")
    CandidateQuestion.objects.create(
        vacancy=vacancy, question="Beantwoord?", answer="Ja.", answered_at=timezone.now()
    )


def test_hr_sees_new_applications_open_questions_and_bonuses_due_as_counts(client, hanna):
    pipeline(new=2, questions=1, bonuses=1)
    client.force_login(hanna)
    panel = todos(client)
    assert "2 nieuwe sollicitaties om te bekijken" in panel
    assert "1 kandidaatvraag om te beantwoorden" in panel
    assert "1 aanbrengpremie om uit te betalen" in panel
    assert reverse("recruitment:hr-questions") in panel
    assert "k0@example.org" not in panel and "Vraag 0?" not in panel  # counts only


def test_an_employee_sees_no_recruitment_to_dos(client, emma):
    pipeline()
    client.force_login(emma)
    html = client.get(reverse("home")).content.decode()
    assert "sollicitatie" not in html and "kandidaatvra" not in html


def test_nothing_to_do_shows_no_recruitment_to_do(client, hanna):
    client.force_login(hanna)
    html = client.get(reverse("home")).content.decode()
    assert "nieuwe sollicitatie" not in html


def test_the_to_dos_cost_the_same_however_much_is_waiting(client, hanna):
    client.force_login(hanna)
    pipeline(new=5, questions=5, bonuses=5)
    few = count_queries(client, reverse("home"))
    pipeline(new=50, questions=50, bonuses=50)
    assert count_queries(client, reverse("home")) == few
