from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.api import posts_for_alumni
from news.models import Post
from news.services.digest import digest_for
from tests.news.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_it_never_lists_a_future_or_expired_post_even_before_the_beat_task_runs(client, emma):
    now = timezone.now()
    PostFactory(title="Komt nog", publish_at=now + timedelta(hours=2))
    PostFactory(title="Verlopen", unpublish_at=now - timedelta(minutes=1))
    PostFactory(title="Nu te lezen")
    client.force_login(emma)
    page = client.get(reverse("news:index")).content.decode()
    assert "Nu te lezen" in page and "Komt nog" not in page and "Verlopen" not in page


def test_it_hides_a_department_post_from_other_departments_everywhere(client, emma, cas):
    post = PostFactory(title="Alleen Communicatie", audience=Post.Audience.DEPARTMENTS)
    post.departments.set([emma.department])
    client.force_login(cas)
    assert "Alleen Communicatie" not in client.get(reverse("news:index")).content.decode()
    assert client.get(post.get_absolute_url()).status_code == 404
    assert "Alleen Communicatie" not in client.get("/search/?q=Communicatie").content.decode()
    assert "Alleen Communicatie" not in client.get(reverse("news:feed")).content.decode()
    assert "Alleen Communicatie" not in digest_for(cas)
    client.force_login(emma)
    assert client.get(post.get_absolute_url()).status_code == 200
    assert "Alleen Communicatie" in digest_for(emma)


def test_it_gives_alumni_only_posts_meant_for_alumni(client, anouk):
    PostFactory(title="Voor iedereen")
    shared = PostFactory(title="Ook voor oud-collega's", audience=Post.Audience.WITH_ALUMNI)
    rows = posts_for_alumni(anouk)
    assert [r["title"] for r in rows] == ["Ook voor oud-collega's"]
    assert set(rows[0]) == {"title", "url", "published_at", "summary"}
    client.force_login(anouk)
    assert client.get(shared.get_absolute_url()).status_code == 200


def test_it_runs_the_same_queries_for_5_and_50_posts(client, emma):
    from tests.queries import count_queries

    PostFactory.create_batch(5)
    client.force_login(emma)
    few = count_queries(client, reverse("news:index"))
    PostFactory.create_batch(45)
    assert count_queries(client, reverse("news:index")) == few


def test_it_marks_posts_new_since_the_last_visit(client, emma):
    from news.models import Visit

    client.force_login(emma)
    client.get(reverse("news:index"))
    Visit.objects.filter(person=emma).update(last_at=timezone.now() - timedelta(days=2))
    PostFactory(title="Vers")
    assert (
        "new since your last visit"
        in client.get(reverse("news:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        or "nieuw sinds" in client.get(reverse("news:index")).content.decode()
    )


def test_reading_the_news_page_again_within_minutes_writes_nothing(emma):
    # The page is the busiest of news: a reload must not write a row each time (and one
    # person's tabs must not queue behind each other's lock on it).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from news.models import Visit
    from news.services import visit_record

    start = timezone.now()
    assert visit_record(person=emma, now=start) is None
    with CaptureQueriesContext(connection) as queries:
        assert visit_record(person=emma, now=start + timedelta(minutes=4)) is None
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    # Later in the same visit the moment moves on; after half an hour it is a new visit.
    visit_record(person=emma, now=start + timedelta(minutes=20))
    assert Visit.objects.get(person=emma).last_at == start + timedelta(minutes=20)
    assert visit_record(person=emma, now=start + timedelta(minutes=60)) == start + timedelta(
        minutes=20
    )


def test_it_gives_insights_the_understood_figures_per_post(emma, cas):
    from news import services
    from news.api import post_figures

    post = PostFactory(title="Waarom dit beleid")
    services.understanding_set(post=post, person=emma, understood=True)
    services.understanding_set(post=post, person=cas, understood=False)
    services.reading_record(post=post, person=emma)
    row = post_figures()[0]
    assert (row["readers"], row["understood"], row["not_understood"]) == (1, 1, 1)


def test_the_filter_lists_follow_new_tags_and_renamed_departments(client, emma):
    # They come from the cache (the same for everyone); changes forget them.
    from news.models import Tag

    post = PostFactory(title="Met een label")
    client.force_login(emma)
    assert "Duurzaamheid" not in client.get(reverse("news:index")).content.decode()
    post.tags.add(Tag.objects.create(name="Duurzaamheid"))
    emma.department.name = "Afdeling Nieuw"
    emma.department.save()
    page = client.get(reverse("news:index")).content.decode()
    assert "Duurzaamheid" in page and "Afdeling Nieuw" in page


def test_the_cards_show_each_post_escaped_with_its_badges_and_the_pages_go_on_without_a_total(
    client, emma
):
    from news.models import Reading

    now = timezone.now()
    pinned = PostFactory(title="<b>Vast</b> & zeker", is_pinned=True, summary="x" * 250)
    PostFactory(title="Bijgewerkt", materially_updated_at=now, publish_at=now - timedelta(days=1))
    read = PostFactory(title="Al gelezen", body="Kort", summary="")
    Reading.objects.create(post=read, person=emma)
    for n in range(18):  # 21 posts: one on the second page
        PostFactory(title=f"Ouder {n}", publish_at=now - timedelta(days=10, hours=n))
    client.force_login(emma)
    page = client.get(reverse("news:index")).content.decode()
    assert "<b>Vast</b>" not in page and "&lt;b&gt;Vast&lt;/b&gt; &amp; zeker" in page
    card = page[page.index(f'href="/news/{pinned.pk}/"') :].split("</li>")[0]
    assert "vastgezet" in card and "ongelezen" in card
    assert "x" * 199 + "…" in card and "x" * 200 not in card  # as |truncatechars:200
    read_card = page[page.index(f'href="/news/{read.pk}/"') :].split("</li>")[0]
    assert "ongelezen" not in read_card and "Kort" in read_card
    assert "bijgewerkt" in page.split("Bijgewerkt</a>")[1].split("</h2>")[0]
    assert "Pagina 1<" in page and "Volgende" in page  # "Pagina 1", not "Pagina 1 van 2"
    second = client.get(reverse("news:index") + "?page=2").content.decode()
    assert "Ouder 17" in second and "Ouder 0" not in second and "Vorige" in second
    assert "Volgende" not in second
    assert client.get(reverse("news:index") + "?page=x").status_code == 200
