"""Who gets what from every news URL.

Posts answer 404 to whoever is not in their audience (a department's post for another
department, a scheduled or expired post for everyone but the moderators), so ids cannot be
probed. Alumni read the posts meant for alumni and nothing else of news; freelancers nothing.
"""

from datetime import timedelta

from tests.access import Route, employees, everyone, hr_only


def setup(world):
    from django.utils import timezone

    from news.models import Comment, FeedToken, Post
    from tests.news.factories import PostFactory, consultation_on

    world.news_post = PostFactory(
        kind=Post.Kind.POLICY, requires_confirmation=True, author=world.hr
    )
    consultation_on(world.news_post, anonymous=True)
    world.news_alumni = PostFactory(audience=Post.Audience.WITH_ALUMNI)
    world.news_department = PostFactory(audience=Post.Audience.DEPARTMENTS)
    world.news_department.departments.set([world.employee.department])
    world.news_future = PostFactory(publish_at=timezone.now() + timedelta(days=3))
    world.news_blog = PostFactory(
        kind=Post.Kind.BLOG, status=Post.Status.PENDING, author=world.employee, why=""
    )
    from news.models import CommentReport

    world.news_reported = Comment.objects.create(
        post=world.news_post, author=world.manager, body="Dit is gemeen"
    )
    CommentReport.objects.create(comment=world.news_reported, reporter=world.employee, reason="x")
    world.news_feed = FeedToken.objects.create(person=world.employee)
    world.news_comment = Comment.objects.create(
        post=world.news_post, author=world.employee, body="Goed idee"
    )


def pk(name):
    return lambda w: {"pk": getattr(w, name).pk}


def comment(w):
    return {"pk": w.news_comment.pk}


readers = employees(200)
posts_for_staff = {**employees(200), "alumnus": 404}
in_department = {**employees(404), "employee": 200, "manager": 200, "hr": 200, "alumnus": 404}
moderators = {**employees(404), "hr": 200, "alumnus": 404}

ROUTES = [
    Route("news:index", readers),
    Route("news:index", readers, query="?kind=policy&tag=x&department=1&q=rooster"),
    Route("news:index", readers, query="?kind=bogus&department=99999999999999999999"),
    Route("news:feed", readers),
    # The personal feed: no sign-in, the secret address is the key.
    Route("news:personal-feed", everyone(200), kwargs=lambda w: {"token": w.news_feed.token}),
    Route("news:personal-feed", everyone(404), kwargs=lambda w: {"token": "not-a-token"}),
    Route("news:feed-renew", employees(302), method="post"),
    Route("news:feed-revoke", employees(302), method="post"),
    Route("news:post-create", readers),
    Route("news:post-create", readers, method="post", data={"title": ""}),
    Route("news:my-blogs", readers),
    Route("news:manage", hr_only(200)),
    Route("news:moderation", hr_only(200)),
    Route("news:reported-comments", hr_only(200)),
    Route(
        "news:reported-comment-hide",
        hr_only(302),
        method="post",
        kwargs=pk("news_reported"),
        data={"reason": "Niet respectvol"},
    ),
    Route("news:reported-comment-dismiss", hr_only(302), method="post", kwargs=pk("news_reported")),
    Route("news:post-detail", posts_for_staff, kwargs=pk("news_post")),
    Route("news:post-detail", {**employees(200), "alumnus": 200}, kwargs=pk("news_alumni")),
    Route("news:post-detail", in_department, kwargs=pk("news_department")),
    Route("news:post-detail", moderators, kwargs=pk("news_future")),
    # A blog waiting for moderation: its author and the moderators.
    Route("news:post-detail", {**moderators, "employee": 200}, kwargs=pk("news_blog")),
    Route("news:post-edit", {**employees(404), "hr": 200}, kwargs=pk("news_post")),
    Route(
        "news:post-edit", {**moderators, "employee": 200, "alumnus": 403}, kwargs=pk("news_blog")
    ),
    Route("news:post-revisions", readers, kwargs=pk("news_post")),
    Route(
        "news:post-understand",
        employees(302),
        method="post",
        kwargs=pk("news_post"),
        data={"understood": "yes"},
    ),
    Route(
        "news:post-understand",
        {**employees(404), "employee": 302, "manager": 302, "hr": 302},
        method="post",
        kwargs=pk("news_department"),
        data={"understood": "yes"},
    ),
    Route("news:post-confirm", employees(302), method="post", kwargs=pk("news_post")),
    Route(
        "news:post-react",
        employees(302),
        method="post",
        kwargs=pk("news_post"),
        data={"kind": "like"},
    ),
    Route(
        "news:post-react",
        employees(200),
        method="post",
        kwargs=pk("news_post"),
        data={"kind": "insightful"},
        headers={"HX-Request": "true"},
    ),
    Route(
        "news:comment-create",
        employees(302),
        method="post",
        kwargs=pk("news_post"),
        data={"body": "Eens!"},
    ),
    Route("news:mention-suggestions", employees(200), kwargs=pk("news_post"), query="?body=@em"),
    Route(
        "news:post-close-comments",
        hr_only(302),
        method="post",
        kwargs=pk("news_alumni"),
        data={"closed": "no"},
    ),
    Route("news:blog-approve", hr_only(302), method="post", kwargs=pk("news_blog")),
    Route(
        "news:blog-send-back",
        hr_only(302),
        method="post",
        kwargs=pk("news_blog"),
        data={"reason": "Iets korter graag"},
    ),
    Route("news:confirmations", hr_only(200), kwargs=pk("news_post")),
    Route("news:confirmations-remind", hr_only(302), method="post", kwargs=pk("news_post")),
    Route("news:consultation-edit", hr_only(200), kwargs=pk("news_post")),
    Route(
        "news:consultation-answer", employees(302), method="post", kwargs=pk("news_post"), data={}
    ),
    Route("news:consultation-export", hr_only(200), kwargs=pk("news_post")),
    Route("news:consultation-report", hr_only(200), kwargs=pk("news_post")),
    Route("news:consultation-respond", hr_only(200), kwargs=pk("news_post")),
    Route("news:comment-edit", {**employees(302), "employee": 200}, kwargs=comment),
    Route(
        "news:comment-report",
        employees(302),
        method="post",
        kwargs=comment,
        data={"reason": "Kwetsend"},
    ),
    Route("news:comment-goto", {**employees(302), "alumnus": 404}, kwargs=comment),
    Route(
        "news:comment-hide",
        hr_only(302),
        method="post",
        kwargs=comment,
        data={"reason": "Niet respectvol"},
    ),
]
