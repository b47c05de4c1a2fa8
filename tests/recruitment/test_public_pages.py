import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from recruitment.models import CandidateQuestion, Vacancy
from tests.recruitment.factories import VacancyFactory

pytestmark = pytest.mark.django_db

GOOGLE_REQUIRED = {"title", "description", "datePosted", "hiringOrganization"}
GOOGLE_RECOMMENDED = {"validThrough", "employmentType", "baseSalary", "identifier", "directApply"}


def json_ld(response):
    match = re.search(
        rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S
    )
    return json.loads(match.group(1))


def test_it_shows_a_public_vacancy_with_salary_and_open_graph_tags_to_visitors(client):
    vacancy = VacancyFactory()
    response = client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug]))
    assert response.status_code == 200
    html = response.content.decode().replace("\xa0", " ")
    assert vacancy.title in html
    assert "€ 3.500,00 – € 4.800,00" in html
    for tag in ("og:title", "og:description", "og:image", "og:url"):
        assert f'property="{tag}"' in html


def test_it_carries_every_required_and_recommended_job_posting_property(client):
    vacancy = VacancyFactory()
    data = json_ld(client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug])))
    assert data["@type"] == "JobPosting"
    assert data.keys() >= GOOGLE_REQUIRED
    assert "jobLocation" in data
    assert data["jobLocation"]["address"]["addressLocality"] == "Utrecht"
    assert data.keys() >= GOOGLE_RECOMMENDED
    assert data["baseSalary"]["value"]["minValue"] == 3500
    assert data["hiringOrganization"]["name"]


def test_its_job_posting_description_has_only_paragraphs_and_lists(client):
    vacancy = VacancyFactory()
    data = json_ld(client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug])))
    tags = set(re.findall(r"</?([a-z0-9]+)", data["description"]))
    assert tags <= {"p", "ul", "ol", "li", "br"}
    assert "<li>" in data["description"]


def test_a_remote_vacancy_says_telecommute_with_the_applicant_country(client):
    vacancy = VacancyFactory(remote=True)
    data = json_ld(client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug])))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"]["name"] == "NL"
    assert "jobLocation" not in data


def test_a_closed_vacancy_answers_410_and_links_to_open_ones(client):
    closed = VacancyFactory(status=Vacancy.Status.CLOSED)
    other = VacancyFactory()
    response = client.get(reverse("recruitment-public:vacancy", args=[closed.slug]))
    assert response.status_code == 410
    assert b"application/ld+json" not in response.content
    assert reverse("recruitment-public:vacancy", args=[other.slug]).encode() in response.content


def test_drafts_and_internal_vacancies_are_not_public(client):
    draft = VacancyFactory(status=Vacancy.Status.DRAFT)
    internal = VacancyFactory(
        visibility=Vacancy.Visibility.INTERNAL, salary_min=None, salary_max=None
    )
    for vacancy in (draft, internal):
        assert (
            client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug])).status_code
            == 404
        )


def test_the_page_is_cached_and_an_edit_shows_at_once(client, django_assert_num_queries):
    vacancy = VacancyFactory()
    url = reverse("recruitment-public:vacancy", args=[vacancy.slug])
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
    vacancy.title = "Nieuwe titel"
    vacancy.save()
    assert "Nieuwe titel" in client.get(url).content.decode()


def test_the_public_page_does_not_set_a_session_or_a_cookie(client):
    vacancy = VacancyFactory()
    response = client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug]))
    assert not response.cookies


def test_answered_published_and_general_questions_show_on_the_page(client):
    vacancy = VacancyFactory()
    sibling = VacancyFactory(department=vacancy.department)
    CandidateQuestion.objects.create(
        vacancy=vacancy, question="Eigen vraag?", answer="Ja.", is_published=True
    )
    CandidateQuestion.objects.create(
        vacancy=sibling,
        question="Algemene vraag?",
        answer="Zeker.",
        is_published=True,
        is_general=True,
    )
    CandidateQuestion.objects.create(vacancy=vacancy, question="Onbeantwoord?")
    html = client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug])).content.decode()
    assert "Eigen vraag?" in html and "Algemene vraag?" in html
    assert "Onbeantwoord?" not in html


def test_the_json_feed_follows_json_feed_1_1_with_open_public_vacancies(client):
    vacancy = VacancyFactory()
    VacancyFactory(status=Vacancy.Status.CLOSED, title="Gesloten")
    response = client.get(reverse("recruitment-public:feed-json"))
    assert response["Content-Type"] == "application/feed+json"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert {"title", "items"} <= feed.keys()
    assert [item["title"] for item in feed["items"]] == [vacancy.title]
    assert {"id", "url", "content_html", "date_published"} <= feed["items"][0].keys()


def test_the_rss_feed_and_the_sitemap_list_open_public_vacancies(client):
    vacancy = VacancyFactory()
    VacancyFactory(opens_on=timezone.localdate() + timedelta(days=5), title="Later")
    rss = client.get(reverse("recruitment-public:feed-rss")).content.decode()
    assert vacancy.title in rss and "Later" not in rss
    sitemap = client.get("/vacatures/sitemap.xml")
    assert sitemap.status_code == 200
    assert vacancy.slug in sitemap.content.decode()


def test_a_vacancy_past_its_close_date_shows_closed_the_next_day_without_an_edit(client):
    import time_machine

    vacancy = VacancyFactory(closes_on=timezone.localdate())
    url = reverse("recruitment-public:vacancy", args=[vacancy.slug])
    assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert client.get(url).status_code == 410
