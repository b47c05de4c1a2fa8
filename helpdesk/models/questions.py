"""Questions to HR, the conversation about them, attachments, saved replies and ratings."""

import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from helpdesk.anonymity import day_part_end, day_part_label, mailboxes_of
from helpdesk.models.routing import Category
from helpdesk.storage import private_storage
from hrsocial.formatting import table_datetime
from hrsocial.i18n import localized

MAX_TEXT_LENGTH = 10_000
# Question references: ten characters without look-alikes (0/O, 1/I), 50 random bits.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 10


def new_reference() -> str:
    """A random reference: numbers in sequence would show which questions were asked one
    after another, and so line an anonymous question up with its asker's named ones."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING = "waiting", _("Waiting for asker")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING)


class ReplyStatus(models.TextChoices):
    """What a reply does to the question's status: the two that tell the asker where they
    stand, or none (a reply in between; a new question becomes "open")."""

    ANSWERED = Status.ANSWERED.value, Status.ANSWERED.label
    WAITING = Status.WAITING.value, Status.WAITING.label
    KEEP = "keep", _("Keep the status")


class SlaState(models.TextChoices):
    """Where a question stands against its first-response target."""

    ON_TRACK = "on_track", _("On track")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    MET = "met", _("Met")
    MISSED = "missed", _("Missed")


def reports_of(user) -> list[int]:
    """The ids of everyone who reports to `user`, directly or through others (one query per
    level; none for someone without reports)."""
    if not user.is_manager:
        return []
    from people.models import User

    found, level = [], [user.pk]
    while level:
        level = [pk for pk in User.objects.filter(manager_id__in=level).values_list("pk", flat=True)
                 if pk not in found and pk != user.pk]  # fmt: skip
        found += level
    return found


class QuestionQuerySet(models.QuerySet):
    def visible_to_staff(self, user):
        """The questions `user` may handle as HR staff.

        Confidential questions only for their assignee and the HR leads. Never the person's own
        questions, named or anonymous: nobody handles their own case (or reads HR's internal
        notes about it). Never the questions of their direct or indirect reports, HR role or
        not: HR staff must be able to ask HR something their manager cannot read. Everyone
        else: nothing.
        """
        if not (user.is_authenticated and user.is_hr):
            return self.none()
        own = Q(asker=user) | Q(asker_mailbox__in=mailboxes_of(user))
        queryset = self.exclude(own)
        reports = reports_of(user)
        if reports:
            queryset = queryset.exclude(asker_id__in=reports)
        if not user.is_hr_lead:
            queryset = queryset.filter(Q(is_confidential=False) | Q(assignee=user))
        return queryset

    def with_page_flags(self):
        """Whether each question has files, FAQ entries and linked tips: the question page
        skips the queries for what most questions do not have."""
        from helpdesk.models.faq import FaqEntry

        return self.annotate(
            has_files=Exists(Attachment.objects.filter(question=OuterRef("pk"))),
            has_faq_entries=Exists(FaqEntry.objects.filter(source_question=OuterRef("pk"))),
            has_linked_guidelines=Exists(
                Question.related_guidelines.through.objects.filter(question=OuterRef("pk"))
            ),
        )

    def asked_by(self, user):
        """The questions `user` asked, with their name or anonymously."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(asker=user) | Q(asker_mailbox__in=mailboxes_of(user)))

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def unanswered(self):
        """Still waiting for HR's first response."""
        return self.filter(first_responded_at__isnull=True).exclude(status=Status.CLOSED)

    def with_unread_reply(self):
        """HR replied since the asker last looked."""
        return self.filter(last_reply_at__isnull=False).filter(
            Q(asker_seen_at__isnull=True) | Q(asker_seen_at__lt=F("last_reply_at"))
        )

    def in_sla_state(self, state: str, now=None):
        now = now or timezone.now()
        waiting = self.unanswered()
        match state:
            case SlaState.OVERDUE:
                return waiting.filter(response_due_at__lte=now)
            case SlaState.DUE_SOON:
                return waiting.filter(response_warn_at__lte=now, response_due_at__gt=now)
            case SlaState.ON_TRACK:
                return waiting.filter(response_warn_at__gt=now)
            case SlaState.MET:
                return self.filter(first_responded_at__lte=F("response_due_at"))
            case SlaState.MISSED:
                return self.filter(first_responded_at__gt=F("response_due_at"))
        return self

    def status_counts(self) -> dict[str, int]:
        """{status: number} in one query."""
        totals = self.aggregate(
            **{value: Count("pk", filter=Q(status=value)) for value in Status.values}
        )
        return {value: totals[value] or 0 for value in Status.values}


class QuestionManager(models.Manager.from_queryset(QuestionQuerySet)):
    def get_queryset(self):
        # The search vector is for the database's index; nothing reads it in Python, and
        # loading it with every question would cost more than the rest of the row.
        return super().get_queryset().defer("search_vector")


