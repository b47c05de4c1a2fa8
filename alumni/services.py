"""The network's workflows: sign-up, verification (automatic or by HR)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from alumni.models import Membership
from hrsocial import audit
from people.models import User


def _normalise_name(name: str) -> str:
    return " ".join((name or "").split()).casefold()


def former_employee_match(*, full_name: str, employee_number: str, work_email: str):
    """The ended employment the claims point at: the same name plus the same former employee
    number or former work e-mail address. None when nothing (or more than one) matches."""
    number, email = (employee_number or "").strip(), (work_email or "").strip().lower()
    if not (number or email):
        return None
    claims = Q(pk__in=[])
    if number:
        claims |= Q(employee_number=number)
    if email:
        claims |= Q(email__iexact=email)
    candidates = [
        person
        for person in User.objects.filter(claims, employment_ended_at__isnull=False)
        if _normalise_name(person.full_name) == _normalise_name(full_name)
    ]
    return candidates[0] if len(candidates) == 1 else None


def membership_sign_up(
    *, user: User, employee_number: str = "", work_email: str = ""
) -> Membership:
    """A self sign-up joins the queue, or is verified at once when a former alumnus's claims
    match a person whose employment ended."""
    with transaction.atomic():
        membership, _created = Membership.objects.get_or_create(
            user=user,
            defaults={
                "claimed_employee_number": (employee_number or "").strip()[:30],
                "claimed_work_email": (work_email or "").strip().lower(),
            },
        )
        match = None
        if user.kind == User.Kind.ALUMNUS:
            match = former_employee_match(
                full_name=user.full_name, employee_number=employee_number, work_email=work_email
            )
        if match is not None and match.pk != user.pk:
            membership.former_person = match
            membership.status = Membership.Status.VERIFIED
            membership.auto_verified = True
            membership.decided_at = timezone.now()
            membership.save()
            audit.record(actor=None, action="alumni.membership_auto_verify", target=user)
        return membership


def membership_approve(*, membership: Membership, approved_by: User) -> Membership:
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status != Membership.Status.PENDING:
            return membership
        membership.status = Membership.Status.VERIFIED
        membership.decided_by = approved_by
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "decided_by", "decided_at"])
        audit.record(actor=approved_by, action="alumni.membership_approve", target=membership.user)
        return membership


def membership_reject(*, membership: Membership, rejected_by: User, reason: str) -> Membership:
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A rejection needs a reason.")
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status != Membership.Status.PENDING:
            return membership
        membership.status = Membership.Status.REJECTED
        membership.reject_reason = reason
        membership.decided_by = rejected_by
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "reject_reason", "decided_by", "decided_at"])
        audit.record(
            actor=rejected_by, action="alumni.membership_reject", target=membership.user,
            reason=reason[:200],
        )  # fmt: skip
        return membership


def profile_update(*, profile, data: dict, skills: list[str], visibility: dict):
    """Save the member's profile, skills and per-field visibility in one transaction."""
    from alumni.models import Skill

    with transaction.atomic():
        for field, value in data.items():
            setattr(profile, field, value)
        profile.visibility = visibility
        profile.full_clean(exclude=["user"])
        profile.save()
        existing = {s.name: s for s in Skill.objects.filter(name__in=skills)}
        missing = [Skill(name=n) for n in skills if n not in existing]
        Skill.objects.bulk_create(missing, ignore_conflicts=True)
        profile.skills.set(Skill.objects.filter(name__in=skills))
        return profile


def profile_for(user):
    from alumni.models import Profile

    profile, _created = Profile.objects.get_or_create(user=user)
    return profile
