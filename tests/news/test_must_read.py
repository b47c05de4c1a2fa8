import pytest
from django.urls import reverse

from news import services
from news.models import Post
from notifications.models import Notification
from tests.factories import UserFactory
from tests.news.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_a_reader_confirms_once_and_hr_sees_rates_only_for_five_or_more(client, emma, cas, hanna):
    post = PostFactory(kind=Post.Kind.POLICY, requires_confirmation=True)
    colleagues = [UserFactory(department=emma.department) for _ in range(5)]
    client.force_login(emma)
    client.post(reverse("news:post-confirm", args=[post.pk]))
    client.post(reverse("news:post-confirm", args=[post.pk]))
    assert post.confirmations.count() == 1
    groups = {g.label: g for g in services.confirmation_rates(post)}
    assert groups["Communicatie"].people == 7  # milan, emma and five colleagues
    assert colleagues
    client.force_login(hanna)
    page = client.get(reverse("news:confirmations", args=[post.pk])).content.decode()
    assert emma.full_name not in page


def test_it_reminds_only_who_has_not_confirmed(client, emma, milan, hanna):
    post = PostFactory(kind=Post.Kind.POLICY, requires_confirmation=True)
    services.confirmation_create(post=post, person=emma)
    client.force_login(hanna)
    client.post(reverse("news:confirmations-remind", args=[post.pk]))
    assert Notification.objects.filter(recipient=milan, category="news.must_read").exists()
    assert not Notification.objects.filter(recipient=emma, category="news.must_read").exists()


def test_the_home_page_lists_unread_must_reads(client, emma):
    post = PostFactory(kind=Post.Kind.POLICY, requires_confirmation=True, title="Lees dit beleid")
    client.force_login(emma)
    assert "Lees dit beleid" in client.get("/").content.decode()
    services.confirmation_create(post=post, person=emma)
    assert "Lees dit beleid" not in client.get("/").content.decode()


def test_the_weekly_digest_goes_through_the_outbox(emma):
    from news.services.digest import weekly_digest_send

    PostFactory(title="Populair bericht")
    assert weekly_digest_send() >= 1
    row = Notification.objects.get(recipient=emma, category="news.weekly")
    assert "Populair bericht" in row.body


def test_the_digest_lists_open_vacancies_when_recruitment_provides_them(emma, monkeypatch):
    import news.services.digest as digest

    PostFactory()
    monkeypatch.setattr(
        digest,
        "provided",
        lambda name: (
            (
                lambda user, since=None, limit=10: [
                    {
                        "title": "Recruiter",
                        "url": "/vacancies/1/",
                        "department": "HR",
                        "location": "Utrecht",
                    }
                ]
            )
            if name == "open_vacancies"
            else None
        ),
    )
    assert "Recruiter" in digest.digest_for(emma)


def test_the_weekly_digest_is_sent_once_a_week_even_when_the_task_runs_again(emma):
    from news.services.digest import weekly_digest_send

    PostFactory(title="Populair bericht")
    weekly_digest_send()
    weekly_digest_send()  # a retried or repeated run
    assert Notification.objects.filter(recipient=emma, category="news.weekly").count() == 1


def test_the_weekly_digest_lists_the_helpdesk_s_new_faq_entries(emma):
    from news.services.digest import weekly_digest_send
    from tests.helpdesk.factories import FaqEntryFactory

    FaqEntryFactory(title="Mag ik over een klant posten?")
    weekly_digest_send()
    row = Notification.objects.get(recipient=emma, category="news.weekly")
    assert "Mag ik over een klant posten?" in row.body
