from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news import services
from news.models import Confirmation, Post
from notifications.models import Notification
from tests.news.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_a_news_post_without_why(hanna):
    post = Post(kind=Post.Kind.NEWS, title="Nieuw", body="Tekst", author=hanna)
    with pytest.raises(ValidationError) as error:
        services.post_save(post=post, saved_by=hanna, publish=True)
    assert "why" in error.value.error_dict
    assert not Post.objects.exists()


def test_it_refuses_a_scheduled_time_in_the_past(hanna):
    post = Post(
        kind=Post.Kind.NEWS,
        title="Nieuw",
        body="Tekst",
        why="Daarom",
        author=hanna,
        publish_at=timezone.now() - timedelta(days=1),
    )
    with pytest.raises(ValidationError):
        services.post_save(post=post, saved_by=hanna, publish=True)
    assert not Post.objects.exists()


def test_it_keeps_a_revision_and_asks_confirmation_again_after_a_material_policy_edit(
    client, hanna, emma
):
    post = PostFactory(kind=Post.Kind.POLICY, requires_confirmation=True, author=hanna)
    services.confirmation_create(post=post, person=emma)
    post.body = "Nieuwe regels voor thuiswerken."
    services.post_save(post=post, saved_by=hanna, material=True, note="Twee thuiswerkdagen")
    post.refresh_from_db()
    assert post.version == 2 and post.revisions.get().is_material
    assert not Confirmation.objects.filter(post=post, person=emma, version=2).exists()
    client.force_login(emma)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Twee thuiswerkdagen" in page
    services.posts_publish_scheduled()
    assert Notification.objects.filter(recipient=emma, category="news.must_read").exists()


def test_it_announces_a_scheduled_must_read_once_when_it_goes_live(hanna, emma):
    PostFactory(
        kind=Post.Kind.POLICY,
        requires_confirmation=True,
        publish_at=timezone.now() + timedelta(hours=1),
    )
    assert services.posts_publish_scheduled() == 0
    later = timezone.now() + timedelta(hours=2)
    assert services.posts_publish_scheduled(now=later) == 1
    assert services.posts_publish_scheduled(now=later) == 0
    assert Notification.objects.filter(recipient=emma, category="news.must_read").count() == 1


def test_it_records_understanding_and_shows_hr_the_figure(client, emma, hanna):
    post = PostFactory()
    client.force_login(emma)
    client.post(reverse("news:post-understand", args=[post.pk]), {"understood": "yes"})
    client.post(reverse("news:post-understand", args=[post.pk]), {"understood": "no"})
    assert post.understandings.get().understood is False
    assert services.understanding_figures(post) == {"yes": 0, "no": 1}


def test_it_links_ask_hr_to_the_post_through_the_helpdesk_form(client, emma):
    post = PostFactory(title="Thuiswerken")
    client.force_login(emma)
    page = client.get(post.get_absolute_url()).content.decode()
    assert f"about={post.get_absolute_url()}" in page
    form = client.get(
        reverse("helpdesk:question-create"),
        {"subject": "Thuiswerken", "about": post.get_absolute_url()},
    )
    assert form.context["form"].initial["body"].strip().endswith(post.get_absolute_url())


def test_it_ignores_an_about_link_to_another_site(client, emma):
    client.force_login(emma)
    form = client.get(
        reverse("helpdesk:question-create"), {"subject": "x", "about": "//evil.example"}
    )
    assert "body" not in form.context["form"].initial


def _png(size=(3000, 1500)):
    out = BytesIO()
    Image.new("RGB", size, "red").save(out, format="PNG")
    return SimpleUploadedFile("foto.png", out.getvalue(), content_type="image/png")


def _form(**extra):
    return {
        "kind": "news",
        "title": "Met foto",
        "body": "Tekst",
        "why": "Daarom",
        "audience": "employees",
        "image_alt": "Een rood vlak",
        "publish": "on",
        **extra,
    }


def test_it_resizes_an_uploaded_image(client, hanna, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(hanna)
    response = client.post(reverse("news:post-create"), {**_form(), "image": _png()})
    assert response.status_code == 302, response.context["form"].errors
    post = Post.objects.get()
    with Image.open(post.image.path) as image:
        assert max(image.size) == 1600


def test_it_refuses_a_file_that_is_not_an_image(client, hanna, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(hanna)
    fake = SimpleUploadedFile("foto.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client.post(reverse("news:post-create"), {**_form(), "image": fake})
    assert response.status_code == 200
    assert "image" in response.context["form"].errors
    assert not Post.objects.exists()


def test_it_sanitises_script_in_the_body(client, emma):
    post = PostFactory(body="Hallo <script>alert('x')</script> **vet**")
    client.force_login(emma)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "<strong>vet</strong>" in page


def test_it_shows_the_share_link_only_when_sharing_provides_a_kit(client, emma, monkeypatch):
    post = PostFactory()
    client.force_login(emma)
    assert "/sharing/kit/" not in client.get(post.get_absolute_url()).content.decode()
    import news.views.reading as reading

    monkeypatch.setattr(
        reading,
        "provided",
        lambda name: (lambda obj: f"/sharing/kit/{obj.pk}/") if name == "share_kit_url" else None,
    )
    assert f"/sharing/kit/{post.pk}/" in client.get(post.get_absolute_url()).content.decode()


def test_it_describes_a_post_for_a_share_kit():
    from news.sharing import describe_post

    post = PostFactory(audience=Post.Audience.WITH_ALUMNI)
    content = describe_post(post)
    assert content.title == post.title and content.audience == "everyone" and content.available


def test_the_queryset_filters_the_news_page_and_ignores_bad_values(emma, cas):
    from news.models import Post, Tag

    policy = PostFactory(kind=Post.Kind.POLICY, author=emma, why="Omdat het moet")
    policy.tags.add(Tag.objects.create(name="rooster"))
    PostFactory(kind=Post.Kind.NEWS, author=cas)
    live = Post.objects.live()
    assert list(live.filtered(kind="policy")) == [policy]
    assert list(live.filtered(department=str(emma.department_id))) == [policy]
    assert list(live.filtered(tag="rooster")) == [policy]
    assert live.filtered(kind="bogus", department="9" * 30, tag="\x00").count() == 2
