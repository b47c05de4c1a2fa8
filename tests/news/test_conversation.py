from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Comment, Post, Reaction
from notifications.models import Notification
from tests.factories import UserFactory
from tests.news.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_it_toggles_a_reaction_with_htmx_and_returns_the_counts(client, emma):
    post = PostFactory()
    client.force_login(emma)
    url = reverse("news:post-react", args=[post.pk])
    response = client.post(url, {"kind": "like"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'data-count="like">1<' in response.content.decode()
    client.post(url, {"kind": "celebrate"}, HTTP_HX_REQUEST="true")
    assert Reaction.objects.get().kind == "celebrate"
    response = client.post(url, {"kind": "celebrate"}, HTTP_HX_REQUEST="true")
    assert not Reaction.objects.exists()
    assert 'data-count="celebrate">0<' in response.content.decode()


def test_it_refuses_an_unknown_reaction(client, emma):
    post = PostFactory()
    client.force_login(emma)
    client.post(reverse("news:post-react", args=[post.pk]), {"kind": "angry"})
    assert not Reaction.objects.exists()


def test_it_keeps_replies_one_level_deep(client, emma, cas):
    post = PostFactory()
    client.force_login(emma)
    client.post(reverse("news:comment-create", args=[post.pk]), {"body": "Eerste"})
    first = Comment.objects.get()
    client.post(
        reverse("news:comment-create", args=[post.pk]), {"body": "Antwoord", "parent": first.pk}
    )
    reply = Comment.objects.get(body="Antwoord")
    client.post(
        reverse("news:comment-create", args=[post.pk]), {"body": "Dieper", "parent": reply.pk}
    )
    assert Comment.objects.get(body="Dieper").parent == first


def test_it_refuses_a_comment_when_comments_are_closed(client, emma, hanna):
    post = PostFactory()
    client.force_login(hanna)
    client.post(reverse("news:post-close-comments", args=[post.pk]), {"closed": "yes"})
    client.force_login(emma)
    response = client.post(
        reverse("news:comment-create", args=[post.pk]), {"body": "Nog iets"}, follow=True
    )
    assert not Comment.objects.exists()
    assert "gesloten" in response.content.decode() or "closed" in response.content.decode()


def test_it_sanitises_script_in_comments(client, emma):
    post = PostFactory()
    client.force_login(emma)
    client.post(
        reverse("news:comment-create", args=[post.pk]), {"body": "<script>alert(1)</script>hoi"}
    )
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "hoi" in page


def test_it_notifies_a_mentioned_colleague_in_the_audience_only(client, emma, milan, cas):
    post = PostFactory(audience=Post.Audience.DEPARTMENTS)
    post.departments.set([emma.department])
    client.force_login(emma)
    client.post(
        reverse("news:comment-create", args=[post.pk]), {"body": "Wat vind jij @milan en @cas?"}
    )
    assert Notification.objects.filter(recipient=milan, category="news.mention").exists()
    assert not Notification.objects.filter(recipient=cas, category="news.mention").exists()


def test_it_suggests_colleagues_to_mention(client, emma, milan):
    post = PostFactory()
    client.force_login(emma)
    response = client.get(reverse("news:mention-suggestions", args=[post.pk]), {"body": "hoi @mil"})
    assert "@milan" in response.content.decode()


def test_it_allows_editing_for_15_minutes_only(client, emma):
    post = PostFactory()
    comment = Comment.objects.create(post=post, author=emma, body="Typfuot")
    client.force_login(emma)
    client.post(reverse("news:comment-edit", args=[comment.pk]), {"body": "Typfout"})
    comment.refresh_from_db()
    assert comment.body == "Typfout" and comment.edited_at
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    client.post(reverse("news:comment-edit", args=[comment.pk]), {"body": "Later"})
    comment.refresh_from_db()
    assert comment.body == "Typfout"


def test_it_lets_hr_hide_a_comment_with_a_reason_the_author_sees(client, emma, cas, hanna):
    post = PostFactory()
    comment = Comment.objects.create(post=post, author=emma, body="Onaardig")
    client.force_login(cas)
    client.post(reverse("news:comment-report", args=[comment.pk]), {"reason": "Kwetsend"})
    assert comment.reports.count() == 1
    client.force_login(hanna)
    client.post(reverse("news:comment-hide", args=[comment.pk]), {"reason": "Niet respectvol"})
    client.force_login(emma)
    assert "Niet respectvol" in client.get(post.get_absolute_url()).content.decode()
    client.force_login(cas)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Niet respectvol" not in page and "Onaardig" not in page


def test_the_communicatie_group_hides_a_comment_on_the_post_as_on_the_reports_page(
    client, emma, cas
):
    # One rule for hiding, wherever the button is: moderators (HR and "Communicatie").
    from django.contrib.auth.models import Group

    post = PostFactory()
    comment = Comment.objects.create(post=post, author=emma, body="Onaardig")
    moderator = UserFactory(department=emma.department)
    moderator.groups.add(Group.objects.get_or_create(name="Communicatie")[0])
    client.force_login(moderator)
    hide = reverse("news:comment-hide", args=[comment.pk])
    assert hide in client.get(post.get_absolute_url()).content.decode()
    assert client.post(hide, {"reason": "Niet respectvol"}).status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_by == moderator
    # An employee sees no button and may not post to it.
    other = Comment.objects.create(post=post, author=emma, body="Nog een")
    client.force_login(cas)
    assert (
        reverse("news:comment-hide", args=[other.pk])
        not in client.get(post.get_absolute_url()).content.decode()
    )
    assert (
        client.post(reverse("news:comment-hide", args=[other.pk]), {"reason": "x"}).status_code
        == 403
    )


def test_a_busy_post_runs_the_same_queries_for_5_and_50_comments(client, emma):
    from tests.queries import count_queries

    post = PostFactory()
    people = [UserFactory() for _ in range(5)]

    def add(n):
        for i in range(n):
            parent = Comment.objects.create(post=post, author=people[i % 5], body=f"Reactie {i}")
            Comment.objects.create(
                post=post, author=people[(i + 1) % 5], body="Eens", parent=parent
            )

    for person in people:
        Reaction.objects.create(post=post, person=person, kind="like")
    add(5)
    client.force_login(emma)
    few = count_queries(client, post.get_absolute_url())
    add(45)
    assert count_queries(client, post.get_absolute_url()) == few


def test_a_busy_conversation_shows_25_threads_a_page_and_links_land_on_the_right_one(
    client, emma, cas
):
    from news.models import COMMENT_THREADS_PER_PAGE

    post = PostFactory()
    threads = [
        Comment.objects.create(post=post, author=cas, body=f"Draad {n:02d}")
        for n in range(COMMENT_THREADS_PER_PAGE + 2)
    ]
    client.force_login(emma)
    first = client.get(post.get_absolute_url()).content.decode()
    assert "Draad 00" in first and "Draad 24" in first and "Draad 25" not in first
    assert "?comments=2" in first
    second = client.get(post.get_absolute_url(), {"comments": 2}).content.decode()
    assert "Draad 25" in second and "Draad 26" in second and "Draad 00" not in second
    # A reply to a thread on the second page leads back to that page, at the reply.
    response = client.post(
        reverse("news:comment-create", args=[post.pk]),
        {"body": "Eens", "parent": threads[-1].pk},
    )
    reply = Comment.objects.get(body="Eens")
    assert response["Location"] == f"{post.get_absolute_url()}?comments=2#comment-{reply.pk}"
    # Links that must stay right as the conversation grows go through the comment's address.
    goto = client.get(reverse("news:comment-goto", args=[threads[0].pk]))
    assert goto["Location"] == f"{post.get_absolute_url()}#comment-{threads[0].pk}"
    # A page number that does not exist shows the last page, not an error.
    assert client.get(post.get_absolute_url(), {"comments": "zz"}).status_code == 200


def test_the_post_page_shows_each_comment_with_what_its_reader_may_do(client, emma, cas, hanna):
    """The threads are built in Python (news.templatetags.news.comment_threads): the author
    edits, a colleague reports and replies, HR hides; a hidden comment's reason is the
    author's alone; bodies are sanitised Markdown."""
    post = PostFactory()
    own = Comment.objects.create(post=post, author=emma, body="**Mijn** <script>x()</script>")
    other = Comment.objects.create(post=post, author=cas, body="Van Cas", edited_at=timezone.now())
    reply = Comment.objects.create(post=post, author=cas, body="Een antwoord", parent=own)
    hidden = Comment.objects.create(
        post=post, author=emma, body="Weg ermee", hidden_reason="Off-topic <b>x</b>",
        hidden_at=timezone.now(), hidden_by=hanna,
    )  # fmt: skip

    def page_of(person):
        client.force_login(person)
        html = client.get(post.get_absolute_url()).content.decode()
        return html, lambda c: html.split(f'id="comment-{c.pk}"')[1].split("</article>")[0]

    html, article = page_of(emma)
    assert "<strong>Mijn</strong>" in article(own) and "<script>" not in html
    assert reverse("news:comment-edit", args=[own.pk]) in article(own)
    assert "Melden" not in article(own) and "Melden" in article(other)
    assert "aangepast" in article(other) and "Een antwoord" in article(reply)
    assert "Verbergen" not in html  # not a moderator
    assert "HR heeft deze reactie verborgen." in article(hidden) and "Weg ermee" not in html
    assert "Reden: Off-topic &lt;b&gt;x&lt;/b&gt;" in article(hidden)
    assert f'id="reply-{own.pk}"' in html and f'id="reply-{hidden.pk}"' not in html
    assert html.count('name="csrfmiddlewaretoken"') >= 3

    html, article = page_of(cas)
    assert "Reden:" not in article(hidden) and "Off-topic" not in html
    assert reverse("news:comment-edit", args=[other.pk]) in article(other)

    html, article = page_of(hanna)
    assert reverse("news:comment-hide", args=[own.pk]) in article(own)
    assert f'for="hide-{own.pk}"' in article(own)
