"""An employee sharing a kit: the offered text (least used variant first, the disclosure
appended), what the page warns about (a text nearly the same as a colleague's, a removed
disclosure, the network's length limit, the tips' draft checker), and the personal link."""

import difflib
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from hrsocial import plugins
from hrsocial.i18n import localized
from sharing.counting import LIMITS, text_length
from sharing.models import CaptionVariant, Channel, Share, SharingSettings

# Nearly the same: difflib's ratio at or above this against a colleague's shared text.
NEAR_DUPLICATE = 0.9
# How many of colleagues' texts of the kit are compared (the latest).
COMPARED = 200


def _disclosure_source(kit):
    """The kit's own disclosure, or the general one when it has none."""
    return kit if kit.disclosure else SharingSettings.current()


def disclosure_for(kit) -> str:
    """The disclosure appended to the kit's texts, in the reader's language."""
    return localized(_disclosure_source(kit), "disclosure")


def has_disclosure(kit, text: str) -> bool:
    """Whether the text keeps the disclosure, in either language (someone who reads the portal
    in English may well post in Dutch). True when there is none to keep."""
    source = _disclosure_source(kit)
    wanted = [d for d in (source.disclosure, source.disclosure_en) if d]
    return not wanted or any(d.lower() in text.lower() for d in wanted)


def variants_in_rotation(kit, channel: str) -> list[CaptionVariant]:
    """The kit's texts for a network, the least used first (then the oldest)."""
    return list(
        kit.variants.filter(channel=channel).annotate(used=Count("shares")).order_by("used", "pk")
    )


def with_disclosure(text: str, disclosure: str) -> str:
    text = (text or "").strip()
    if not disclosure or disclosure.lower() in text.lower():
        return text
    return f"{text}\n\n{disclosure}" if text else disclosure


def personal_url(share: Share) -> str:
    return settings.SITE_URL + reverse("sharing_links:follow", args=[share.code])


def network_url(share: Share) -> str:
    """Each network's own share page (no API keys). LinkedIn and Facebook take the link only:
    the text is copied by the person; X, WhatsApp and e-mail take the text too."""
    link = personal_url(share)
    text = share.text
    if share.channel == Channel.LINKEDIN:
        return "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": link})
    if share.channel == Channel.X:
        return "https://x.com/intent/tweet?" + urlencode({"text": text, "url": link})
    if share.channel == Channel.FACEBOOK:
        return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": link})
    if share.channel == Channel.WHATSAPP:
        return "https://wa.me/?" + urlencode({"text": f"{text}\n{link}"})
    body = quote(text + "\n\n" + link)
    return f"mailto:?subject={quote(share.kit.display_title)}&body={body}"


def takes_text(channel: str) -> bool:
    return channel in (Channel.X, Channel.WHATSAPP, Channel.EMAIL)


@dataclass
class Review:
    """What the share page says about a text before it is shared."""

    text: str
    channel: str
    length: int = 0
    limit: int = 0
    too_long: bool = False
    disclosure_missing: bool = False
    near_duplicate: bool = False
    findings: list = field(default_factory=list)
    checked: bool = False


def text_review(*, kit, channel: str, text: str, sharer, check: bool = True) -> Review:
    text = (text or "").replace("\r\n", "\n").strip()
    review = Review(text=text, channel=channel, limit=LIMITS[channel])
    review.length = text_length(channel, text)
    review.too_long = review.length > review.limit
    review.disclosure_missing = not has_disclosure(kit, text)
    others = (
        Share.objects.filter(kit=kit).exclude(sharer=sharer).exclude(text="")
        .order_by("-created_at").values_list("text", flat=True)[:COMPARED]
    )  # fmt: skip
    review.near_duplicate = any(
        difflib.SequenceMatcher(None, text.lower(), other.lower()).ratio() >= NEAR_DUPLICATE
        for other in others
    )
    draft_check = plugins.provided("draft_check")
    if check and draft_check is not None and not review.too_long:
        network = channel if channel in ("linkedin", "x", "facebook") else None
        try:
            review.findings = list(draft_check(text, network))
            review.checked = True
        except ValueError:
            review.findings = []
    return review


def share_create(*, kit, sharer, channel: str, text: str, variant_id=None) -> Share:
    """The personal link for (sharer, kit, channel), made once: sharing again (or a double
    submit) gives the same link with the newest text. A text over the network's limit is
    refused, and nothing is saved."""
    if channel not in Channel.values:
        raise ValidationError(_("Choose a network."))
    text = (text or "").replace("\r\n", "\n").strip()
    limit = LIMITS[channel]
    if text_length(channel, text) > limit:
        raise ValidationError(
            _("This text is too long for %(network)s: at most %(limit)s characters, the link "
              "included.") % {"network": Channel(channel).label, "limit": limit}
        )  # fmt: skip
    variant = None
    if variant_id:
        variant = kit.variants.filter(pk=variant_id, channel=channel).first()
    fields = {"text": text, "variant": variant, "department_id": sharer.department_id}
    try:
        with transaction.atomic():
            share, created = Share.objects.get_or_create(
                kit=kit, sharer=sharer, channel=channel, defaults=fields
            )
    except IntegrityError:  # the same share submitted twice at once
        share, created = Share.objects.get(kit=kit, sharer=sharer, channel=channel), False
    if not created:
        share.text, share.variant = text, variant
        share.save(update_fields=["text", "variant"])
    return share
