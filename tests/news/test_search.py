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


def test_it_finds_a_post_by_the_words_of_its_last_edit(client, emma):
    # On PostgreSQL the search reads a stored, indexed vector: saving a post refreshes it.
    post = PostFactory(title="Rooster", body="Over de dienstroosters.", why="Omdat het moet.")
    client.force_login(emma)
    assert (
        "Rooster"
        not in client.get(reverse("news:index"), {"q": "fietsvergoeding"}).content.decode()
    )
    post.body = "De fietsvergoeding gaat omhoog."
    post.save()
    page = client.get(reverse("news:index"), {"q": "fietsvergoeding"}).content.decode()
    assert "Rooster" in page
