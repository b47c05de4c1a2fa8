"""The personal Atom feed behind a secret address: for feed readers, which have no session."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from hrsocial.models import AuditEntry
from news import services
from news.models import FeedToken, Post
from tests.news.factories import PostFactory

pytestmark = pytest.mark.django_db


def _department_post(department, title):
    post = PostFactory(title=title, audience=Post.Audience.DEPARTMENTS)
    post.departments.set([department])
    return post


def test_it_shows_my_department_posts_and_never_another_departments(emma, cas):
    _department_post(emma.department, "Alleen Communicatie")
    _department_post(cas.department, "Alleen ICT")
    PostFactory(title="Voor iedereen")
    feed = services.feed_token_renew(person=cas)
    client = Client()  # no session at all: a feed reader
    response = client.get(feed.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Voor iedereen" in body and "Alleen ICT" in body
    assert "Alleen Communicatie" not in body
    # Sessionless: the response sets no session or CSRF cookie, and asks for none.
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_it_ignores_the_session_of_a_signed_in_visitor(client, emma, cas):
    """The address decides whose feed it is, never the browser's session."""
    _department_post(emma.department, "Alleen Communicatie")
    feed = services.feed_token_renew(person=cas)
    client.force_login(emma)
    assert "Alleen Communicatie" not in client.get(feed.get_absolute_url()).content.decode()


@pytest.mark.parametrize("token", ["not-a-token", "x" * 65, "x" * 5000, "%00"])
def test_a_bad_token_gives_404(token):
    response = Client().get(reverse("news:personal-feed", kwargs={"token": token}))
    assert response.status_code == 404


def test_a_replaced_or_removed_token_gives_404(client, emma):
    old = services.feed_token_renew(person=emma).get_absolute_url()
    new = services.feed_token_renew(person=emma).get_absolute_url()
    assert old != new
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    assert services.feed_token_revoke(person=emma)
    assert Client().get(new).status_code == 404
    assert not FeedToken.objects.exists()
    assert set(
        AuditEntry.objects.filter(action__startswith="news.feed_").values_list("action", flat=True)
    ) == {"news.feed_renew", "news.feed_revoke"}


def test_a_deactivated_person_feed_gives_404(emma):
    feed = services.feed_token_renew(person=emma)
    emma.is_active = False
    emma.save(update_fields=["is_active"])
    assert Client().get(feed.get_absolute_url()).status_code == 404


def test_the_owner_makes_replaces_and_removes_the_address_on_the_news_page(client, emma):
    client.force_login(emma)
    assert client.post(reverse("news:feed-renew")).status_code == 302
    token = FeedToken.objects.get(person=emma).token
    assert token in client.get(reverse("news:index")).content.decode()
    client.post(reverse("news:feed-renew"))
    assert FeedToken.objects.get(person=emma).token != token
    client.post(reverse("news:feed-revoke"))
    assert not FeedToken.objects.filter(person=emma).exists()
