"""Vacancies, applications, referrals and candidate questions (practice 9).

Candidates are not users of the portal: what we keep about them is on `Application` (and on
`Referral` and `CandidateQuestion`), shredded by the retention task (NVP sollicitatiecode) while
the row's stage, channel and dates stay for the anonymous figures. There is deliberately no
field for a candidate's salary history: the EU pay-transparency directive forbids asking.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial.i18n import localized
from recruitment.storage import cv_storage

# Short retention without consent, long with (NVP sollicitatiecode, September 2025).
SHORT_RETENTION = timedelta(weeks=4)
LONG_RETENTION = timedelta(days=365)
# One candidate counts as referred by the first person who referred the address this long ago.
REFERRAL_WINDOW = timedelta(days=183)


def email_hash(address: str) -> str:
    """What we keep of an address for "never again" and the first-referral rule: a hash, so
    the opt-out list itself holds no addresses."""
    normalised = (address or "").strip().lower()
    return hashlib.sha256(f"recruitment:{normalised}".encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class VacancyQuerySet(models.QuerySet):
    # The global search (hrsocial.search): both languages, so either finds the vacancy.
    SEARCH_FIELDS = ("title", "title_en", "description", "description_en")

    def open(self, day=None):
        """Open now: status open and today between the open and close dates."""
        day = day or timezone.localdate()
        return self.filter(status=Vacancy.Status.OPEN, opens_on__lte=day).filter(
            Q(closes_on__isnull=True) | Q(closes_on__gte=day)
        )

    def public(self):
        return self.filter(visibility=Vacancy.Visibility.PUBLIC)

    def visible_to(self, user):
        """Visitors, alumni and freelancers: public vacancies; employees internal ones too."""
        if user is not None and user.is_authenticated and user.is_employee:
            return self
        return self.public()


class Vacancy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")
        FILLED = "filled", _("filled")

    class Visibility(models.TextChoices):
        INTERNAL = "internal", _("internal only")
        PUBLIC = "public", _("public")

    class EmploymentType(models.TextChoices):
        # The values are schema.org's (Google's employmentType).
        FULL_TIME = "FULL_TIME", _("full-time")
        PART_TIME = "PART_TIME", _("part-time")
        TEMPORARY = "TEMPORARY", _("temporary")
        INTERN = "INTERN", _("internship")

    # Dutch texts are required; the English twins are optional and shown to English readers
    # when filled in (hrsocial.i18n.localized, the project's one twin-field pattern).
    title = models.CharField(_("title"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150, blank=True)
    slug = models.SlugField(_("address name"), max_length=160, unique=True)
    department = models.ForeignKey(
        "people.Department", verbose_name=_("department"), on_delete=models.PROTECT,
        related_name="vacancies",
    )  # fmt: skip
    job_role = models.ForeignKey(
        "people.JobRole", verbose_name=_("job role"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="vacancies",
        help_text=_("The required competencies come from the job role's profile."),
    )  # fmt: skip
    location = models.CharField(_("place of work"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    remote = models.BooleanField(
        _("remote work"), default=False, help_text=_("The job can be done from home entirely.")
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), validators=[MinValueValidator(1)]
    )
    employment_type = models.CharField(
        _("employment type"), max_length=20, choices=EmploymentType, default="FULL_TIME"
    )
    # Per month, gross: required for public vacancies (pay transparency).
    salary_min = models.DecimalField(
        _("salary from (per month)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    salary_max = models.DecimalField(
        _("salary up to (per month)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("description (Markdown)"))
    description_en = models.TextField(_("description (Markdown, English)"), blank=True)
    requirements = models.TextField(_("requirements (Markdown)"), blank=True)
    requirements_en = models.TextField(_("requirements (Markdown, English)"), blank=True)
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    referral_bonus = models.DecimalField(
        _("referral bonus"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-opens_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=F("salary_max")),
                name="recruitment_salary_min_at_most_max",
            ),
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True) | Q(closes_on__gte=F("opens_on")),
                name="recruitment_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=~Q(visibility="public")
                | (Q(salary_min__isnull=False) & Q(salary_max__isnull=False)),
                name="recruitment_public_has_salary",
            ),
        ]
        indexes = [models.Index(fields=["status", "visibility", "opens_on"])]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        if self.is_public:
            return reverse("recruitment-public:vacancy", args=[self.slug])
        return reverse("recruitment:vacancy", args=[self.pk])

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_description(self) -> str:
        return localized(self, "description")

    @property
    def display_requirements(self) -> str:
        # English readers get the Dutch requirements when only the description was translated.
        return localized(self, "requirements")

    @property
    def search_snippet(self) -> str:
        return f"{self.department.name} · {self.location}"

    def clean(self):
        errors = {}
        has_range = self.salary_min is not None and self.salary_max is not None
        if has_range and self.salary_min > self.salary_max:
            errors["salary_max"] = _("The maximum salary cannot be below the minimum.")
        if self.visibility == self.Visibility.PUBLIC:
            if self.salary_min is None:
                errors["salary_min"] = _("A public vacancy states its salary range.")
            if self.salary_max is None:
                errors["salary_max"] = _("A public vacancy states its salary range.")
        if self.closes_on and self.opens_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("The close date cannot be before the open date.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    def is_open(self, day=None) -> bool:
        day = day or timezone.localdate()
        return (
            self.status == self.Status.OPEN
            and self.opens_on <= day
            and (self.closes_on is None or self.closes_on >= day)
        )

    def public_url(self) -> str:
        return settings.SITE_URL + reverse("recruitment-public:vacancy", args=[self.slug])


class Application(models.Model):
    """A sollicitatie. The personal fields are blanked by `application_shred`; the stage,
    channel and dates stay for the figures."""

    class Stage(models.TextChoices):
        NEW = "new", _("new")
        SCREENING = "screening", _("screening")
        INTERVIEW = "interview", _("interview")
        OFFER = "offer", _("offer")
        HIRED = "hired", _("hired")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    ENDED = (Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN)

    class Channel(models.TextChoices):
        DIRECT = "direct", _("direct (the careers page)")
        LINKEDIN = "linkedin", _("LinkedIn")
        X = "x", _("X")
        FACEBOOK = "facebook", _("Facebook")
        WHATSAPP = "whatsapp", _("WhatsApp")
        EMAIL = "email", _("e-mail")
        REFERRAL = "referral", _("referred by name")
        INTERNAL = "internal", _("internal (employee)")

    vacancy = models.ForeignKey(
        Vacancy, verbose_name=_("vacancy"), on_delete=models.PROTECT, related_name="applications"
    )
    # The private status page's key (unguessable, 256 bits).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    motivation = models.TextField(_("motivation"), max_length=5000, blank=True)
    cv = models.FileField(_("CV"), storage=cv_storage, upload_to="cv/%Y/%m/", blank=True)
    cv_name = models.CharField(max_length=150, blank=True)
    # The language the candidate applied in: their e-mails are in it.
    language = models.CharField(_("language"), max_length=5, default="nl")
    long_retention = models.BooleanField(
        _("keep my data for one year"), default=False,
        help_text=_("Without consent the data is deleted four weeks after the procedure."),
    )  # fmt: skip
    # An employee applying internally (internal mobility); no CV needed then.
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("employee"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    tell_manager = models.BooleanField(_("my manager may know"), default=False)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage, default=Stage.NEW)
    channel = models.CharField(
        _("source channel"), max_length=10, choices=Channel, default=Channel.DIRECT
    )
    # The referral: who, through which personal link (sharing's code), never a foreign key
    # into sharing's tables.
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("referrer"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="referred_applications",
    )  # fmt: skip
    referral_code = models.CharField(_("referral link code"), max_length=40, blank=True)
    bonus_amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    bonus_due_at = models.DateTimeField(_("referral bonus due"), null=True, blank=True)
    bonus_paid_at = models.DateTimeField(_("referral bonus paid"), null=True, blank=True)
    # NVP sollicitatiecode: HR records when the public social-media profiles were looked at.
    social_screened_at = models.DateTimeField(_("social media looked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied"), default=timezone.now)
    stage_changed_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(_("procedure ended"), null=True, blank=True)
    delete_after = models.DateTimeField(_("delete personal data after"), null=True, blank=True)
    shredded_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            models.Index(fields=["vacancy", "-created_at"], name="recruitment_app_vacancy"),
            models.Index(fields=["vacancy", "stage", "-created_at"], name="recruitment_app_stage"),
            models.Index(
                fields=["delete_after"], name="recruitment_app_retention",
                condition=Q(shredded_at__isnull=True),
            ),
            models.Index(fields=["referrer", "-created_at"], name="recruitment_app_referrer"),
            models.Index(fields=["email"], name="recruitment_app_email"),
            # insights (recruitment.api.daily_figures): the day's applications and hires.
            models.Index(fields=["created_at"], name="recruitment_app_created"),
            models.Index(fields=["stage", "ended_at"], name="recruitment_app_ended"),
        ]  # fmt: skip

    def __str__(self):
        return self.name or _("application %(pk)s") % {"pk": self.pk}

    @property
    def language_for_email(self) -> str:
        """hrsocial.emails asks a recipient for this (candidates are not users)."""
        return self.language

    @property
    def is_ended(self) -> bool:
        return self.stage in self.ENDED

    @property
    def is_shredded(self) -> bool:
        return self.shredded_at is not None

    def coarse_status(self) -> str:
        """What a referrer may know: received, in progress, hired or closed."""
        if self.stage == self.Stage.NEW:
            return _("received")
        if self.stage == self.Stage.HIRED:
            return _("hired")
        if self.is_ended:
            return _("closed")
        return _("in progress")

    def get_status_url(self) -> str:
        return reverse("recruitment-public:status", args=[self.token])


class StageChange(models.Model):
    """When an application entered a stage: the figures' time in each stage."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="changes")
    stage = models.CharField(max_length=10, choices=Application.Stage)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["application", "at"])]

    def __str__(self):
        return f"{self.application_id}: {self.stage}"


