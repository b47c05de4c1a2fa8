"""HR invites freelancers (ZZP'ers) by e-mail; the freelancer completes the sign-up from the
invitation's signed link.

The account is made when HR invites (HR vouches for the person, so there is no membership
to verify), with no usable password: until the freelancer sets one from the link nobody can
sign in with it. The invitation e-mail is a notification (category "alumni.invitation"), so
it goes through the outbox with its retries. The link is signed and holds the invitation's
number; it works once (accepting stamps the invitation) and for LINK_DAYS days after the
latest send.
"""

from decimal import Decimal

from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import password_validation
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from alumni.forms import ProfileForm
from alumni.models import FreelancerInvitation
from hrsocial import audit
from people.models import User

SALT = "alumni.freelancer-invitation"
LINK_DAYS = 30
CATEGORY = "alumni.invitation"


class InvitationError(Exception):
    pass


def _address_taken(email: str) -> bool:
    return (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


class FreelancerInviteForm(forms.Form):
    """HR's form: who to invite, with an optional personal message."""

    full_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    message = forms.CharField(
        label=_("Personal message (optional)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )  # fmt: skip

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].replace("\x00", "").split())
        if not name:
            raise forms.ValidationError(_("Give the freelancer's name."))
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_message(self):
        return self.cleaned_data["message"].replace("\x00", "").strip()


def token_for(invitation: FreelancerInvitation) -> str:
    return signing.dumps({"i": invitation.pk, "s": invitation.sent_at.timestamp()}, salt=SALT)


def invitation_from_token(token: str) -> FreelancerInvitation:
    """The open invitation a link stands for; InvitationError with the reason otherwise (a
    tampered or expired link, one already used, or one replaced by a newer send)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 24 * 3600)
        pk, sent = int(data["i"]), float(data["s"])
    except signing.SignatureExpired:
        raise InvitationError(
            _("This invitation link has expired. Ask HR to send you a new one.")
        ) from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise InvitationError(_("This invitation link is not valid.")) from None
    invitation = FreelancerInvitation.objects.select_related("person").filter(pk=pk).first()
    if invitation is None or not invitation.person.is_active:
        raise InvitationError(_("This invitation link is not valid."))
    if not invitation.is_open:
        raise InvitationError(
            _("This invitation has already been used. Sign in with your e-mail address.")
        )
    if round(invitation.sent_at.timestamp(), 6) != round(sent, 6):
        raise InvitationError(
            _("HR sent you a newer invitation: use the link in the latest e-mail.")
        )
    return invitation


def _send(invitation: FreelancerInvitation) -> None:
    from notifications.services import notify

    url = reverse("alumni:freelancer-join", kwargs={"token": token_for(invitation)})
    inviter = invitation.invited_by.full_name if invitation.invited_by else ""
    body = format_lazy(
        _("{inviter} invites you to the freelancer network: gigs, events and news. Complete "
          "your sign-up with the link (valid for {days} days)."),
        inviter=inviter or _("HR"), days=LINK_DAYS,
    )  # fmt: skip
    if invitation.message:
        body = format_lazy("{}\n\n{}", body, invitation.message)
    notify([invitation.person], CATEGORY, _("You are invited to the freelancer network"),
           body, url=url)  # fmt: skip


def freelancer_invite(*, invited_by, full_name: str, email: str, message: str = ""):
    """Invite a freelancer, or send an open invitation again (a new link; the old one stops
    working). Refused with InvitationError, nothing saved, when the address belongs to an
    account that is not an open invitation."""
    email = email.strip().lower()
    with transaction.atomic():
        invitation = (
            FreelancerInvitation.objects.select_for_update(of=("self",))
            .select_related("person", "invited_by")
            .filter(person__email__iexact=email)
            .first()
        )
        now = timezone.now()
        if invitation is not None and invitation.is_open:
            invitation.sent_at, invitation.invited_by = now, invited_by
            invitation.message = message or invitation.message
            invitation.save(update_fields=["sent_at", "invited_by", "message"])
            audit.record(actor=invited_by, action="alumni.freelancer_reinvite",
                         target=invitation.person)  # fmt: skip
        else:
            if _address_taken(email):
                raise InvitationError(_("There is already an account with this e-mail address."))
            person = User(email=email, full_name=full_name, kind=User.Kind.FREELANCER)
            person.set_unusable_password()
            try:
                person.full_clean()
            except ValidationError as error:
                raise InvitationError(" ".join(error.messages)) from None
            try:
                with transaction.atomic():
                    person.save()
            except IntegrityError:  # the same address invited at the very same moment
                raise InvitationError(
                    _("There is already an account with this e-mail address.")
                ) from None
            invitation = FreelancerInvitation.objects.create(
                person=person, invited_by=invited_by, message=message, sent_at=now
            )
            audit.record(actor=invited_by, action="alumni.freelancer_invite", target=person)
        _send(invitation)
        return invitation


class FreelancerJoinForm(forms.Form):
    """The freelancer's own part: name, password, KvK number, rates and expertise."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )  # fmt: skip
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )  # fmt: skip
    kvk_number = forms.CharField(
        label=_("KvK number"), max_length=20,
        help_text=_("Your Chamber of Commerce number: eight digits."),
        error_messages={"required": _("Give your KvK number (eight digits).")},
    )  # fmt: skip
    hourly_rate_min = forms.DecimalField(
        label=_("Hourly rate from (euro)"), required=False, min_value=Decimal(0),
        max_value=Decimal(10000), decimal_places=2, max_digits=7,
        help_text=_("Optional. Only HR sees your rates."),
    )  # fmt: skip
    hourly_rate_max = forms.DecimalField(
        label=_("Hourly rate up to (euro)"), required=False, min_value=Decimal(0),
        max_value=Decimal(10000), decimal_places=2, max_digits=7,
    )  # fmt: skip
    skills_text = forms.CharField(
        label=_("Areas of expertise"), required=False, max_length=500,
        help_text=_("Separate them with commas, for example: payroll, Python, recruitment"),
    )  # fmt: skip

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["full_name"].initial = person.full_name

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].replace("\x00", "").split())
        if not name:
            raise forms.ValidationError(_("Give your name."))
        return name

    def clean_kvk_number(self):
        number = self.cleaned_data["kvk_number"].strip()
        if not (len(number) == 8 and number.isascii() and number.isdigit()):
            raise forms.ValidationError(_("A KvK number has exactly eight digits."))
        return number

    clean_skills_text = ProfileForm.clean_skills_text

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            try:
                password_validation.validate_password(first, self.person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        low, high = data.get("hourly_rate_min"), data.get("hourly_rate_max")
        if low is not None and high is not None and high < low:
            self.add_error("hourly_rate_max", _("The highest rate cannot be below the lowest."))
        return data


def freelancer_join(*, invitation: FreelancerInvitation, data: dict):
    """Complete the sign-up in one transaction: the password, the address verified (the link
    came to it), the profile with KvK number, rates and expertise; the invitation used."""
    from alumni import services
    from people.services import email_mark_verified

    with transaction.atomic():
        invitation = FreelancerInvitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_open:
            raise InvitationError(
                _("This invitation has already been used. Sign in with your e-mail address.")
            )
        person = User.objects.select_for_update().get(pk=invitation.person_id)
        person.full_name = data["full_name"]
        person.set_password(data["password1"])
        person.save(update_fields=["full_name", "password"])
        email_mark_verified(person=person)
        services.profile_update(
            profile=services.profile_for(person),
            data={
                "kvk_number": data["kvk_number"],
                "hourly_rate_min": data.get("hourly_rate_min"),
                "hourly_rate_max": data.get("hourly_rate_max"),
            },
            skills=data.get("skills_text") or [],
            visibility={},
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        audit.record(actor=person, action="alumni.freelancer_join", target=person)
        return person
