"""What other practice apps may use of the alumni network."""

from alumni.permissions import is_member  # noqa: F401  (whether someone is a verified member)


def daily_figures(day) -> dict:
    """For insights: what the alumni and freelancer network saw on `day` (hrsocial.daily).
    Members have no department, so these count in the organisation's figures only (None):
    new network accounts (sign-ups and accounts HR made), memberships verified, at the end of
    the day the share of members who chose to appear in the directory, interest shown in
    gigs, gigs filled (HR picked someone: the audit log's "alumni.gig_pick") and, per their
    new department, boomerangs: former members who started as employees again that day.
    Six queries, whatever the size of the network."""
    from django.db.models import Count, Q

    from alumni.models import Interest, Membership
    from hrsocial.daily import day_bounds, per_department
    from hrsocial.models import AuditEntry
    from people.models import User

    start, end = day_bounds(day)
    network = (User.Kind.ALUMNUS, User.Kind.FREELANCER)

    def one(n) -> dict:
        return {None: (float(n), 0)} if n else {}

    joined = User.objects.filter(kind__in=network, date_joined__gte=start, date_joined__lt=end)
    verified = Membership.objects.filter(
        status=Membership.Status.VERIFIED, decided_at__gte=start, decided_at__lt=end
    )
    members = (
        User.objects.filter(is_active=True, kind__in=network, date_joined__lt=end)
        .exclude(membership__status__in=(Membership.Status.PENDING, Membership.Status.REJECTED))
        .aggregate(n=Count("pk"), listed=Count("pk", filter=Q(alumni_profile__in_directory=True)))
    )
    interest = Interest.objects.filter(created_at__gte=start, created_at__lt=end)
    fills = AuditEntry.objects.filter(
        action="alumni.gig_pick", created_at__gte=start, created_at__lt=end
    )
    boomerangs = (
        User.objects.employees()
        .filter(start_date=day)
        .filter(Q(membership__isnull=False) | Q(alumni_profile__isnull=False))
    )
    return {
        "members": one(joined.count()),
        "verified": one(verified.count()),
        "directory_opt_in": (
            {None: (float(members["listed"]), members["n"])} if members["n"] else {}
        ),
        "gig_interest": one(interest.count()),
        "gig_fills": one(fills.count()),
        "boomerang_hires": per_department(boomerangs, "department"),
    }
