"""Referrals: one candidate counts as referred by one person, the first who referred the
address within six months (by name, or by the candidate following a personal link)."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import User
from recruitment.models import (
    REFERRAL_WINDOW,
    Referral,
    ReferralOptOut,
    ReferrerPreference,
    Vacancy,
    email_hash,
)
from recruitment.services.mail import message_queue

OPT_OUT_SALT = "recruitment.never-again"


class Invitee:
    """The referred person as an e-mail recipient (not a user)."""

    def __init__(self, name: str, email: str, language: str = "nl"):
        self.full_name = name
        self.email = email
        self.language_for_email = language


def first_referral(address_hash: str, *, at=None):
    at = at or timezone.now()
    return (
        Referral.objects.filter(email_hash=address_hash, created_at__gte=at - REFERRAL_WINDOW)
        .order_by("created_at")
        .first()
    )


def referral_for_application(*, vacancy: Vacancy, email: str, attribution=None, at=None):
    """The referral this application counts under: the first referral of the address within
    six months; else the personal link that brought the candidate (recorded now)."""
    address_hash = email_hash(email)
    first = first_referral(address_hash, at=at)
    if first is not None:
        return first
    if attribution is None or not attribution.sharer_id:
        return None
    referrer = User.objects.filter(pk=attribution.sharer_id, is_active=True).first()
    if referrer is None:
        return None
    return Referral.objects.create(
        vacancy=vacancy, referrer=referrer, kind=Referral.Kind.LINK, email_hash=address_hash,
        created_at=at or timezone.now(),
    )  # fmt: skip


def referral_create(
    *, vacancy: Vacancy, referrer: User, name: str, email: str, note: str = ""
) -> tuple[Referral | None, str]:
    """(the referral, a message for the referrer). A second referrer of the same address
    within six months is told politely; an address that said "never again" gets nothing."""
    if not vacancy.is_open():
        raise ValidationError(_("This vacancy is closed."))
    address_hash = email_hash(email)
    with transaction.atomic():
        Vacancy.objects.select_for_update().filter(pk=vacancy.pk).first()
        if ReferralOptOut.objects.filter(email_hash=address_hash).exists():
            return None, _(
                "Thank you! This person has asked not to receive referrals, so we will not "
                "send an invitation."
            )
        first = first_referral(address_hash)
        if first is not None:
            if first.referrer_id == referrer.pk:
                return first, _("You have already referred this person.")
            return None, _(
                "Thank you! Someone else referred this person recently, so the referral counts "
                "for them. We appreciate your help all the same."
            )
        referral = Referral.objects.create(
            vacancy=vacancy, referrer=referrer, kind=Referral.Kind.DIRECT, name=name,
            email=email, note=note, email_hash=address_hash,
        )  # fmt: skip
        token = signing.dumps(address_hash, salt=OPT_OUT_SALT)
        message_queue(
            key=f"referral:{referral.pk}:invitation",
            template="emails/recruitment_invitation",
            recipient=Invitee(name, email),
            context={
                "referral": referral, "vacancy": vacancy, "referrer": referrer,
                "vacancy_url": vacancy.public_url() if vacancy.is_public else "",
                "never_again_url": reverse("recruitment-public:never-again", args=[token]),
            },
        )  # fmt: skip
    return referral, _("Thank you! We have sent %(name)s an invitation.") % {"name": name}


def opt_out_hash(token: str) -> str | None:
    try:
        return signing.loads(token, salt=OPT_OUT_SALT)
    except signing.BadSignature:
        return None


def referral_opt_out(*, address_hash: str) -> None:
    ReferralOptOut.objects.get_or_create(email_hash=address_hash)


def referrer_preference_set(*, user: User, show_name: bool) -> None:
    ReferrerPreference.objects.update_or_create(user=user, defaults={"show_name": show_name})