class Question(models.Model):
    """A question an employee asks HR ("Mag ik twitteren over mijn nieuwe project?").

    Anonymous questions have no `asker`; see `helpdesk.anonymity` for the two sealed fields that
    still get replies to the person who asked. Confidential questions are seen only by their
    assignee and the HR leads. The response target is stored as two moments computed when the
    question arrives (`response_warn_at`, `response_due_at`), so the queue can filter and sort on
    it in the database instead of computing working hours per row.
    """

    # What pages, addresses, e-mails and exports call the question; never the primary key.
    reference = models.CharField(
        _("reference"), max_length=REFERENCE_LENGTH, unique=True, default=new_reference,
        editable=False,
    )  # fmt: skip
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("question"), max_length=MAX_TEXT_LENGTH)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="questions"
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_questions",
    )
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    # Sealed references for anonymous questions only (see helpdesk.anonymity).
    asker_mailbox = models.CharField(max_length=64, blank=True, editable=False)
    access_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    is_confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Only the assigned HR colleague and the HR leads can read it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_assignments",
    )
    related_guidelines = models.ManyToManyField(
        "guidelines.Guideline",
        verbose_name=_("related tips"),
        blank=True,
        related_name="helpdesk_questions",
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    # The first-response target, in real time, computed from the category's working hours.
    response_warn_at = models.DateTimeField(_("warn from"))
    response_due_at = models.DateTimeField(_("first response due"))
    first_responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    sla_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    sla_breach_reported_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The conversation, for "unread replies" without reading the messages.
    last_reply_at = models.DateTimeField(null=True, blank=True, editable=False)
    asker_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    # An anonymous asker hears about news in the next batch (helpdesk.anonymity).
    anonymous_news_pending = models.BooleanField(default=False, editable=False)
    waiting_since = models.DateTimeField(null=True, blank=True, editable=False)
    waiting_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The form's one-time key: a double-submitted form finds the question it already made.
    submission_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # PostgreSQL keeps this up to date with a trigger (migration 0002); empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = QuestionManager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="helpdesk_q_newest"),
            models.Index(fields=["status", "-created_at"], name="helpdesk_q_status"),
            models.Index(fields=["assignee", "status", "-created_at"], name="helpdesk_q_assignee"),
            models.Index(fields=["category", "-created_at"], name="helpdesk_q_category"),
            models.Index(
                fields=["response_due_at"],
                condition=Q(first_responded_at__isnull=True) & ~Q(status="closed"),
                name="helpdesk_q_unanswered",
            ),
            models.Index(fields=["asker", "-created_at"], name="helpdesk_q_asker"),
            models.Index(
                fields=["asker_mailbox"],
                condition=~Q(asker_mailbox=""),
                name="helpdesk_q_mailbox",
            ),
            models.Index(
                fields=["access_token_hash"],
                condition=~Q(access_token_hash=""),
                name="helpdesk_q_token",
            ),
            models.Index(
                fields=["status", "waiting_since"],
                condition=Q(status="waiting"),
                name="helpdesk_q_waiting",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_anonymous=False) | Q(asker__isnull=True),
                name="helpdesk_question_anonymous_has_no_asker",
            ),
            models.CheckConstraint(
                condition=Q(is_anonymous=True) | (Q(asker_mailbox="") & Q(access_token_hash="")),
                name="helpdesk_question_sealed_only_when_anonymous",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), MAX_TEXT_LENGTH),
                name="helpdesk_question_body_length",
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False)
                | (~Q(status="closed") & Q(closed_at__isnull=True)),
                name="helpdesk_question_closed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(response_warn_at__lte=F("response_due_at")),
                name="helpdesk_question_warning_before_due",
            ),
        ]

    def __str__(self):
        # Never the asker: this text ends up in the audit log and admin lists.
        return f"#{self.reference} {self.subject}"

    def get_absolute_url(self):
        """The asker's page; HR's page is `get_manage_url`."""
        return reverse("helpdesk:question-detail", kwargs={"reference": self.reference})

    def get_manage_url(self):
        return reverse("helpdesk:question-manage", kwargs={"reference": self.reference})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def response_clock_start(self):
        """Where the response target counts from. An anonymous question keeps only the start
        of its day part (`created_at`); its clock starts at the end of that day part, so the
        target neither shows the minute it was asked nor shortens HR's time."""
        return day_part_end(self.created_at) if self.is_anonymous else self.created_at

    def moment_label(self, moment) -> str:
        """How HR reads a time of this question: to the minute, or for an anonymous question
        the date and day part."""
        if self.is_anonymous:
            return day_part_label(moment)
        return table_datetime(moment)

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def has_unread_reply(self) -> bool:
        """HR wrote since the asker last looked: the asker's lists mark the question."""
        return self.last_reply_at is not None and (
            self.asker_seen_at is None or self.asker_seen_at < self.last_reply_at
        )

    @property
    def can_be_rated(self) -> bool:
        """A rating is about an answer: only once HR has replied."""
        return self.first_responded_at is not None and self.status in (
            Status.ANSWERED,
            Status.CLOSED,
        )

    def sla_state(self, now=None) -> str:
        """The state against the first-response target, as the queue shows it."""
        now = now or timezone.now()
        if self.first_responded_at:
            return (
                SlaState.MET if self.first_responded_at <= self.response_due_at else SlaState.MISSED
            )
        if self.status == Status.CLOSED:
            return ""
        if now >= self.response_due_at:
            return SlaState.OVERDUE
        if now >= self.response_warn_at:
            return SlaState.DUE_SOON
        return SlaState.ON_TRACK


