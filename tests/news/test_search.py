import pytest
from django.urls import reverse

from tests.news.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_it_finds_posts_on_the_news_page_and_in_the_global_search(client, emma):
    PostFactory(title="Nieuwe thuiswerkregeling", body="Over thuiswerken en vergoedingen.")
    PostFactory(title="Zonnepark geopend", body="Stroom voor duizenden huishoudens.")
    client.force_login(emma)
    page = client.get(reverse("news:index"), {"q": "thuiswerkregeling"}).content.decode()
    assert "Nieuwe thuiswerkregeling" in page and "Zonnepark geopend" not in page
    assert "Zonnepark geopend" in client.get("/search/", {"q": "zonnepark"}).content.decode()
