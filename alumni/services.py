"""The network's workflows: sign-up, verification (automatic or by HR)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
        _tell_decision(membership)
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
        _tell_decision(membership)
        return membership


def _tell_decision(membership: Membership) -> None:
    """The waiting page promises an e-mail: HR's decision goes through the outbox."""
    from django.urls import reverse
    from django.utils.text import format_lazy

    from notifications.services import notify

    if membership.status == Membership.Status.VERIFIED:
        notify([membership.user], "alumni.membership",
               gettext_lazy("Welcome to the alumni network"),
               gettext_lazy("HR verified your sign-up: the network is open for you."),
               reverse("alumni:index"))  # fmt: skip
    else:
        notify([membership.user], "alumni.membership",
               gettext_lazy("HR could not verify your sign-up"),
               format_lazy(gettext_lazy("Reason: {reason}"), reason=membership.reject_reason),
               reverse("alumni:waiting"))  # fmt: skip


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


# Gigs ("klussen").


class GigError(Exception):
    pass


def gig_create(*, posted_by, skills: list[str], **fields):
    from alumni.models import Gig, Skill

    with transaction.atomic():
        gig = Gig(posted_by=posted_by, **fields)
        gig.full_clean()
        gig.save()
        Skill.objects.bulk_create([Skill(name=n) for n in skills], ignore_conflicts=True)
        gig.skills.set(Skill.objects.filter(name__in=skills))
        audit.record(actor=posted_by, action="alumni.gig_create", target=gig)
        return gig


def interest_express(*, gig, member, note: str = ""):
    from alumni.models import Gig, Interest

    with transaction.atomic():
        gig = Gig.objects.select_for_update().get(pk=gig.pk)
        if gig.status != Gig.Status.OPEN:
            raise GigError(_("This gig is no longer open."))
        interest, _created = Interest.objects.update_or_create(
            gig=gig, member=member, defaults={"note": (note or "").replace("\x00", "")[:1000]}
        )
        return interest


def gig_pick(*, gig, member, picked_by):
    """HR gives the gig to one interested member; the others hear it is filled."""
    from django.utils.text import format_lazy

    from alumni.models import Gig
    from notifications.services import notify

    with transaction.atomic():
        gig = Gig.objects.select_for_update().get(pk=gig.pk)
        if gig.status != Gig.Status.OPEN:
            raise GigError(_("This gig is no longer open."))
        interested = list(User.objects.filter(gig_interests__gig=gig))
        if member not in interested:
            raise GigError(_("Only someone who showed interest can be picked."))
        gig.status, gig.picked = Gig.Status.FILLED, member
        gig.save(update_fields=["status", "picked"])
        url = gig.get_absolute_url()
        picked_title = format_lazy(gettext_lazy("You are picked for the gig “{}”"), gig.title)
        notify([member], "alumni.gig", picked_title,
               gettext_lazy("HR will contact you about the details."), url)  # fmt: skip
        others = [p for p in interested if p.pk != member.pk]
        if others:
            filled_title = format_lazy(gettext_lazy("The gig “{}” is filled"), gig.title)
            filled_body = gettext_lazy("Thank you for your interest; HR chose someone else.")
            notify(others, "alumni.gig", filled_title, filled_body, url)
        audit.record(actor=picked_by, action="alumni.gig_pick", target=gig, member=member.pk)
        return gig


def gig_matches(*, gig, limit: int = 20):
    """Members available at the gig's start whose skills match, best first. The order comes
    from alumni.directory.MATCH_RANKING (one grouping over every member, cached until members
    change); the members themselves are read live with the same rules, so nobody who left the
    network or hid their availability since is shown. One query when the order is cached, two
    when not, whatever the number of members (the gig's skills come prefetched)."""
    from alumni.directory import MATCH_RANKING
    from alumni.models import Profile

    skill_ids = tuple(sorted(s.pk for s in gig.skills.all()))  # prefetched by the gig page
    if not skill_ids:
        return []
    ranking = MATCH_RANKING.get(skill_ids, gig.starts_on, limit)
    live = (
        Profile.objects.matchable_on(gig.starts_on)
        .select_related("user").only("user_id", "user__full_name")
        .in_bulk([pk for pk, _matching in ranking])
    )  # fmt: skip
    matches = []
    for pk, matching in ranking:
        if profile := live.get(pk):
            profile.matching = matching
            matches.append(profile)
    return matches


def gig_dba_warnings(*, gig, people) -> set[int]:
    """The freelancers among `people` who used to be employees doing the same work (same
    department or role): under the Wet DBA (enforced since 1 January 2025) this weighs
    heavily towards employment, so HR is warned. One query."""
    if not (gig.department_id or gig.job_role_id):
        return set()
    freelancers = [p.pk for p in people if p.kind == User.Kind.FREELANCER]
    same = Q(pk__in=[])
    if gig.department_id:
        same |= Q(department_id=gig.department_id)
    if gig.job_role_id:
        same |= Q(job_role_id=gig.job_role_id)
    from alumni.models import Membership

    former = Membership.objects.filter(
        Q(former_person__in=User.objects.filter(same)), user__in=freelancers
    ).values_list("user_id", flat=True)
    own = User.objects.filter(same, pk__in=freelancers, employment_ended_at__isnull=False)
    return set(former) | set(own.values_list("pk", flat=True))


# Privacy: a member's own data, and leaving the network.


def member_data(*, user) -> dict:
    """Everything the network keeps about the member, for their JSON download."""
    from alumni.models import Interest, Membership, Profile

    profile = Profile.objects.filter(user=user).prefetch_related("skills").first()
    membership = Membership.objects.filter(user=user).first()
    fields = [
        "former_department", "year_from", "year_to", "current_organisation", "current_role",
        "linkedin_url", "available_from", "available_until", "hours_per_week",
        "open_to_return", "kvk_number", "hourly_rate_min", "hourly_rate_max", "visibility",
        "in_directory", "receives_newsletter",
    ]  # fmt: skip
    return {
        "name": user.full_name,
        "email": user.email,
        "kind": user.kind,
        "membership": membership
        and {
            "status": membership.status,
            "claimed_employee_number": membership.claimed_employee_number,
            "claimed_work_email": membership.claimed_work_email,
            "signed_up_at": membership.created_at.isoformat(),
        },
        "profile": profile
        and {
            **{
                f: (str(v) if v is not None and not isinstance(v, bool | dict | int) else v)
                for f in fields
                for v in [getattr(profile, f)]
            },
            "skills": [s.name for s in profile.skills.all()],
        },  # fmt: skip
        "gig_interests": [
            {"gig": i.gig.title, "note": i.note, "at": i.created_at.isoformat()}
            for i in Interest.objects.filter(member=user).select_related("gig")
        ],
    }


def membership_delete(*, user) -> None:
    """The member leaves: profile, consents, interests and sign-up removed at once, gigs they
    did keep no name, and the account is closed so no list, figure or newsletter finds them."""
    from alumni.models import Gig, Interest, Membership, Profile

    with transaction.atomic():
        Profile.objects.filter(user=user).delete()
        Interest.objects.filter(member=user).delete()
        Gig.objects.filter(picked=user).update(picked=None)
        Membership.objects.filter(user=user).delete()
        User.objects.filter(pk=user.pk).update(is_active=False, bio="", linkedin_url="", x_url="")
        audit.record(actor=None, action="alumni.membership_delete", target=user)
