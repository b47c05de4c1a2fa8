"""The English twins of a vacancy's texts: shown to English readers when HR filled them in,
the Dutch text otherwise (hrsocial.i18n.localized)."""

import json
import re

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from recruitment.models import Vacancy
from tests.recruitment.factories import VacancyFactory, apply_data

pytestmark = pytest.mark.django_db


def english(vacancy, **overrides):
    fields = {
        "title_en": "Communications adviser",
        "description_en": "You make **our story** visible.",
        "requirements_en": "Three years of experience.",
        **overrides,
    }
    Vacancy.objects.filter(pk=vacancy.pk).update(**fields)
    vacancy.refresh_from_db()
    return vacancy


def page(client, vacancy, language):
    client.cookies["django_language"] = language
    return client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug]))


def json_ld(response):
    match = re.search(
        rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S
    )
    return json.loads(match.group(1))


def test_an_english_reader_gets_the_english_texts_and_a_dutch_reader_the_dutch(client):
    vacancy = english(VacancyFactory())
    html = page(client, vacancy, "en").content.decode()
    assert "Communications adviser" in html and "Three years of experience." in html
    assert "<strong>our story</strong>" in html
    assert vacancy.title not in html
    html = page(client, vacancy, "nl").content.decode()
    assert vacancy.title in html and "Drie jaar ervaring." in html
    assert "Communications adviser" not in html


def test_without_english_texts_the_english_reader_gets_the_dutch_ones(client):
    vacancy = english(VacancyFactory(), title_en="", description_en="", requirements_en="")
    html = page(client, vacancy, "en").content.decode()
    assert vacancy.title in html and "Drie jaar ervaring." in html
    assert json_ld(page(client, vacancy, "en"))["title"] == vacancy.title


def test_each_text_falls_back_on_its_own(client):
    vacancy = english(VacancyFactory(), requirements_en="")
    html = page(client, vacancy, "en").content.decode()
    assert "Communications adviser" in html and "Drie jaar ervaring." in html


def test_the_job_posting_and_the_open_graph_title_follow_the_request_language(client):
    vacancy = english(VacancyFactory())
    response = page(client, vacancy, "en")
    data = json_ld(response)
    assert data["title"] == "Communications adviser"
    assert data["description"].startswith("<p>You make our story visible.</p>")
    assert (
        '<meta property="og:title" content="Communications adviser">' in response.content.decode()
    )
    assert json_ld(page(client, vacancy, "nl"))["title"] == vacancy.title


def test_the_feeds_are_in_the_request_language_and_cached_per_language(client):
    vacancy = english(VacancyFactory())
    other = VacancyFactory()  # no English texts: Dutch in both feeds
    client.cookies["django_language"] = "en"
    feed = json.loads(client.get(reverse("recruitment-public:feed-json")).content)
    assert feed["language"] == "en"
    assert {item["title"] for item in feed["items"]} == {"Communications adviser", other.title}
    rss = client.get(reverse("recruitment-public:feed-rss")).content.decode()
    assert "Communications adviser" in rss and "Open vacancies" in rss
    client.cookies["django_language"] = "nl"
    feed = json.loads(client.get(reverse("recruitment-public:feed-json")).content)
    assert feed["language"] == "nl"
    assert {item["title"] for item in feed["items"]} == {vacancy.title, other.title}
    rss = client.get(reverse("recruitment-public:feed-rss")).content.decode()
    assert vacancy.title in rss and "Open vacatures" in rss and "Communications" not in rss


def test_the_list_of_open_vacancies_uses_the_english_title(client):
    vacancy = english(VacancyFactory())
    client.cookies["django_language"] = "en"
    html = client.get(reverse("recruitment-public:list")).content.decode()
    assert "Communications adviser" in html and vacancy.title not in html


def test_the_confirmation_names_the_vacancy_in_the_candidates_language(client):
    vacancy = english(VacancyFactory())
    client.cookies["django_language"] = "en"
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("recruitment-public:apply", args=[vacancy.slug]), apply_data())
    assert "Communications adviser" in mail.outbox[0].subject


def test_hr_fills_in_the_english_twins_in_the_vacancy_form(client, hanna, communication):
    client.force_login(hanna)
    data = {
        "title": "Adviseur", "title_en": "Adviser", "department": communication.pk,
        "location": "Utrecht", "hours_per_week": 32, "employment_type": "FULL_TIME",
        "salary_min": "3000", "salary_max": "4000", "description": "Tekst",
        "description_en": "Text", "requirements_en": "Experience", "opens_on": "2026-03-01",
        "status": "open", "visibility": "public",
    }  # fmt: skip
    assert client.post(reverse("recruitment:hr-vacancy-new"), data).status_code == 302
    vacancy = Vacancy.objects.get()
    assert (vacancy.title_en, vacancy.description_en, vacancy.requirements_en) == (
        "Adviser", "Text", "Experience",
    )  # fmt: skip
    assert vacancy.slug == "adviseur"  # the address stays Dutch
