"""Posts: writing, scheduling, revisions, blog moderation, reading and understanding."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial import audit
from hrsocial.caching import CachedValue
from news.models import Post, PostRevision, Reading, Tag, Understanding, Visit
from notifications.services import notify
from people.models import Department


def _check(post: Post, *, now) -> None:
    errors = {}
    if post.needs_why and not post.why.strip():
        errors["why"] = _("News and policy posts say why: fill in the “why”.")
    if post.kind == Post.Kind.EXAMPLE and not post.organisation.strip():
        errors["organisation"] = _("Say which organisation the example is about.")
    if post.unpublish_at and post.publish_at and post.unpublish_at <= post.publish_at:
        errors["unpublish_at"] = _("The unpublish date must come after the publication.")
    if errors:
        raise ValidationError(errors)


def post_save(
    *,
    post: Post,
    saved_by,
    departments=None,
    tags=None,
    publish: bool = False,
    material: bool = False,
    note: str = "",
    now=None,
) -> Post:
    """Create or change a post. `publish`: HR (or a moderator) publishes it now or at its
    `publish_at`. A scheduled time in the past is refused for a post not yet live. A change
    to a live post keeps a revision; a `material` change of a policy post raises its version,
    so it shows "updated" with `note` and must-read confirmations are asked again."""
    now = now or timezone.now()
    created = post.pk is None
    previous = None if created else Post.objects.get(pk=post.pk)
    was_live = previous is not None and previous.is_live(now)
    if publish and not was_live:
        if post.publish_at is None:
            post.publish_at = now
        elif post.publish_at < now - timezone.timedelta(minutes=1):
            raise ValidationError(
                {"publish_at": _("A scheduled time lies in the future; this one has passed.")}
            )
        post.status = Post.Status.PUBLISHED
    if post.audience != Post.Audience.DEPARTMENTS:
        departments = []
    elif departments is not None and not list(departments):
        raise ValidationError({"departments": _("Choose at least one department.")})
    _check(post, now=now)
    material = material and was_live and post.kind == Post.Kind.POLICY
    if material and not note.strip():
        raise ValidationError({"update_note": _("Say what changed, for the readers.")})
    with transaction.atomic():
        if previous is not None and was_live and _text_changed(previous, post):
            PostRevision.objects.create(
                post=post,
                title=previous.title,
                body=previous.body,
                why=previous.why,
                edited_by=saved_by,
                edited_at=now,
                is_material=material,
                note=note.strip(),
            )
        if material:
            post.version += 1
            post.materially_updated_at = now
            post.update_note = note.strip()
            post.announced_at = None  # the beat task asks the readers again
        post.save()
        if departments is not None:
            post.departments.set(departments)
        if tags is not None:
            post.tags.set(tags)
        audit.record(
            actor=saved_by,
            action="news.create" if created else "news.change",
            target=post,
            material=material,
        )
    return post


def _text_changed(before: Post, after: Post) -> bool:
    return (before.title, before.body, before.why) != (after.title, after.body, after.why)


def blog_submit(*, post: Post, author) -> Post:
    """An employee sends their blog to the moderation queue (HR or "Communicatie")."""
    if post.kind != Post.Kind.BLOG or post.author_id != author.pk:
        raise ValidationError(_("Only the author sends a blog for moderation."))
    if post.status == Post.Status.PUBLISHED:
        raise ValidationError(_("This blog is already published."))
    post.status = Post.Status.PENDING
    post.save(update_fields=["status", "updated_at"])
    return post


def blog_approve(*, post: Post, moderator, now=None) -> Post:
    now = now or timezone.now()
    if post.status != Post.Status.PENDING:
        raise ValidationError(_("This blog is not waiting for moderation."))
    with transaction.atomic():
        post.status = Post.Status.PUBLISHED
        post.publish_at = max(post.publish_at or now, now)
        post.moderated_by = moderator
        post.moderation_note = ""
        post.save()
        notify(
            [post.author],
            "news.blog",
            format_lazy(_("Your blog “{title}” is published"), title=post.title),
            _("A moderator approved it; colleagues can read and react to it now."),
            url=post.get_absolute_url(),
        )
        audit.record(actor=moderator, action="news.blog_approve", target=post)
    return post


def blog_send_back(*, post: Post, moderator, reason: str) -> Post:
    if post.status != Post.Status.PENDING:
        raise ValidationError(_("This blog is not waiting for moderation."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, so the author can improve it.")})
    with transaction.atomic():
        post.status = Post.Status.SENT_BACK
        post.moderated_by = moderator
        post.moderation_note = reason.strip()
        post.save()
        notify(
            [post.author],
            "news.blog",
            format_lazy(_("Your blog “{title}” was sent back"), title=post.title),
            reason.strip(),
            url=post.get_absolute_url(),
        )
        audit.record(actor=moderator, action="news.blog_send_back", target=post)
    return post


def posts_publish_scheduled(*, now=None) -> int:
    """The beat task: live posts not yet announced are announced once (the must-read notice
    to their audience). Visibility itself needs no task (`PostQuerySet.live`)."""
    from news.services.mustread import audience_of

    now = now or timezone.now()
    due = Post.objects.live(now).filter(announced_at__isnull=True)
    count = 0
    for post in due:
        with transaction.atomic():
            if post.requires_confirmation:
                updated = post.version > 1
                notify(
                    audience_of(post),
                    "news.must_read",
                    format_lazy(
                        _("Updated, please confirm again: {title}")
                        if updated
                        else _("Must read: {title}"),
                        title=post.title,
                    ),
                    _("Read the post and confirm that you read and understood it."),
                    url=post.get_absolute_url(),
                )
            Post.objects.filter(pk=post.pk).update(announced_at=now)
        count += 1
    return count


def understanding_set(*, post: Post, person, understood: bool, now=None) -> Understanding:
    """ "I understand why / I don't": one answer per person, changeable."""
    if not post.needs_why:
        raise ValidationError(_("This post has no “why” to answer."))
    row, _created = Understanding.objects.update_or_create(
        post=post,
        person=person,
        defaults={"understood": understood, "answered_at": now or timezone.now()},
    )
    return row


def understanding_figures(post: Post) -> dict:
    counts = post.understandings.aggregate(
        yes=Count("pk", filter=Q(understood=True)), no=Count("pk", filter=Q(understood=False))
    )
    return counts


def reading_record(*, post: Post, person) -> None:
    if not person.is_authenticated:
        return
    # One INSERT that the unique (post, person) constraint ignores after the first opening:
    # no lookup and no transaction on every view of a post (two tabs at once included).
    Reading.objects.bulk_create([Reading(post=post, person=person)], ignore_conflicts=True)


VISIT_GAP = 30 * 60  # seconds between two page views that make them two visits
VISIT_PRECISION = 5 * 60


def visit_record(*, person, now=None):
    """The moment of the previous visit (for "new since your last visit"); this one is
    remembered for the next."""
    now = now or timezone.now()
    visit = Visit.objects.filter(person=person).first()
    if visit is None:
        Visit.objects.create(person=person, previous_at=None, last_at=now)
        return None
    # Opening the page twice in half an hour is one visit. Within five minutes nothing is
    # written: the news page is read often, and a row written on every reload costs more
    # than the page (and makes one person's tabs wait for each other's lock).
    since = (now - visit.last_at).total_seconds()
    if since < VISIT_PRECISION:
        return visit.previous_at
    if since > VISIT_GAP:
        visit.previous_at = visit.last_at
    visit.last_at = now
    visit.save(update_fields=["previous_at", "last_at"])
    return visit.previous_at


def _filter_choices() -> dict:
    return {
        "departments": list(Department.objects.order_by("name")),
        "tags": list(Tag.objects.filter(posts__isnull=False).distinct().order_by("name")),
    }


# The news page's filter lists, the same for everyone: two queries a view of the busiest page.
# Forgotten when departments, tags or posts change (news/apps.py).
FILTER_CHOICES = CachedValue("news:filter-choices", _filter_choices)
