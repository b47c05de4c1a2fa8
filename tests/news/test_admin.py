"""The news admin: read-mostly, and nothing in it puts answers and people together."""

import pytest
from django.contrib import admin
from django.urls import reverse

from news.models import AnonymousAnswer, FeedToken, NamedAnswer, Participation, Post
from tests.factories import UserFactory
from tests.news.factories import PostFactory, consultation_on

pytestmark = pytest.mark.django_db


def test_answers_participations_and_feed_tokens_have_no_admin():
    for model in (AnonymousAnswer, NamedAnswer, Participation, FeedToken):
        assert model not in admin.site._registry
    # No inline anywhere shows them either.
    for model_admin in admin.site._registry.values():
        for inline in getattr(model_admin, "inlines", []):
            assert inline.model not in (AnonymousAnswer, NamedAnswer, Participation)


def test_the_pages_open_and_posts_cannot_be_changed_there(client):
    post = PostFactory(kind=Post.Kind.POLICY)
    consultation = consultation_on(post, anonymous=True)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name in ("post", "comment", "commentreport", "consultation", "tag"):
        assert client.get(reverse(f"admin:news_{name}_changelist")).status_code == 200
    page = client.get(reverse("admin:news_consultation_change", args=[consultation.pk]))
    assert page.status_code == 200
    assert client.get(reverse("admin:news_post_add")).status_code == 403
    assert not admin.site._registry[Post].has_change_permission(None, post)
