import uuid
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

HR_GROUP = "HR"
HR_LEADS_GROUP = "HR leads"
# Communications: curates share kits and moderates blogs with HR (the group is created by
# sharing's migration; news and sharing ask `user.is_communications`).
COMMUNICATIONS_GROUP = "Communicatie"


class Department(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    # The code the HRIS uses; the import accepts either the code or the name.
    code = models.CharField(_("code"), max_length=20, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self):
        return self.name


class JobRole(models.Model):
    """A job as the organisation names it; competency requirements hang off it later."""

    title = models.CharField(_("title"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("job role")
        verbose_name_plural = _("job roles")
        ordering = ["title"]

    def __str__(self):
        return self.title


def _second_factor_exists():
    """Whether the user has set up a second factor (an authenticator app or a security key;
    recovery codes alone are no factor)."""
    from allauth.mfa.models import Authenticator

    return Exists(
        Authenticator.objects.filter(user=OuterRef("pk")).exclude(
            type=Authenticator.Type.RECOVERY_CODES
        )
    )


class UserQuerySet(models.QuerySet):
    def with_email(self, email: str):
        """The person with this address, whatever its case, on the lower(email) index that
        keeps addresses unique (`email__iexact` compares UPPER() and reads every row)."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=(email or "").lower())

    def active(self):
        return self.filter(is_active=True)

    def employees(self):
        """Current staff: managers and HR are employees too."""
        return self.filter(is_active=True, kind=User.Kind.EMPLOYEE)

    def hr_staff(self):
        return self.filter(is_active=True, groups__name=HR_GROUP)

    def hr_leads(self):
        return self.filter(is_active=True, groups__name=HR_LEADS_GROUP)

    def managers(self):
        return self.filter(
            Exists(User.objects.filter(manager=OuterRef("pk"), is_active=True)), is_active=True
        )

    def reports_of(self, manager):
        return self.filter(manager=manager, is_active=True)

    def with_roles(self):
        """Annotate the role flags (is_hr_member, is_hr_lead_member, is_communications_member,
        has_reports), so lists
        and the signed-in user (people.backends) know their roles without extra queries."""
        membership = User.groups.through.objects.filter(user=OuterRef("pk"))
        return self.annotate(
            is_hr_member=Exists(membership.filter(group__name=HR_GROUP)),
            is_hr_lead_member=Exists(membership.filter(group__name=HR_LEADS_GROUP)),
            is_communications_member=Exists(membership.filter(group__name=COMMUNICATIONS_GROUP)),
            has_reports=Exists(User.objects.filter(manager=OuterRef("pk"), is_active=True)),
            has_second_factor_annotated=_second_factor_exists(),
        )

    def directory(self):
        """The colleague directory: active employees with what their card shows."""
        return self.employees().select_related("department", "job_role").order_by("full_name")

    # Searched by hrsocial.search; PostgreSQL indexes this exact pair (migration 0003).
    SEARCH_FIELDS = ("full_name", "bio")


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Everyone who signs in: employees (managers and HR included), alumni and freelancers.

    People sign in with their e-mail address. Fields are what the portal needs to route
    questions, show colleagues and build the networks; nothing is kept "just in case".
    """

    class Kind(models.TextChoices):
        EMPLOYEE = "employee", _("Employee")
        ALUMNUS = "alumnus", _("Alumnus")
        FREELANCER = "freelancer", _("Freelancer")
        # Someone whose employment ended (people.services.employment_end): no employee access
        # any more; the alumni network may invite them later ("alumnus candidate").
        FORMER_EMPLOYEE = "former_employee", _("Former employee (alumni candidate)")

    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.EMPLOYEE)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language, default=Language.DUTCH
    )
    # Links the portal to the HRIS, so a re-import updates people instead of duplicating them.
    employee_number = models.CharField(
        _("employee number"), max_length=30, unique=True, null=True, blank=True
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    job_role = models.ForeignKey(
        JobRole,
        verbose_name=_("job role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="holders",
    )
    # Managers approve trainings and review competencies of their direct reports.
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    # The last day of employment: access as an employee ends after it (offboarding).
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # When the offboarding ran: tells a leaver apart from an alumnus who signed up, and lets
    # an end date moved back into the future give the access back.
    employment_ended_at = models.DateTimeField(_("employment ended"), null=True, blank=True)
    bio = models.TextField(_("short bio"), max_length=500, blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    x_url = models.URLField(_("X profile"), blank=True)

    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("admin access"),
        default=False,
        help_text=_("May sign in to the technical administration (/admin/)."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        indexes = [
            # The colleague directory: active employees in name order, paged.
            models.Index(
                fields=["full_name"],
                condition=Q(is_active=True, kind="employee"),
                name="people_user_directory",
            ),
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="people_user_email_ci_unique"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="people_user_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=~Q(manager=models.F("pk")),
                name="people_user_not_own_manager",
                violation_error_message=_("Nobody can be their own manager."),
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_absolute_url(self):
        return reverse("people:profile", kwargs={"pk": self.pk})

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.first_name

    @property
    def first_name(self) -> str:
        """What a greeting uses ("Beste Emma"): the first word of the full name."""
        return (self.full_name or self.email).split()[0]

    def clean(self):
        super().clean()
        self.email = (self.email or "").strip().lower()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.manager_id:
            if self.pk and self.manager_id == self.pk:
                raise ValidationError({"manager": _("Nobody can be their own manager.")})
            if self.pk and self.manager_chain_contains(self.manager, self.pk):
                raise ValidationError(
                    {
                        "manager": _(
                            "This would make a management cycle: %(name)s reports to this person."
                        )
                        % {"name": self.manager}
                    }
                )

    @staticmethod
    def manager_chain_contains(start, person_pk) -> bool:
        """Whether walking up from `start` through managers reaches `person_pk` (a cycle)."""
        seen = set()
        current = start
        while current is not None and current.pk not in seen:
            if current.pk == person_pk:
                return True
            seen.add(current.pk)
            current = current.manager
        return False

    # Roles. Cached per request (the user object lives for one request), so the navigation
    # and permission checks share one query each.
    @cached_property
    def group_names(self) -> frozenset:
        if not self.pk:
            return frozenset()
        return frozenset(self.groups.values_list("name", flat=True))

    @property
    def is_employee(self) -> bool:
        return self.is_active and self.kind == self.Kind.EMPLOYEE

    @property
    def employment_has_ended(self) -> bool:
        """Whether the last day of employment is behind us (the end date itself still counts
        as a working day)."""
        return self.end_date is not None and self.end_date < timezone.localdate()

    @property
    def is_alumnus(self) -> bool:
        return self.is_active and self.kind == self.Kind.ALUMNUS

    @property
    def is_freelancer(self) -> bool:
        return self.is_active and self.kind == self.Kind.FREELANCER

    # The signed-in user comes with its role flags annotated (UserQuerySet.with_roles, loaded
    # by people.backends); other instances ask the database once.
    @property
    def is_hr(self) -> bool:
        if "is_hr_member" in self.__dict__:
            return self.is_employee and self.is_hr_member
        return self.is_employee and HR_GROUP in self.group_names

    @property
    def is_communications(self) -> bool:
        """An employee in the comms group ("Communicatie")."""
        if "is_communications_member" in self.__dict__:
            return self.is_employee and self.is_communications_member
        return self.is_employee and COMMUNICATIONS_GROUP in self.group_names

    @property
    def has_second_factor(self) -> bool:
        """An authenticator app or a security key/passkey is set up (allauth.mfa)."""
        if "has_second_factor_annotated" in self.__dict__:
            return self.has_second_factor_annotated
        return User.objects.filter(pk=self.pk).filter(_second_factor_exists()).exists()

    @property
    def is_hr_lead(self) -> bool:
        if "is_hr_lead_member" in self.__dict__:
            return self.is_employee and self.is_hr_lead_member
        return self.is_employee and HR_LEADS_GROUP in self.group_names

    @cached_property
    def is_manager(self) -> bool:
        """A manager is anyone with active direct reports; there is no separate flag."""
        if "has_reports" in self.__dict__:
            return self.has_reports
        return bool(self.pk) and self.direct_reports.filter(is_active=True).exists()

    @property
    def language_for_email(self) -> str:
        languages = {code for code, _name in settings.LANGUAGES}
        return self.preferred_language if self.preferred_language in languages else "nl"


class ImportBatch(models.Model):
    """An HRIS file between its preview and its import.

    HR uploads a file and sees what it would change; confirming imports exactly that file,
    once (the status moves on under a row lock). The file is kept only for that: it belongs to
    whoever uploaded it, expires after IMPORT_PREVIEW_MINUTES, and its bytes are removed once
    it is imported, refused or expired (the summary stays, as the audit log's detail).
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Checked, waiting for your confirmation")
        INVALID = "invalid", _("Has problems: nothing imported")
        QUEUED = "queued", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        User, verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    file_name = models.CharField(_("file name"), max_length=200)
    # The file itself, in the database so that every web process and worker reads the same
    # bytes and nothing of it is ever served as a media file.
    data = models.BinaryField(_("file"), editable=False)
    digest = models.CharField(_("SHA-256 of the file"), max_length=64)
    status = models.CharField(_("status"), max_length=20, choices=Status)
    # What the preview showed: counts, changes and problems ({"counts": ..., "changes": ...}).
    preview = models.JSONField(_("preview"), default=dict)
    fingerprint = models.CharField(_("fingerprint of the changes"), max_length=64, blank=True)
    invite = models.BooleanField(_("invite new people"), default=False)
    result = models.JSONField(_("result"), default=dict)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("HRIS import")
        verbose_name_plural = _("HRIS imports")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.file_name} ({self.uploaded_at:%Y-%m-%d %H:%M})"

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def can_be_confirmed(self) -> bool:
        return self.status == self.Status.PREVIEWED and not self.has_expired

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.QUEUED
