"""News: the news page, a busy post (500 comments, 2,000 reactions) and the reaction toggle.

Seeds 300 live posts for everyone and one busy post: 250 comments with one reply each and
2,000 reactions from as many people (created here when the demo has fewer). The reaction
toggle is a POST with CSRF, so `measure` times it in-process (median and p95 of 200
toggles) rather than through wrk.

    BENCH_REDIS=redis://127.0.0.1:6379/2 .venv/bin/python bench/run.py --only news \
        --database hrsocial_bench_news --port 8774 --no-fanout --duration 5
"""

import statistics
import time

from bench.common import Page

BUSY_TITLE = "Bench: de drukste post"
POSTS = 300
COMMENTS = 250  # each with one reply: 500 comments
REACTIONS = 2_000


def seed(ctx):
    from django.db import transaction
    from django.utils import timezone

    from news.models import Comment, Post, Reaction
    from people.models import User

    if Post.objects.filter(title=BUSY_TITLE).exists():
        return
    hr = User.objects.get(email="hr@example.com")
    now = timezone.now()
    with transaction.atomic():
        Post.objects.bulk_create(
            Post(
                title=f"Bench-bericht {n}",
                kind=Post.Kind.NEWS,
                body="Tekst " * 80,
                why="Omdat het kan.",
                author=hr,
                status=Post.Status.PUBLISHED,
                publish_at=now - timezone.timedelta(hours=n + 1),
            )
            for n in range(POSTS)
        )
        Post.objects.filter(title__startswith="Bench-bericht").refresh_search_vectors()
        busy = Post.objects.create(
            title=BUSY_TITLE,
            kind=Post.Kind.NEWS,
            body="Tekst",
            why="Druk",
            author=hr,
            status=Post.Status.PUBLISHED,
            publish_at=now - timezone.timedelta(minutes=5),
        )
        people = list(User.objects.filter(kind=User.Kind.EMPLOYEE)[:REACTIONS])
        missing = REACTIONS - len(people)
        if missing > 0:
            User.objects.bulk_create(
                User(
                    email=f"bench-news-{n}@example.com",
                    full_name=f"Lezer {n}",
                    kind=User.Kind.EMPLOYEE,
                )
                for n in range(missing)
            )
            people = list(User.objects.filter(kind=User.Kind.EMPLOYEE)[:REACTIONS])
        Reaction.objects.bulk_create(
            Reaction(post=busy, person=p, kind=Reaction.Kind.values[n % 3])
            for n, p in enumerate(people)
            if p.email != "employee@example.com"
        )
        parents = Comment.objects.bulk_create(
            Comment(post=busy, author=people[n % len(people)], body=f"Reactie {n} met **vet**")
            for n in range(COMMENTS)
        )
        Comment.objects.bulk_create(
            Comment(post=busy, author=people[(n + 1) % len(people)], body="Eens!", parent=parent)
            for n, parent in enumerate(parents)
        )
    ctx.log(f"news: {POSTS} posts, a busy post with {2 * COMMENTS} comments and reactions")


def _busy_pk():
    from news.models import Post

    return Post.objects.get(title=BUSY_TITLE).pk


def pages(ctx):
    pk = _busy_pk()
    return [
        Page("news page", "/news/"),
        Page("news page, search", "/news/?q=tekst"),
        Page("busy post (500 comments, 2,000 reactions)", f"/news/{pk}/"),
    ]


def measure(ctx) -> list[str]:
    from django.test import Client

    from people.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email="employee@example.com"))
    url = f"/news/{_busy_pk()}/react/"
    samples = []
    for _n in range(200):
        start = time.perf_counter()
        client.post(url, {"kind": "like"}, HTTP_HX_REQUEST="true")
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[int(0.95 * (len(samples) - 1))]
    return [
        f"news reaction toggle (htmx, in-process): median "
        f"{statistics.median(samples):.2f} ms, p95 {p95:.2f} ms"
    ]
