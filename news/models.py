"""Internal news (practices 5–8): posts with the "why", conversation, must-reads, policy
consultations, employee blogs and good-practice examples."""

import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial.search import SEARCH_CONFIG, search

MAX_BODY = 20_000
MAX_COMMENT = 2_000
COMMENT_EDIT_MINUTES = 15


class Row(models.Model):
    """A row without a natural name: the admin and logs show its kind and key."""

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.pk}"


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class PostQuerySet(models.QuerySet):
    SEARCH_FIELDS = ("title", "summary", "why", "body")

    def refresh_search_vectors(self) -> None:
        """Store the search vector of these posts (PostgreSQL only). Called on save(); call
        it after bulk_create or update() that change the searched fields."""
        if connection.vendor == "postgresql":
            self.update(search_vector=SearchVector(*self.SEARCH_FIELDS, config=SEARCH_CONFIG))

    def search(self, query: str | None):
        """The news search: hrsocial.search on the stored, indexed vector where there is one
        (computing it for every post took most of the search page's time)."""
        vector = "search_vector" if connection.vendor == "postgresql" else None
        return search(self, query, self.SEARCH_FIELDS, vector=vector)

    def live(self, now=None):
        """Published and inside its publication window. Visibility never waits for the beat
        task: a post scheduled for later or past its unpublish date is filtered out here."""
        now = now or timezone.now()
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=now).filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now)
        )

    def for_audience_of(self, user):
        """The posts whose audience includes `user` (department-targeted posts only for
        their departments, alumni posts for alumni)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_employee:
            everyone = Q(audience__in=[Post.Audience.EMPLOYEES, Post.Audience.WITH_ALUMNI])
            if user.department_id:
                # A subquery, not a join: a post is never repeated in a list or search.
                targeted = Post.departments.through.objects.filter(
                    department_id=user.department_id
                ).values("post_id")
                everyone |= Q(audience=Post.Audience.DEPARTMENTS, pk__in=targeted)
            return self.filter(everyone)
        if user.is_alumnus:
            return self.filter(audience=Post.Audience.WITH_ALUMNI)
        return self.none()

    def visible_to(self, user, now=None):
        return self.live(now).for_audience_of(user)

    def filtered(self, *, kind: str = "", department: str = "", tag: str = ""):
        """The news page's filters, from raw query-string values: an unknown kind, a
        department that is not a small number, and a NUL in the tag (PostgreSQL's DataError)
        are ignored rather than answered with an error."""
        posts = self
        if kind in Post.Kind.values:
            posts = posts.filter(kind=kind)
        if department.isdigit() and len(department) < 12:
            posts = posts.filter(author__department_id=int(department))
        tag = tag.replace("\x00", "")[:50]
        if tag:
            posts = posts.filter(tags__name=tag)
        return posts

    def in_reading_order(self):
        return self.order_by("-is_pinned", "-publish_at", "-pk")


class PostManager(models.Manager.from_queryset(PostQuerySet)):
    def get_queryset(self):
        # The search vector is only ever read by PostgreSQL itself.
        return super().get_queryset().defer("search_vector")


class Post(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        POLICY = "policy", _("HR policy")
        BLOG = "blog", _("Blog")
        EXAMPLE = "example", _("Good example")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for moderation")
        SENT_BACK = "sent_back", _("Sent back")
        PUBLISHED = "published", _("Published")

    class Audience(models.TextChoices):
        EMPLOYEES = "employees", _("Everyone (all employees)")
        DEPARTMENTS = "departments", _("Chosen departments")
        WITH_ALUMNI = "with_alumni", _("Employees and alumni")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.NEWS)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text"), max_length=MAX_BODY)
    # Practice 5: employees must know *why*; news and policy posts must say so.
    why = models.TextField(_("why"), max_length=3000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="news_posts",
    )
    audience = models.CharField(
        _("audience"), max_length=12, choices=Audience, default=Audience.EMPLOYEES
    )
    departments = models.ManyToManyField(
        "people.Department", verbose_name=_("departments"), blank=True, related_name="+"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="posts")
    publish_at = models.DateTimeField(_("publish from"), null=True, blank=True, db_index=True)
    unpublish_at = models.DateTimeField(_("unpublish at"), null=True, blank=True)
    # Set by the beat task once the post went live (must-read notices go out then, once).
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    comments_closed = models.BooleanField(_("comments closed"), default=False)
    requires_confirmation = models.BooleanField(
        _("must read: ask for “read and understood”"), default=False
    )
    # Raised by a material edit: confirmations of an earlier version no longer count.
    version = models.PositiveIntegerField(default=1, editable=False)
    materially_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    update_note = models.CharField(_("what changed"), max_length=300, blank=True)
    # Good-practice examples (practice 8): who, what, a link, what we can learn.
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    example_url = models.URLField(_("link"), blank=True)
    lesson = models.TextField(_("what we can learn"), max_length=3000, blank=True)
    image = models.ImageField(_("image"), upload_to="news/%Y/%m/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=200, blank=True)
    moderation_note = models.TextField(_("reason"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # PostgreSQL's full-text document of the searched fields (PostQuerySet.search).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PostManager()

    class Meta:
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Post.objects.filter(pk=self.pk).refresh_search_vectors()

    def get_absolute_url(self):
        return reverse("news:post-detail", args=[self.pk])

    @property
    def needs_why(self) -> bool:
        return self.kind in (self.Kind.NEWS, self.Kind.POLICY)

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def display_summary(self) -> str:
        return self.summary or self.body[:200]


class PostRevision(Row):
    """The change history: what the post said before each edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200)
    body = models.TextField()
    why = models.TextField(blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)
    is_material = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-edited_at", "-pk"]


