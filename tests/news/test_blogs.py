import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from news.models import Post
from news.permissions import can_moderate_news
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _write_blog(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("news:post-create"),
        {
            "kind": "blog",
            "title": "Mijn week bij de klant",
            "body": "Ik deel mijn wachtwoord nooit.",
            "audience": "employees",
        },
    )
    assert response.status_code == 302
    return Post.objects.get()


def test_it_sends_an_employee_blog_to_moderation_and_keeps_it_from_others(client, emma, cas):
    blog = _write_blog(client, emma)
    assert blog.status == Post.Status.PENDING and blog.kind == Post.Kind.BLOG
    assert client.get(blog.get_absolute_url()).status_code == 200  # the author
    client.force_login(cas)
    assert client.get(blog.get_absolute_url()).status_code == 404


def test_it_lets_a_moderator_approve_and_notifies_the_author(client, emma, hanna):
    blog = _write_blog(client, emma)
    client.force_login(hanna)
    assert "Mijn week bij de klant" in client.get(reverse("news:moderation")).content.decode()
    client.post(reverse("news:blog-approve", args=[blog.pk]))
    blog.refresh_from_db()
    assert blog.is_live()
    assert Notification.objects.filter(recipient=emma, category="news.blog").exists()


def test_it_sends_back_with_a_reason_the_author_reads(client, emma, hanna):
    blog = _write_blog(client, emma)
    client.force_login(hanna)
    client.post(reverse("news:blog-send-back", args=[blog.pk]), {"reason": "Noem de klant niet."})
    blog.refresh_from_db()
    assert blog.status == Post.Status.SENT_BACK
    client.force_login(emma)
    assert "Noem de klant niet." in client.get(blog.get_absolute_url()).content.decode()


def test_it_refuses_a_send_back_without_reason(client, emma, hanna):
    blog = _write_blog(client, emma)
    client.force_login(hanna)
    client.post(reverse("news:blog-send-back", args=[blog.pk]), {"reason": ""})
    blog.refresh_from_db()
    assert blog.status == Post.Status.PENDING


def test_it_lets_the_communicatie_group_moderate(emma, cas):
    group, _ = Group.objects.get_or_create(name="Communicatie")
    assert not can_moderate_news(cas)
    cas.groups.add(group)
    cas.__dict__.pop("group_names", None)
    assert can_moderate_news(cas)


def test_it_gives_moderators_a_to_do(client, emma, hanna):
    _write_blog(client, emma)
    client.force_login(hanna)
    assert reverse("news:moderation") in client.get("/").content.decode()


def test_it_refuses_an_employee_writing_news(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("news:post-create"),
        {"kind": "news", "title": "Nep", "body": "x", "why": "y", "audience": "employees"},
    )
    assert response.status_code == 200 and not Post.objects.exists()
