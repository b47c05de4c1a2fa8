"""The alumni page gathers what the network offers: its gigs, the news meant for alumni and the
open public vacancies, each section only where its app is installed."""

import pytest
from django.urls import reverse

from news.models import Post
from tests.news.factories import PostFactory
from tests.recruitment.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def test_an_alumna_sees_news_for_alumni_and_open_vacancies_but_not_staff_news(client, anouk):
    PostFactory(title="Reünie in het voorjaar", audience=Post.Audience.WITH_ALUMNI)
    PostFactory(title="Nieuw rooster voor de servicedesk")  # for employees only
    VacancyFactory(title="Webredacteur")
    client.force_login(anouk)
    html = client.get(reverse("alumni:index")).content.decode()
    assert "Reünie in het voorjaar" in html and "Webredacteur" in html
    assert "Nieuw rooster voor de servicedesk" not in html


def test_without_news_and_recruitment_the_page_leaves_their_sections_out(
    client, anouk, monkeypatch
):
    monkeypatch.setattr("alumni.overview.provided", lambda name: None)
    client.force_login(anouk)
    html = client.get(reverse("alumni:index")).content.decode()
    assert "Open gigs" in html or "Open klussen" in html
    assert "network-news" not in html and "network-vacancies" not in html
