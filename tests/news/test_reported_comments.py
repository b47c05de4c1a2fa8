"""The moderators' page of reported comments: hide (with a reason) or dismiss the reports."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from hrsocial.models import AuditEntry
from news.models import Comment, CommentReport
from tests.factories import UserFactory
from tests.news.factories import PostFactory

pytestmark = pytest.mark.django_db


def _reported(post, author, reporters, body="Onzin", reason="Kwetsend"):
    comment = Comment.objects.create(post=post, author=author, body=body)
    for i, reporter in enumerate(reporters):
        CommentReport.objects.create(comment=comment, reporter=reporter, reason=f"{reason} {i}")
    return comment


def test_it_lists_open_reports_with_post_count_and_reasons(client, emma, cas, milan, hanna):
    post = PostFactory(title="Nieuw rooster")
    comment = _reported(post, emma, [cas, milan], body="Wat een **flauwekul**")
    dealt = _reported(post, emma, [cas], body="Al verborgen")
    dealt.hidden_at = dealt.created_at
    dealt.save()
    Comment.objects.create(post=post, author=emma, body="Niemand meldde dit")
    client.force_login(hanna)
    page = client.get(reverse("news:reported-comments")).content.decode()
    assert "Nieuw rooster" in page and "flauwekul" in page
    assert "2 meldingen" in page and "Kwetsend 0" in page and "Kwetsend 1" in page
    assert "Al verborgen" not in page and "Niemand meldde dit" not in page
    assert reverse("news:reported-comment-hide", args=[comment.pk]) in page
    # The home page's "To do" names it next to the blogs to moderate.
    assert "1 gemelde reactie te bekijken" in client.get("/").content.decode()


def test_hiding_uses_the_hide_service_and_is_audited(client, emma, cas, hanna):
    comment = _reported(PostFactory(), emma, [cas])
    client.force_login(hanna)
    url = reverse("news:reported-comment-hide", args=[comment.pk])
    assert client.post(url, {"reason": ""}).status_code == 302
    comment.refresh_from_db()
    assert not comment.is_hidden  # no reason: nothing saved
    client.post(url, {"reason": "Niet respectvol"})
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Niet respectvol"
    assert comment.hidden_by == hanna
    assert AuditEntry.objects.filter(action="news.comment_hide", actor=hanna).exists()
    assert "Niet respectvol" not in client.get(reverse("news:reported-comments")).content.decode()
    # Dealt with: a second click answers 404, not a second hide.
    assert client.post(url, {"reason": "Nog eens"}).status_code == 404


def test_dismissing_keeps_the_comment_and_closes_its_reports(client, emma, cas, milan, hanna):
    comment = _reported(PostFactory(), emma, [cas, milan], body="Mag blijven")
    client.force_login(hanna)
    client.post(reverse("news:reported-comment-dismiss", args=[comment.pk]))
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert not CommentReport.objects.filter(dismissed_at__isnull=True).exists()
    assert CommentReport.objects.filter(dismissed_by=hanna).count() == 2
    entry = AuditEntry.objects.get(action="news.comment_reports_dismiss")
    assert entry.actor == hanna and entry.detail["reports"] == 2
    assert "Mag blijven" not in client.get(reverse("news:reported-comments")).content.decode()
    assert (
        client.post(reverse("news:reported-comment-dismiss", args=[comment.pk])).status_code == 404
    )


def test_the_communicatie_group_moderates_comments_too(client, emma, cas):
    comment = _reported(PostFactory(), emma, [cas], body="Twijfelachtig")
    group, _ = Group.objects.get_or_create(name="Communicatie")
    moderator = UserFactory(department=emma.department)
    moderator.groups.add(group)
    client.force_login(moderator)
    assert "Twijfelachtig" in client.get(reverse("news:reported-comments")).content.decode()
    client.post(reverse("news:reported-comment-dismiss", args=[comment.pk]))
    assert not CommentReport.objects.filter(dismissed_at__isnull=True).exists()
    client.force_login(cas)
    assert client.get(reverse("news:reported-comments")).status_code == 403


@pytest.mark.parametrize("rows", [5, 50])
def test_the_page_has_a_fixed_number_of_queries(
    client, emma, hanna, rows, django_assert_max_num_queries
):
    post = PostFactory()
    reporters = [UserFactory(department=emma.department) for _ in range(3)]
    for i in range(rows):
        _reported(post, emma, reporters, body=f"Reactie {i}")
    client.force_login(hanna)
    client.get(reverse("news:reported-comments"))  # warm caches (menus, settings)
    with django_assert_max_num_queries(14) as captured:
        response = client.get(reverse("news:reported-comments"))
    assert response.status_code == 200
    assert f"Reactie {rows - 1}" in response.content.decode()
    pytest.reported_queries = getattr(pytest, "reported_queries", {})
    pytest.reported_queries[rows] = len(captured)
    if len(pytest.reported_queries) == 2:
        assert pytest.reported_queries[5] == pytest.reported_queries[50]
