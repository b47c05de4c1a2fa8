"""What other apps may use of news; nothing else of it is public."""

from django.db.models import Count, Q

from news.models import Post

__all__ = ["daily_figures", "post_figures", "posts_for_alumni"]


def posts_for_alumni(user, *, since=None, limit=5) -> list[dict]:
    """Live posts meant for employees and alumni, newest first (the alumni app's news):
    dicts with title, url, published_at and summary. Never a department's own post."""
    posts = Post.objects.live().filter(audience=Post.Audience.WITH_ALUMNI)
    if since is not None:
        posts = posts.filter(publish_at__gte=since)
    return [
        {
            "title": p.title,
            "url": p.get_absolute_url(),
            "published_at": p.publish_at,
            "summary": p.display_summary,
        }
        for p in posts.order_by("-publish_at", "-pk")[:limit]
    ]


def post_figures(*, since=None) -> list[dict]:
    """Per live post with a "why" (news and policy): readers and how many understood why or
    not (for insights). Counts of people, never names."""
    posts = Post.objects.live().filter(kind__in=[Post.Kind.NEWS, Post.Kind.POLICY])
    if since is not None:
        posts = posts.filter(publish_at__gte=since)
    rows = posts.annotate(
        readers=Count("readings", distinct=True),
        understood=Count(
            "understandings", filter=Q(understandings__understood=True), distinct=True
        ),
        not_understood=Count(
            "understandings", filter=Q(understandings__understood=False), distinct=True
        ),
    ).order_by("-publish_at", "-pk")
    return [
        {
            "title": p.title,
            "kind": p.kind,
            "published_at": p.publish_at,
            "readers": p.readers,
            "understood": p.understood,
            "not_understood": p.not_understood,
        }
        for p in rows
    ]


def daily_figures(day) -> dict:
    """For insights: per department of the people concerned, what happened in news on `day`
    (hrsocial.daily): posts opened (one per person and post), comments, reactions; the
    turnout of the consultations that closed that day (who took part of the employees the
    post was meant for; an anonymous consultation's turnout belongs to no department, so no
    department's share of it shows); and at the end of the day, of the live must-reads, the
    confirmations of their current version out of the employees each is meant for. A fixed
    number of grouped queries (nine), whatever the number of posts or people."""
    from django.db.models import F

    from hrsocial.daily import day_bounds, per_department
    from news.models import Comment, Confirmation, Consultation, Participation, Reaction, Reading
    from people.models import User

    start, end = day_bounds(day)
    employees = User.objects.employees()
    staff = {d: n for d, (n, _b) in per_department(employees, "department").items()}
    targets = Post.departments.through.objects

    def invited(audience: str, targeted: set) -> dict:
        if audience == Post.Audience.DEPARTMENTS:
            return {d: n for d, n in staff.items() if d in targeted}
        return dict(staff)

    # Consultations closing on the day: turnout among the employees they were meant for.
    closing = list(
        Consultation.objects.filter(closes_at__gte=start, closes_at__lt=end).values_list(
            "pk", "post_id", "post__audience", "is_anonymous"
        )
    )
    # Must-reads live at the end of the day: confirmations of their current version.
    must_reads = list(
        Post.objects.live(now=end).filter(requires_confirmation=True).values_list("pk", "audience")
    )
    targeted = {}
    if closing or must_reads:
        targeted = _targets(
            targets, [post for _c, post, _a, _n in closing] + [post for post, _a in must_reads]
        )
    turnout = {}
    if closing:
        took_part = {}
        for row in (
            Participation.objects.filter(consultation__in=[c for c, *_r in closing])
            .filter(person__in=employees)
            .values("consultation", "person__department")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            took_part[(row["consultation"], row["person__department"])] = row["n"]
        for consultation, post, audience, anonymous in closing:
            for department, people in invited(audience, targeted.get(post, set())).items():
                key = None if anonymous else department
                amount, base = turnout.get(key, (0.0, 0))
                turnout[key] = (
                    amount + took_part.get((consultation, department), 0),
                    base + people,
                )

    confirmation_rate = {}
    if must_reads:
        confirmed = per_department(
            Confirmation.objects.filter(
                post__in=[post for post, _a in must_reads], version__gte=F("post__version"),
                confirmed_at__lt=end, person__in=employees,
            ),
            "person__department",
        )  # fmt: skip
        for post, audience in must_reads:
            for department, people in invited(audience, targeted.get(post, set())).items():
                _amount, base = confirmation_rate.get(department, (0.0, 0))
                confirmation_rate[department] = (_amount, base + people)
        confirmation_rate = {
            d: (min(confirmed.get(d, (0.0, 0))[0], float(base)), base)
            for d, (_a, base) in confirmation_rate.items()
            if base
        }

    def made(model, stamp: str, person: str) -> dict:
        return per_department(
            model.objects.filter(**{f"{stamp}__gte": start, f"{stamp}__lt": end}), person
        )

    return {
        "readers": made(Reading, "read_at", "person__department"),
        "comments": made(Comment, "created_at", "author__department"),
        "reactions": made(Reaction, "created_at", "person__department"),
        "consultation_turnout": turnout,
        "confirmation_rate": confirmation_rate,
    }


def _targets(through, posts) -> dict:
    """{post id: {department ids}} of the posts meant for chosen departments (one query)."""
    found = {}
    for post, department in through.filter(post__in=posts).values_list("post", "department"):
        found.setdefault(post, set()).add(department)
    return found