class Understanding(Row):
    """ "I understand why / I don't": one answer per person per post (changeable)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="understandings")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    understood = models.BooleanField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "person"], name="news_one_understanding")
        ]


class Reaction(Row):
    class Kind(models.TextChoices):
        LIKE = "like", _("Like")
        INSIGHTFUL = "insightful", _("Insightful")
        CELEBRATE = "celebrate", _("Celebrate")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "person"], name="news_one_reaction")]
        indexes = [models.Index(fields=["created_at"])]  # insights: the day's reactions


# A busy post shows its conversation 25 threads (a comment with its replies) at a time, oldest
# first: rendering 500 comments took a fifth of a second.
COMMENT_THREADS_PER_PAGE = 25


class CommentQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def thread_page(self, comment) -> int:
        """The page of the post's conversation that shows this comment (or its thread)."""
        thread = comment.parent if comment.parent_id else comment
        before = (
            self.top_level()
            .filter(post_id=comment.post_id)
            .filter(
                Q(created_at__lt=thread.created_at)
                | Q(created_at=thread.created_at, pk__lt=thread.pk)
            )
        )
        return before.count() // COMMENT_THREADS_PER_PAGE + 1

    def reported_open(self):
        """Comments with reports nobody dealt with yet: not hidden, and with at least one
        report that was not dismissed. Each carries `open_reports` (the number) and
        `open_report_list` (the reports themselves, for their reasons), oldest report first,
        in a fixed number of queries however many there are."""
        open_reports = Q(reports__dismissed_at__isnull=True)
        return (
            self.filter(hidden_at__isnull=True)
            .annotate(
                open_reports=models.Count("reports", filter=open_reports),
                first_reported_at=models.Min("reports__created_at", filter=open_reports),
            )
            .filter(open_reports__gt=0)
            .select_related("post", "author")
            .prefetch_related(
                models.Prefetch(
                    "reports",
                    queryset=CommentReport.objects.filter(dismissed_at__isnull=True).order_by(
                        "created_at", "pk"
                    ),
                    to_attr="open_report_list",
                )
            )
            .order_by("first_reported_at", "pk")
        )


