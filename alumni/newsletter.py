"""The monthly newsletter to members who consented (Profile.receives_newsletter): what is new
since their last one — vacancies (recruitment), open gigs, alumni news (news) and events —
in the member's language, with an unsubscribe link that works without signing in and the
one-click unsubscribe headers large mail providers require (RFC 8058)."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from alumni.models import Gig, NewsletterDelivery, Profile
from hrsocial import audit, emails
from hrsocial.plugins import provided

# The token names the member and nothing else; it does not expire (a newsletter read months
# later must still unsubscribe), and the salt keeps it from being any other signed value.
TOKEN_SALT = "alumni.newsletter.unsubscribe"
# The first newsletter shows what is new in the last month.
FIRST_WINDOW = timedelta(days=31)


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=TOKEN_SALT)


def member_for_token(token: str):
    """The member a token names, or None for a tampered, foreign or stale token."""
    from people.models import User

    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    pk = data.get("u") if isinstance(data, dict) else None
    if not isinstance(pk, int) or isinstance(pk, bool):
        return None
    return User.objects.filter(pk=pk).first()


def unsubscribe_url(user) -> str:
    return settings.SITE_URL + reverse(
        "alumni:newsletter-unsubscribe", kwargs={"token": unsubscribe_token(user)}
    )


def newsletter_unsubscribe(*, user) -> bool:
    """Takes effect at once: the consent is off, so no later run finds the member."""
    changed = Profile.objects.filter(user=user, receives_newsletter=True).update(
        receives_newsletter=False
    )
    if changed:
        audit.record(actor=None, action="alumni.newsletter_unsubscribe", target=user)
    return bool(changed)


def recipients():
    """Members who consented: active alumni and freelancers, verified (or vouched for by HR)."""
    from people.models import User

    return (
        User.objects.filter(
            is_active=True,
            kind__in=(User.Kind.ALUMNUS, User.Kind.FREELANCER),
            alumni_profile__receives_newsletter=True,
        )
        .exclude(membership__status__in=("pending", "rejected"))
        .order_by("pk")
    )


def _events_since(since, now) -> list[dict]:
    # Events may not be built (yet): the section is simply left out then.
    try:
        Event = apps.get_model("alumni", "Event")
    except LookupError:
        return []
    rows = Event.objects.filter(
        created_at__gte=since, starts_at__gte=now, cancelled_at__isnull=True
    ).order_by("starts_at")
    return [
        {
            "title": e.title,
            "starts_at": e.starts_at,
            "url": settings.SITE_URL
            + (e.get_absolute_url() if hasattr(e, "get_absolute_url") else reverse("alumni:index")),
        }
        for e in rows[:10]
    ]


def contents(member, *, since, now) -> dict:
    """What is new for `member` since `since`; empty sections are left out."""
    vacancies_of = provided("open_vacancies")
    news_of = provided("news_for_alumni")
    gigs = Gig.objects.open().filter(created_at__gte=since).order_by("-created_at", "-pk")[:10]
    return {
        "vacancies": vacancies_of(member, since=since.date(), limit=10) if vacancies_of else [],
        "gigs": [{"title": g.title, "url": settings.SITE_URL + g.get_absolute_url()} for g in gigs],
        "news": [
            {**n, "url": settings.SITE_URL + n["url"]}
            for n in (news_of(member, since=since, limit=10) if news_of else [])
        ],
        "events": _events_since(since, now),
    }


def newsletter_send(*, now=None) -> int:
    """Send this month's newsletter to every consenting member who has not had it yet.

    Once a month: the delivery row (unique per member and month) is written in the same
    transaction as the send, so a retried or repeated run skips who already had it, and a
    failed send leaves no row (the retry sends it). Nothing new: nothing is sent."""
    now = now or timezone.now()
    month = timezone.localtime(now).strftime("%Y-%m")
    already = NewsletterDelivery.objects.filter(month=month).values_list("member_id", flat=True)
    last_sent = dict(
        NewsletterDelivery.objects.values("member_id")
        .annotate(last=Max("sent_at"))
        .values_list("member_id", "last")
    )
    sent = 0
    for member in list(recipients().exclude(pk__in=already)):
        since = last_sent.get(member.pk) or now - FIRST_WINDOW
        with override(member.language_for_email):
            context = contents(member, since=since, now=now)
        if not any(context.values()):
            continue
        url = unsubscribe_url(member)
        try:
            with transaction.atomic():
                NewsletterDelivery.objects.create(member=member, month=month, sent_at=now)
                emails.send_templated_email(
                    template="emails/alumni_newsletter",
                    recipient=member,
                    context={**context, "unsubscribe_url": url, "since": since},
                    headers={
                        "List-Unsubscribe": f"<{url}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                )
        except IntegrityError:  # a run at the same time sent it
            continue
        sent += 1
    return sent