class ApplicationNote(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.application_id}: {self.created_at:%Y-%m-%d}"


class CandidateMessage(models.Model):
    """An e-mail to a candidate (who is not a user), written before it is sent: `key` makes
    each one exist once and `sent_at` makes the task send it once, also when retried."""

    key = models.CharField(max_length=120, unique=True)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    to = models.EmailField(blank=True)
    language = models.CharField(max_length=5, default="nl")
    template = models.CharField(max_length=100)
    subject = models.CharField(max_length=250, blank=True)
    body = models.TextField(blank=True)
    html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"], name="recruitment_msg_unsent",
                condition=Q(sent_at__isnull=True),
            )
        ]  # fmt: skip

    def __str__(self):
        return self.key


class Referral(models.Model):
    """One person referring a candidate: directly by name and e-mail, or by the candidate
    following their personal link. The first referral of an address within six months wins."""

    class Kind(models.TextChoices):
        DIRECT = "direct", _("by name")
        LINK = "link", _("personal link")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="referrals")
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referrals"
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.DIRECT)
    email_hash = models.CharField(max_length=64, db_index=True)
    # Shredded with the candidate's data; the hash stays for the six-month rule.
    name = models.CharField(_("candidate's name"), max_length=150, blank=True)
    email = models.EmailField(_("candidate's e-mail address"), blank=True)
    note = models.TextField(_("personal note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )

    class Meta:
        indexes = [models.Index(fields=["email_hash", "created_at"])]

    def __str__(self):
        return f"{self.vacancy_id}: {self.referrer_id}"


class ReferralOptOut(models.Model):
    """ "Never again": a hash of the address, so this list holds no addresses."""

    email_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.email_hash[:12]


class ReferrerPreference(models.Model):
    """A referrer's opt-in to appear by name among the top referrers."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referrer_preference"
    )
    show_name = models.BooleanField(_("show my name among the top referrers"), default=False)

    def __str__(self):
        return str(self.user_id)


class CandidateQuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True).exclude(answer="")

    def for_vacancy(self, vacancy):
        """Its own answered questions, and the department's general ones."""
        return self.published().filter(
            Q(vacancy=vacancy) | Q(is_general=True, vacancy__department_id=vacancy.department_id)
        )


class CandidateQuestion(models.Model):
    """ "Beantwoord je vragen van kandidaten": a visitor's question, answered by HR."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="questions")
    name = models.CharField(_("name (optional)"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address for the answer"), blank=True)
    language = models.CharField(max_length=5, default="nl")
    question = models.TextField(_("question"), max_length=2000)
    answer = models.TextField(_("answer"), max_length=5000, blank=True)
    is_general = models.BooleanField(
        _("general question"), default=False,
        help_text=_("Shown on all the department's vacancies."),
    )  # fmt: skip
    is_published = models.BooleanField(_("published"), default=False)
    asked_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    objects = CandidateQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at"]

    def __str__(self):
        return self.question[:60]

    @property
    def language_for_email(self) -> str:
        return self.language
