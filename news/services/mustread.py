"""Must-reads: "read and understood" once per version, rates per department, reminders."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial.privacy import Group, suppress
from news.models import Confirmation, Post
from notifications.services import notify

User = get_user_model()


def audience_queryset(post: Post):
    """The active people the post is meant for (who may read it, who is reminded)."""
    employees = User.objects.filter(is_active=True, kind=User.Kind.EMPLOYEE)
    if post.audience == Post.Audience.DEPARTMENTS:
        return employees.filter(department__in=post.departments.all())
    if post.audience == Post.Audience.WITH_ALUMNI:
        return User.objects.filter(is_active=True, kind__in=[User.Kind.EMPLOYEE, User.Kind.ALUMNUS])
    return employees


def audience_of(post: Post) -> list:
    return list(audience_queryset(post))


def confirmation_create(*, post: Post, person, now=None) -> Confirmation:
    """Confirm once; after a material update the earlier confirmation no longer counts and
    this replaces it."""
    if not post.requires_confirmation:
        raise ValidationError(_("This post does not ask for confirmation."))
    if not post.is_live(now):
        raise ValidationError(_("This post is not published."))
    now = now or timezone.now()
    try:
        with transaction.atomic():
            row, _created = Confirmation.objects.update_or_create(
                post=post, person=person, defaults={"version": post.version, "confirmed_at": now}
            )
    except IntegrityError:
        row = Confirmation.objects.get(post=post, person=person)
    return row


def is_confirmed(post: Post, person) -> bool:
    return Confirmation.objects.filter(post=post, person=person, version=post.version).exists()


def confirmation_rates(post: Post) -> list[Group]:
    """Per department: how many of the audience confirmed the current version; departments
    under five people show no figure (hrsocial.privacy, with the total beside them)."""
    confirmed = Q(
        pk__in=Confirmation.objects.filter(post=post, version=post.version).values("person_id")
    )
    rows = (
        audience_queryset(post)
        .filter(kind=User.Kind.EMPLOYEE)
        .values("department_id", "department__name")
        .annotate(people=Count("pk"), confirmed=Count("pk", filter=confirmed))
        .order_by("department__name")
    )
    groups = [
        Group(
            key=row["department_id"],
            label=row["department__name"] or str(_("No department")),
            people=row["people"],
            value=round(100 * row["confirmed"] / row["people"]) if row["people"] else 0,
        )
        for row in rows
    ]
    return suppress(groups)


def outstanding(post: Post):
    done = Confirmation.objects.filter(post=post, version=post.version).values("person_id")
    return audience_queryset(post).exclude(pk__in=done)


def must_read_reminders_send(*, post: Post | None = None, now=None) -> int:
    """Remind who has not confirmed a live must-read (all of them, or one post's)."""
    now = now or timezone.now()
    posts = Post.objects.live(now).filter(requires_confirmation=True)
    if post is not None:
        posts = posts.filter(pk=post.pk)
    sent = 0
    for item in posts:
        people = list(outstanding(item))
        with transaction.atomic():
            notify(
                people,
                "news.must_read",
                format_lazy(_("Reminder: please confirm “{title}”"), title=item.title),
                _("You have not yet confirmed that you read and understood this post."),
                url=item.get_absolute_url(),
            )
        sent += len(people)
    return sent