class Comment(Row):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="news_comments"
    )
    # One level of replies: a reply's parent is always a top-level comment (services).
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(_("comment"), max_length=MAX_COMMENT)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["created_at"])]  # insights: the day's comments

    def get_absolute_url(self) -> str:
        """The post's page that shows this comment, at the comment (one COUNT)."""
        page = Comment.objects.thread_page(self)
        query = f"?comments={page}" if page > 1 else ""
        return f"{self.post.get_absolute_url()}{query}#comment-{self.pk}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def editable_by(self, user, now=None) -> bool:
        """The author may correct a comment for 15 minutes, as long as HR did not hide it."""
        now = now or timezone.now()
        return (
            self.author_id == user.pk
            and not self.is_hidden
            and (now - self.created_at).total_seconds() < COMMENT_EDIT_MINUTES * 60
        )


class CommentReport(Row):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    # A moderator looked and left the comment up: the report is dealt with (kept, for the
    # record; a new report by someone else opens the comment again).
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="news_one_report")
        ]


class Reading(Row):
    """Who opened a post (reach figures; per person only for HR on must-reads)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="readings")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "person"], name="news_one_read")]
        indexes = [models.Index(fields=["read_at"])]  # insights: the day's readers


class Visit(Row):
    """When a person last opened the news page ("new since your last visit")."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    previous_at = models.DateTimeField(null=True)
    last_at = models.DateTimeField(default=timezone.now)


class Confirmation(Row):
    """ "Read and understood" of a must-read, for the post's version at the time."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="confirmations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "person"], name="news_one_confirmation")
        ]


class Consultation(Row):
    """A policy consultation on a post: questions, a window, optionally anonymous."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="consultation")
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    response = models.TextField(_("what you said, what we did"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["closes_at"])]  # insights: the day's closing ones

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class ConsultationQuestion(Row):
    class Kind(models.TextChoices):
        CHOICE = "choice", _("Choice")
        SCALE = "scale", _("Scale 1–5")
        TEXT = "text", _("Open text")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    text = models.CharField(_("question"), max_length=300)
    choices = models.TextField(_("choices (one a line)"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Participation(Row):
    """That a person took part (so they answer once, and hear the response). For an anonymous
    consultation this is all that links a person to it: see AnonymousAnswer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The day only: a moment would line up with the answers' rows.
    day = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "person"], name="news_participate_once")
        ]


class AnonymousAnswer(Row):
    """An answer to an anonymous consultation, unlinkable to the person, also for someone who
    reads the database:

    - no foreign key to the person or the participation, and no key they share;
    - a random UUID primary key, so the order of ids says nothing about the order of
      answering (an autoincrement id would line up with the participation rows);
    - the day only, never a moment; no department (a small department would give a person
      away), so anonymous results have no per-department figures;
    - the participation and the answers are written in one transaction (services), so an
      answer never exists without its participation or the other way round.

    What remains is the physical row order in the table's storage, which only a superuser on
    the database server sees and which we accept (documented in docs/news.md)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.ForeignKey(
        ConsultationQuestion, on_delete=models.CASCADE, related_name="anonymous_answers"
    )
    choice = models.CharField(max_length=200, blank=True)
    scale = models.PositiveSmallIntegerField(null=True)
    text = models.TextField(blank=True, max_length=MAX_COMMENT)
    day = models.DateField(default=timezone.localdate)


class NamedAnswer(Row):
    """An answer to a named consultation: changeable until it closes; per department."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="named_answers"
    )
    question = models.ForeignKey(
        ConsultationQuestion, on_delete=models.CASCADE, related_name="named_answers"
    )
    department = models.ForeignKey(
        "people.Department", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    choice = models.CharField(max_length=200, blank=True)
    scale = models.PositiveSmallIntegerField(null=True)
    text = models.TextField(blank=True, max_length=MAX_COMMENT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participation", "question"], name="news_answer_once")
        ]


def new_feed_token() -> str:
    # The same kind of secret as the trainings calendar address (trainings' CalendarToken):
    # a feed reader can only send the address, so the address is the key.
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret in a person's own Atom feed address. Feed readers have no session, so the
    address carries the key; whoever knows it sees the posts this person may see, which is
    why its owner can replace it (the old address stops working) or remove it at any time.
    Stored like the trainings calendar token (that pattern keeps the token itself, so the
    page can show the address again)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="news_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personal news feed")
        verbose_name_plural = _("personal news feeds")

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("news:personal-feed", kwargs={"token": self.token})