class Message(models.Model):
    """One contribution to the conversation about a question.

    The asker's follow-ups and HR's public replies are what the asker sees; internal notes are
    for HR only and never reach the asker's pages or e-mails. A follow-up on an anonymous
    question has no author, like the question itself.
    """

    class Kind(models.TextChoices):
        ASKER = "asker", _("From the asker")
        REPLY = "reply", _("Reply")
        NOTE = "note", _("Internal note")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("text"), max_length=MAX_TEXT_LENGTH)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    # A double-submitted form finds the message it already made.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["question", "created_at"], name="helpdesk_msg_question")]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), MAX_TEXT_LENGTH),
                name="helpdesk_message_body_length",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.question_id}"

    @property
    def is_public(self) -> bool:
        return self.kind != self.Kind.NOTE


class Attachment(models.Model):
    """A file with a question or a message, kept in private storage and served only through
    a permission-checked view. `kind` is what the content is (checked by its bytes), not what
    its name claimed."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"
        DOCX = "docx", "DOCX"

    # In the address instead of the number: numbers in sequence would line an anonymous
    # question's files up with the asker's other uploads (issue 11).
    reference = models.CharField(
        _("reference"), max_length=REFERENCE_LENGTH, unique=True, default=new_reference,
        editable=False,
    )  # fmt: skip
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to="%Y/%m/", max_length=200)
    name = models.CharField(_("file name"), max_length=150)
    kind = models.CharField(max_length=5, choices=Kind)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("helpdesk:attachment", kwargs={"reference": self.reference})

    @property
    def is_internal(self) -> bool:
        """Attached to an internal note: HR only."""
        return self.message is not None and self.message.kind == Message.Kind.NOTE


class SavedReply(models.Model):
    """A canned answer HR inserts into a reply. `{first_name}` becomes the asker's first name
    (a neutral "colleague" for anonymous questions, so HR still learns nothing).

    In two languages: HR picks it by its title in their own interface language, and the text
    that goes into the reply is in the asker's language (see `text_for`)."""

    title = models.CharField(_("title (Dutch)"), max_length=100, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=100, blank=True)
    body = models.TextField(
        _("text (Dutch)"),
        max_length=MAX_TEXT_LENGTH,
        help_text=_("Markdown. {first_name} is replaced by the asker's first name."),
    )
    body_en = models.TextField(
        _("text (English)"),
        max_length=MAX_TEXT_LENGTH,
        blank=True,
        help_text=_("For askers who use the portal in English; empty: the Dutch text."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="saved_replies",
        help_text=_("Shown first for questions in this category; empty: for all."),
    )
    status = models.CharField(
        _("status after sending"),
        max_length=20,
        choices=ReplyStatus,
        default=ReplyStatus.ANSWERED,
        help_text=_("Chosen in the reply form when this saved reply is inserted."),
    )

    class Meta:
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")
        ordering = ["title"]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    def text_for(self, question) -> str:
        """The text in the asker's language; for an anonymous question (whose asker HR does
        not know) in the language HR is using."""
        asker = question.asker
        language = asker.language_for_email if asker and not question.is_anonymous else None
        with translation.override(language or translation.get_language()):
            return localized(self, "body")


class Rating(models.Model):
    """How satisfied the asker is with the answer: 1 to 5 and a comment, once per question.
    It stores no person: for an anonymous question it must not, and for a named one the
    question already says who asked."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5),
                name="helpdesk_rating_score_1_to_5",
                violation_error_message=_("A rating is a number from 1 to 5."),
            ),
        ]

    def __str__(self):
        return f"{self.score}/5"


class HeldNotice(models.Model):
    """A notice to HR about something an anonymous asker did (asked, wrote again, rated),
    held until the next quarter hour and then sent with every other held notice: HR's e-mail
    and notification must not arrive the minute the asker acts, where it would line up with
    what the same person did with their name. `helpdesk.services.followup.held_notices_send`
    sends them."""

    class Event(models.TextChoices):
        NEW_QUESTION = "new_question", _("New question")
        FOLLOW_UP = "follow_up", _("The asker wrote again")
        RATING = "rating", _("Rating")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=20, choices=Event)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    deliver_after = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["deliver_after"], name="helpdesk_held_due")]

    def __str__(self):
        return f"{self.event} {self.question_id}"
