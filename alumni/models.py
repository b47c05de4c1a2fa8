from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Membership.Status.PENDING)

    def verification_queue(self):
        """HR's queue: sign-ups waiting for a decision, oldest first."""
        return self.pending().select_related("user", "former_person").order_by("created_at", "pk")


class Membership(models.Model):
    """A person's place in the alumni and freelancer network, from the self sign-up on.

    Accounts that HR created as alumni or freelancers (the admin, the HRIS import) have no
    membership row: HR vouched for them. A sign-up waits here until it is verified, either at
    once (the claims match a former employee) or by HR in the verification queue.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    # What the person told us at sign-up to prove they worked here; kept only for HR's check.
    claimed_employee_number = models.CharField(
        _("former employee number"), max_length=30, blank=True
    )
    claimed_work_email = models.EmailField(_("former work e-mail address"), blank=True)
    # The former employee's own (ended) account the claims matched, when they did.
    former_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("former employee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    auto_verified = models.BooleanField(_("verified automatically"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reject_reason = models.TextField(_("reason for rejection"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(reject_reason=""),
                name="alumni_membership_rejected_has_reason",
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_status_display()})"

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED


class SkillQuerySet(models.QuerySet):
    def matching(self, text: str) -> list[int]:
        """The ids of the skills a directory search for `text` finds (part of the name)."""
        return list(self.filter(name__icontains=text).values_list("pk", flat=True))


class Skill(models.Model):
    """A skill or area of expertise members tag themselves with (searched in the directory
    and matched against gigs)."""

    name = models.CharField(_("name"), max_length=60, unique=True)

    objects = SkillQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Visibility(models.TextChoices):
    HR = "hr", _("HR only")
    MEMBERS = "members", _("Members of the network")
    NOBODY = "nobody", _("Nobody")


def _searchable(field: str, *, for_hr: bool) -> models.Q:
    """Members a search may find by `field`: those who share it with members, and for HR also
    those who keep it for HR (the default, when the member never chose); never "nobody"."""
    if not for_hr:
        return models.Q(**{f"visibility__{field}": Visibility.MEMBERS})
    return ~models.Q(visibility__has_key=field) | ~models.Q(
        **{f"visibility__{field}": Visibility.NOBODY}
    )


class ProfileQuerySet(models.QuerySet):
    def in_network(self):
        """Active alumni and freelancers whose membership is not waiting or refused. NOT EXISTS
        rather than exclude() across the membership join: PostgreSQL estimated that join at one
        row and ran every other filter as a loop per profile (82 ms over 20,000 members)."""
        refused = Membership.objects.filter(
            user=models.OuterRef("user"), status__in=("pending", "rejected")
        )
        return self.filter(user__is_active=True, user__kind__in=("alumnus", "freelancer")).filter(
            ~models.Exists(refused)
        )

    def directory(self):
        """Members who chose to appear in the directory, with what their card shows, in name
        order: the order of the index alumni migration 0007 keeps on the people table (active
        alumni and freelancers by name, then id), so PostgreSQL walks that index and checks
        each member's profile and membership on the way instead of sorting them all. The
        privacy rules stay conditions of the query, never a copy kept elsewhere."""
        return (
            self.in_network().filter(in_directory=True)
            .select_related("user")
            .prefetch_related("skills")
            .order_by("user__full_name", "user_id")
        )  # fmt: skip

    def directory_search(self, *, for_hr: bool, skill_ids=None, available_on=None):
        """The directory narrowed to members tagged with one of `skill_ids` (None: any
        member; the ids of the skills a search matches, Skill.objects.matching), and to those
        available on the day `available_on`. Other members search only what the person shares
        with members: a search must never reveal a skill or an availability kept from them
        (the cards show per field too, Profile.shown_to)."""
        rows = self.directory()
        if skill_ids is not None:
            # The members tagged with one of the skills as one set: no DISTINCT over 20,000
            # members, and no lookup per member (a correlated EXISTS ran one per profile:
            # 84 ms for the count alone).
            tagged = Profile.skills.through.objects.filter(skill_id__in=skill_ids)
            rows = rows.filter(pk__in=tagged.values("profile_id"))
            rows = rows.filter(_searchable("skills", for_hr=for_hr))
        if available_on is not None:
            rows = rows.available_on(available_on)
            rows = rows.filter(_searchable("availability", for_hr=for_hr))
        return rows

    def matchable_on(self, day):
        """Members HR may match to a gig starting on `day`: in the network and available that
        day, unless they keep their availability even from HR ("nobody")."""
        return self.in_network().filter(_searchable("availability", for_hr=True)).available_on(day)

    def available_on(self, day):
        return self.filter(
            models.Q(available_from__isnull=False, available_from__lte=day),
            models.Q(available_until__isnull=True) | models.Q(available_until__gte=day),
        )


class Profile(models.Model):
    """What a member tells the network about themselves. Every field starts visible to HR
    only and every consent starts off, until the member changes them (privacy by default)."""

    # The fields whose visibility the member chooses (`visibility` maps each to a Visibility).
    SHARED_FIELDS = (
        "former_department", "years", "current_organisation", "current_role", "skills",
        "linkedin_url", "availability", "open_to_return",
    )  # fmt: skip

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alumni_profile"
    )
    former_department = models.CharField(_("former department"), max_length=100, blank=True)
    year_from = models.PositiveSmallIntegerField(
        _("worked here from (year)"), null=True, blank=True
    )
    year_to = models.PositiveSmallIntegerField(_("until (year)"), null=True, blank=True)
    current_organisation = models.CharField(_("current organisation"), max_length=150, blank=True)
    current_role = models.CharField(_("current role"), max_length=150, blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("skills and expertise"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    available_from = models.DateField(_("available for gigs from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"), null=True, blank=True)
    open_to_return = models.BooleanField(_("open to returning"), default=False)
    # Freelancers: the Chamber of Commerce number (KvK, eight digits) and a rate for HR only.
    kvk_number = models.CharField(_("KvK number"), max_length=8, blank=True)
    hourly_rate_min = models.DecimalField(
        _("hourly rate from"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    hourly_rate_max = models.DecimalField(
        _("hourly rate up to"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    visibility = models.JSONField(_("visibility per field"), default=dict, blank=True)
    in_directory = models.BooleanField(_("appear in the directory"), default=False)
    receives_newsletter = models.BooleanField(_("receive the newsletter"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(available_until__isnull=True)
                | models.Q(available_from__isnull=True)
                | models.Q(available_until__gte=models.F("available_from")),
                name="alumni_profile_available_until_after_from",
            ),
        ]

    def __str__(self):
        return str(self.user)

    def visibility_of(self, field: str) -> str:
        return self.visibility.get(field, Visibility.HR)

    def shown_to(self, viewer) -> set[str]:
        """The shared fields `viewer` may see: the member all; HR what is not "nobody";
        other members what is "members"."""
        if viewer.pk == self.user_id:
            return set(self.SHARED_FIELDS)
        if viewer.is_authenticated and viewer.is_hr:
            return {f for f in self.SHARED_FIELDS if self.visibility_of(f) != Visibility.NOBODY}
        return {f for f in self.SHARED_FIELDS if self.visibility_of(f) == Visibility.MEMBERS}


class GigQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Gig.Status.OPEN)

    def listed(self):
        return self.exclude(status=Gig.Status.DRAFT).order_by("-created_at", "-pk")


class Gig(models.Model):
    """A gig ("klus"): a piece of work HR offers to alumni and freelancers."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")

    class Place(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        REMOTE = "remote", _("Remote")
        HYBRID = "hybrid", _("On site and remote")

    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=5000)
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"), null=True, blank=True)
    place = models.CharField(_("where"), max_length=20, choices=Place, default=Place.HYBRID)
    # The work's department and role, so HR is warned when a former employee would do the same
    # work as a freelancer (Wet DBA, see alumni.services.gig_dba_warnings).
    department = models.ForeignKey(
        "people.Department", verbose_name=_("department"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    job_role = models.ForeignKey(
        "people.JobRole", verbose_name=_("role"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    picked = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("picked"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = GigQuerySet.as_manager()

    class Meta:
        verbose_name = _("gig")
        verbose_name_plural = _("gigs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="alumni_gig_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("alumni:gig-detail", kwargs={"pk": self.pk})


class Interest(models.Model):
    """A member saying "I would like to do this gig", with a short note for HR."""

    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="interests")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gig_interests"
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(fields=["gig", "member"], name="alumni_interest_once")
        ]

    def __str__(self):
        return f"{self.member} → {self.gig}"


# The monthly newsletter and the invitation on the end date (alumni.newsletter,
# alumni.invitations).


class NewsletterDelivery(models.Model):
    """One member's newsletter of one month: the row is the guarantee that a retried or
    repeated run never sends the month's newsletter twice (unique per member and month), and
    its time is where the next newsletter's "new since" starts."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    month = models.CharField(_("month"), max_length=7)  # "2026-12"
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["member", "month"], name="alumni_newsletter_once")
        ]

    def __str__(self):
        return f"{self.member} {self.month}"


class Departure(models.Model):
    """What HR knows about a person's leaving that the work account does not: the private
    e-mail address the alumni invitation goes to (the work address stops with the job),
    whether HR marked the departure as "do not invite", and when the invitation went."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="departure",
    )  # fmt: skip
    private_email = models.EmailField(_("private e-mail address"), blank=True)
    do_not_invite = models.BooleanField(
        _("do not invite to the alumni network"), default=False,
        help_text=_("HR decided this departure gets no invitation to the alumni network."),
    )  # fmt: skip
    invited_at = models.DateTimeField(_("invited to the network at"), null=True, blank=True)

    class Meta:
        verbose_name = _("departure")
        verbose_name_plural = _("departures")

    def __str__(self):
        return str(self.person)


# Events: reunions and knowledge sessions, with sign-ups and a waiting list (alumni.events).


class EventQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Events that have not started yet, soonest first."""
        from django.utils import timezone

        return self.filter(starts_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def with_waitlist(self):
        """Annotate `waitlist_count` without a query per event."""
        waiting = (
            EventRegistration.objects.filter(
                event=models.OuterRef("pk"), status=EventRegistration.Status.WAITLISTED
            )
            .order_by()
            .values("event")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            waitlist_count=models.functions.Coalesce(models.Subquery(waiting[:1]), 0)
        )


class Event(models.Model):
    """A reunion or knowledge session for the network.

    `seats_taken` counts the sign-ups with a seat; only alumni.events changes it, inside a
    transaction that holds this row's lock, and the database refuses it above `capacity`.
    """

    class Kind(models.TextChoices):
        REUNION = "reunion", _("Reunion")
        KNOWLEDGE = "knowledge", _("Knowledge session")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.REUNION)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    # At least one seat (the constraint below); alumni.events.EventForm caps it at 10,000.
    capacity = models.PositiveIntegerField(_("seats"))
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    # Bumped when the time or place changes, so calendars replace the event (RFC 5545).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # HR called the event off (alumni.events.event_call_off): it stays visible as cancelled,
    # sign-ups are refused, and calendars drop it (STATUS:CANCELLED).
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    cancel_reason = models.CharField(
        _("reason for cancelling"), max_length=500, blank=True, editable=False
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="alumni_event_ends_after_start",
                violation_error_message=_("The end must be after the start."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1),
                name="alumni_event_capacity_positive",
                violation_error_message=_("An event has at least one seat."),
            ),
            models.CheckConstraint(
                condition=models.Q(seats_taken__lte=models.F("capacity")),
                name="alumni_event_not_overbooked",
                violation_error_message=_("More seats are taken than the event has."),
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("alumni:event-detail", kwargs={"pk": self.pk})

    @property
    def free_seats(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    def has_started(self, now=None) -> bool:
        from django.utils import timezone

        return self.starts_at <= (now or timezone.now())

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class EventRegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=EventRegistration.Status.CANCELLED)

    def waitlisted(self):
        """The waiting list in its order: first come, first served."""
        return self.filter(status=EventRegistration.Status.WAITLISTED).order_by("created_at", "pk")


class EventRegistration(models.Model):
    """A member's sign-up for an event: a seat, or a place on the waiting list."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Signed up")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    booked_at = models.DateTimeField(_("seat since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = EventRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("event sign-up")
        verbose_name_plural = _("event sign-ups")
        constraints = [
            # One live sign-up per member and event; after cancelling one may sign up again.
            models.UniqueConstraint(
                fields=["event", "member"],
                condition=~models.Q(status="cancelled"),
                name="alumni_event_registration_once",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.member} → {self.event}"


# Freelancers HR invites by e-mail (alumni.freelancers).


class FreelancerInvitation(models.Model):
    """HR's invitation of a freelancer: the account HR vouches for is made at once (with no
    usable password, so nobody can sign in with it), the e-mail goes through the outbox, and
    the freelancer completes the sign-up from the signed link (password, KvK number, rates,
    expertise). Accepted once; `sent_at` is the latest send (HR may send it again)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("freelancer"), on_delete=models.CASCADE,
        related_name="freelancer_invitation",
    )  # fmt: skip
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    message = models.TextField(_("personal message"), max_length=1000, blank=True)
    sent_at = models.DateTimeField(_("sent at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("freelancer invitation")
        verbose_name_plural = _("freelancer invitations")

    def __str__(self):
        return str(self.person)

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None
