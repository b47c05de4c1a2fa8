"""Boomerangs: an alumnus hired again becomes an employee again through the HRIS import,
in their one network account, keeping its history (membership, profile, gigs, events).

The import (people.importer) asks this app, once per file, which network accounts its rows
may point at: by the former employee number (the ended employment the sign-up matched, or
the number HR verified) and by the private e-mail address the member signs in with.
"""

from collections import defaultdict

from django.db.models import Q

from alumni.models import Departure, Membership
from people.models import User

NETWORK = (User.Kind.ALUMNUS, User.Kind.FREELANCER)


def _unique(pairs) -> dict:
    """key -> account, leaving out a key that points at more than one account (ambiguous:
    the import then treats the row as it would without the network)."""
    found = defaultdict(set)
    accounts = {}
    for key, account in pairs:
        found[key].add(account.pk)
        accounts[account.pk] = account
    return {key: accounts[next(iter(pks))] for key, pks in found.items() if len(pks) == 1}


def import_boomerangs(*, numbers: set[str], private_emails: set[str]) -> tuple[dict, dict]:
    """({former employee number: account}, {private e-mail: account}) for active, verified
    network accounts (a sign-up still waiting or rejected is nobody HR vouched for). Two
    queries whatever the size of the file."""
    by_number, by_private = {}, {}
    verified = ~Q(membership__status__in=(Membership.Status.PENDING, Membership.Status.REJECTED))
    if numbers:
        memberships = (
            Membership.objects.filter(status=Membership.Status.VERIFIED)
            .filter(
                Q(former_person__employee_number__in=numbers)
                | Q(former_person__isnull=True, claimed_employee_number__in=numbers)
            )
            .filter(user__is_active=True, user__kind__in=NETWORK)
            .select_related("user", "former_person")
        )
        by_number = _unique(
            (m.former_person.employee_number if m.former_person else m.claimed_employee_number,
             m.user)
            for m in memberships
        )  # fmt: skip
    if private_emails:
        accounts = User.objects.filter(
            verified, is_active=True, kind__in=NETWORK, email__in=private_emails
        )
        by_private = _unique((a.email.lower(), a) for a in accounts)
    return by_number, by_private


def handle_person_imported(sender, person, private_email="", **kwargs):
    """The import's optional private e-mail column: kept on the person's departure record,
    where the invitation to the network goes on the end date."""
    private_email = (private_email or "").strip().lower()
    if not private_email or person.kind not in (User.Kind.EMPLOYEE, User.Kind.FORMER_EMPLOYEE):
        return
    Departure.objects.update_or_create(person=person, defaults={"private_email": private_email})
