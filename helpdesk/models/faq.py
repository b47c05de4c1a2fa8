"""The FAQ: answers HR publishes for everyone, votes on them, and questions they solved."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from helpdesk.models.questions import MAX_TEXT_LENGTH, Question
from helpdesk.models.routing import Category
from hrsocial.i18n import localized


class FaqEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_votes(self):
        return self.annotate(
            helpful_votes=Count("votes", filter=Q(votes__is_helpful=True)),
            unhelpful_votes=Count("votes", filter=Q(votes__is_helpful=False)),
        )

    # Searched by hrsocial.search (the FAQ page, the ask form's suggestions, global search).
    SEARCH_FIELDS = ("title", "answer", "title_en", "answer_en")


class FaqEntry(models.Model):
    """A question and answer for everyone ("veelgestelde vraag").

    Usually made from an answered question, but written anew: HR phrases the question in
    general terms, and neither the asker's name nor their original text is copied unless HR
    copies it. `source_question` only tells HR where it came from; readers never see it.
    """

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="faq_entries"
    )
    title = models.CharField(_("question (Dutch)"), max_length=200)
    title_en = models.CharField(_("question (English)"), max_length=200, blank=True)
    answer = models.TextField(
        _("answer (Dutch)"), max_length=MAX_TEXT_LENGTH, help_text=_("Markdown.")
    )
    answer_en = models.TextField(_("answer (English)"), max_length=MAX_TEXT_LENGTH, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    source_question = models.ForeignKey(
        Question,
        verbose_name=_("made from question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faq_entries",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = FaqEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        ordering = ["category__order", "category__name", "title"]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("helpdesk:faq-detail", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_answer(self) -> str:
        return localized(self, "answer")


class FaqVote(models.Model):
    """ "Was this helpful?": one vote per person and entry, which they may change."""

    entry = models.ForeignKey(FaqEntry, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    is_helpful = models.BooleanField()
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("FAQ vote")
        verbose_name_plural = _("FAQ votes")
        constraints = [
            models.UniqueConstraint(fields=["entry", "voter"], name="helpdesk_faqvote_once"),
        ]

    def __str__(self):
        return f"{self.entry_id}: {'+' if self.is_helpful else '-'}"


class SelfServiceResolution(models.Model):
    """A question solved without a ticket: someone typing a question found an FAQ entry or
    tip that answered it and said so. Counted for HR's figures; it stores no person and not
    what they typed, only which answer helped."""

    class Source(models.TextChoices):
        FAQ = "faq", _("FAQ entry")
        GUIDELINE = "guidelines", _("Tip")

    source = models.CharField(_("answered by"), max_length=20, choices=Source)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("question solved without a ticket")
        verbose_name_plural = _("questions solved without a ticket")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
