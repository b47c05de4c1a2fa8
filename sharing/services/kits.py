"""Curating share kits: saving, publishing (with the "new kit for you" notification),
withdrawing, suggested texts, and the kits of other apps' records (from `describe`)."""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial import audit
from hrsocial.i18n import localized_lazy
from hrsocial.shareables import ShareContent
from notifications.services import notify
from people.models import User
from sharing import registry
from sharing.models import Audience, CaptionVariant, ShareKit


def _utm_campaign(kit: ShareKit) -> str:
    return kit.campaign.slug if kit.campaign_id else "share"


def kit_save(*, kit: ShareKit, departments=None, saved_by) -> ShareKit:
    """Create or change a kit (the form has checked the fields and the image)."""
    with transaction.atomic():
        created = kit.pk is None
        if created:
            kit.created_by = saved_by
        kit.utm_campaign = _utm_campaign(kit)
        kit.full_clean(exclude=["image"])
        kit.save()
        if departments is not None:
            kit.departments.set(departments)
        audit.record(
            actor=saved_by, action="sharing.kit-create" if created else "sharing.kit-change",
            target=kit,
        )  # fmt: skip
    return kit


def audience_of(kit: ShareKit):
    people = User.objects.filter(is_active=True)
    if kit.audience == Audience.EVERYONE:
        return people.filter(kind__in=[User.Kind.EMPLOYEE, User.Kind.ALUMNUS, User.Kind.FREELANCER])
    people = people.filter(kind=User.Kind.EMPLOYEE)
    if kit.audience == Audience.DEPARTMENTS:
        people = people.filter(department__in=kit.departments.all())
    return people


def kit_publish(*, kit: ShareKit, published_by) -> ShareKit:
    """Publish a draft: its audience hears of it ("new kit for you", a digest by default)."""
    with transaction.atomic():
        kit = ShareKit.objects.select_for_update().get(pk=kit.pk)
        if kit.status == ShareKit.Status.PUBLISHED:
            return kit  # a double click publishes (and notifies) once
        kit.status = ShareKit.Status.PUBLISHED
        kit.published_at = timezone.now()
        kit.save(update_fields=["status", "published_at", "updated_at"])
        audit.record(actor=published_by, action="sharing.kit-publish", target=kit)
        # Rendered per recipient language: the English title for English readers.
        title = localized_lazy(kit, "title")
        notify(
            audience_of(kit).exclude(pk=published_by.pk),
            "sharing.new_kit",
            format_lazy(_("New to share: {title}"), title=title),
            _("Colleagues prepared suggested texts; your personal link counts the visits."),
            url=reverse("sharing:kit", args=[kit.pk]),
        )
    return kit


def kit_withdraw(*, kit: ShareKit, withdrawn_by) -> ShareKit:
    """Withdraw a kit: its links lead to the "no longer available" page from now on."""
    with transaction.atomic():
        kit.status = ShareKit.Status.WITHDRAWN
        kit.save(update_fields=["status", "updated_at"])
        audit.record(actor=withdrawn_by, action="sharing.kit-withdraw", target=kit)
    return kit


def variant_add(
    *, kit: ShareKit, channel: str, text: str, added_by, text_en: str = ""
) -> CaptionVariant:
    variant = CaptionVariant(
        kit=kit, channel=channel, text=text.replace("\r\n", "\n").strip(),
        text_en=text_en.replace("\r\n", "\n").strip(),
    )  # fmt: skip
    variant.full_clean()
    variant.save()
    audit.record(actor=added_by, action="sharing.variant-add", target=kit)
    return variant


def variant_delete(*, variant: CaptionVariant, deleted_by) -> None:
    kit = variant.kit
    variant.delete()
    audit.record(actor=deleted_by, action="sharing.variant-delete", target=kit)


# --- Kits of other apps' records -----------------------------------------------------------


def _apply(kit: ShareKit, content: ShareContent) -> list[str]:
    """Copy what `describe` said onto the kit; the names of the fields that changed."""
    wanted = {
        "title": content.title[:200],
        "title_en": content.title_en[:200],
        "summary": content.summary[:1000],
        "summary_en": content.summary_en[:1000],
        "url": content.url,
        "image_url": content.image_url,
        "audience": content.audience if content.audience in Audience.values else Audience.EMPLOYEES,
        "ends_at": content.ends_at,
        "status": ShareKit.Status.PUBLISHED if content.available else ShareKit.Status.WITHDRAWN,
    }
    if content.starts_at:
        wanted["starts_at"] = content.starts_at
    changed = [name for name, value in wanted.items() if getattr(kit, name) != value]
    for name in changed:
        setattr(kit, name, wanted[name])
    return changed


def kit_for_record(obj) -> ShareKit | None:
    """The kit of another app's record, made from its `describe` on first use and refreshed
    from it after; None when the record's model is not declared shareable."""
    shareable = registry.for_object(obj)
    if shareable is None:
        return None
    content = registry.describe(shareable, obj)
    content_type = ContentType.objects.get_for_model(obj)
    kit = ShareKit.objects.filter(content_type=content_type, object_id=obj.pk).first()
    if kit is None:
        kit = ShareKit(
            content_type=content_type, object_id=obj.pk, shareable_key=shareable.key,
            published_at=timezone.now(), utm_campaign="share",
        )  # fmt: skip
        _apply(kit, content)
        try:
            with transaction.atomic():
                kit.save()
                if content.departments:
                    kit.departments.set(content.departments)
        except IntegrityError:  # made by a parallel request a moment ago
            kit = ShareKit.objects.get(content_type=content_type, object_id=obj.pk)
        else:
            return kit
    changed = _apply(kit, content)
    if changed:
        kit.save(update_fields=[*changed, "updated_at"])
    if content.departments and set(content.departments) != set(
        kit.departments.values_list("pk", flat=True)
    ):
        kit.departments.set(content.departments)
    return kit
