"""The weekly digest: most-read posts of the week, open consultations and, where those apps
exist, open vacancies; per person, only what their audience may see. Through the outbox
(category news.weekly), so each person's delivery preference holds."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext, override

from helpdesk import api as helpdesk_api
from hrsocial.plugins import provided
from news.models import Consultation, Post
from notifications.models import Notification
from notifications.services import notify

User = get_user_model()


def digest_for(person, *, now=None) -> str:
    now = now or timezone.now()
    since = now - timedelta(days=7)
    visible = Post.objects.visible_to(person, now)
    popular = list(
        visible.filter(publish_at__gte=since)
        .annotate(reads=Count("readings"))
        .order_by("-reads", "-publish_at")[:5]
    )
    open_consultations = list(
        Consultation.objects.filter(
            post__in=visible, opens_at__lte=now, closes_at__gt=now
        ).select_related("post")[:5]
    )
    faq = helpdesk_api.new_faq_entries(since=since, limit=5) if person.is_employee else []
    vacancies_of = provided("open_vacancies")
    vacancies = vacancies_of(person, since=since, limit=5) if vacancies_of else []
    lines = []
    if popular:
        lines.append(gettext("Most read this week:"))
        lines += [f"- {p.title} ({p.get_absolute_url()})" for p in popular]
    if open_consultations:
        lines.append(gettext("Open consultations, give your opinion:"))
        lines += [f"- {c.post.title} ({c.post.get_absolute_url()})" for c in open_consultations]
    if faq:
        lines.append(gettext("New in the helpdesk's FAQ:"))
        lines += [f"- {entry['title']} ({entry['url']})" for entry in faq]
    if vacancies:
        lines.append(gettext("Open vacancies:"))
        lines += [f"- {v['title']} ({v['url']})" for v in vacancies]
    return "\n".join(lines)


def weekly_digest_send(*, now=None) -> int:
    now = now or timezone.now()
    # Once a week: who already had this week's digest (a retried or repeated run) is skipped.
    already = set(
        Notification.objects.filter(
            category="news.weekly", created_at__gt=now - timedelta(days=6)
        ).values_list("recipient_id", flat=True)
    )
    sent = 0
    for person in User.objects.filter(is_active=True, kind=User.Kind.EMPLOYEE).exclude(
        pk__in=already
    ):
        with override(person.language_for_email):
            body = digest_for(person, now=now)
        if not body:
            continue
        with transaction.atomic():
            notify(
                [person],
                "news.weekly",
                lambda: gettext("This week in the news"),
                body,
                url="/news/",
            )
        sent += 1
    return sent
