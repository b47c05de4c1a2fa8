"""The demo news: every kind, an open and a closed consultation with results; idempotent."""

import io

import pytest

from hrsocial.demo import DemoContext
from news import demo as news_demo
from news import services
from news.models import Consultation, Post
from people import demo as people_demo

pytestmark = pytest.mark.django_db


def seed():
    ctx = DemoContext(stdout=io.StringIO())
    people_demo.seed(ctx)
    news_demo.seed(ctx)


def test_it_seeds_every_kind_and_both_consultations_and_twice_changes_nothing():
    seed()
    assert set(Post.objects.values_list("kind", flat=True)) == set(Post.Kind.values)
    assert Post.objects.filter(status=Post.Status.PENDING, kind=Post.Kind.BLOG).exists()
    closed = Consultation.objects.get(is_anonymous=True)
    assert closed.is_closed() and services.consultation_results(closed).enough
    assert Consultation.objects.get(is_anonymous=False).is_open()
    count = Post.objects.count()
    seed()
    assert Post.objects.count() == count
