"""The rules of the "may I post this?" checker ("Mag ik dit posten?").

There is one `Rule` per kind of finding (confidential terms, e-mail addresses, BSNs, ...): HR
sets its severity, the tip shown with a finding and the guideline it links to. The kinds that
work from a list ("confidential terms", "internal-only markers", "financial topics",
"negative remarks") have their `Term`s, which HR extends. A kind without a `Rule` row works with
its built-in defaults (`guidelines.checker.defaults`). Every change bumps `RuleSetState`, so
each web process compiles the rule set again once (see `guidelines.checker.ruleset`).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guidelines.checker.text import normalize_term, term_problem
from hrsocial.i18n import localized


class Severity(models.TextChoices):
    """How serious a finding is; ordered from harmless to stop."""

    FINE = "fine", _("Fine")
    THINK = "think", _("Think twice")
    STOP = "stop", _("Don't post")

    @classmethod
    def rank(cls, value: str) -> int:
        return [cls.FINE, cls.THINK, cls.STOP].index(value)


class Rule(models.Model):
    """One kind of finding, with what HR wants the employee to know about it."""

    class Kind(models.TextChoices):
        CONFIDENTIAL = "confidential", _("Confidential terms")
        EMAIL = "email", _("E-mail addresses")
        PHONE = "phone", _("Phone numbers")
        IBAN = "iban", _("Bank account numbers (IBAN)")
        BSN = "bsn", _("Citizen service numbers (BSN)")
        ADDRESS = "address", _("Addresses (postcode and house number)")
        INTERNAL = "internal", _("Internal-only markers")
        FINANCIAL = "financial", _("Price-sensitive and financial topics")
        NEGATIVE = "negative", _("Negative remarks about clients or colleagues")
        LENGTH = "length", _("Too long for the network")

    # The kinds that match HR's word lists; the others are built-in patterns.
    TERM_KINDS = (Kind.CONFIDENTIAL, Kind.INTERNAL, Kind.FINANCIAL, Kind.NEGATIVE)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, unique=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity)
    tip = models.CharField(_("tip shown with a finding (Dutch)"), max_length=300)
    tip_en = models.CharField(_("tip shown with a finding (English)"), max_length=300, blank=True)
    guideline = models.ForeignKey(
        "guidelines.Guideline",
        verbose_name=_("guideline it comes from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rules",
    )
    is_active = models.BooleanField(_("in use"), default=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("checker rule")
        verbose_name_plural = _("checker rules")
        ordering = ["pk"]

    def __str__(self):
        return str(self.get_kind_display())

    @property
    def display_tip(self) -> str:
        return localized(self, "tip")

    @property
    def has_terms(self) -> bool:
        return self.kind in self.TERM_KINDS


class TermQuerySet(models.QuerySet):
    def matching(self, query: str):
        """Terms containing `query` in any spelling (HR looking up a client name)."""
        query = " ".join((query or "").split())
        if not query:
            return self
        return self.filter(
            models.Q(normalized__contains=normalize_term(query))
            | models.Q(explanation__icontains=query)
            | models.Q(internal_note__icontains=query)
        )


class Term(models.Model):
    """A word or phrase one of the list rules looks for: a client under NDA, a project code
    name, "vertrouwelijk", "overname". Matched as whole words, ignoring case and accents;
    a `*` at the end also matches longer words ("reorganis*" finds "reorganisatie")."""

    rule = models.ForeignKey(
        Rule,
        verbose_name=_("list"),
        on_delete=models.CASCADE,
        related_name="terms",
        limit_choices_to={"kind__in": Rule.TERM_KINDS},
    )
    text = models.CharField(_("word or phrase"), max_length=200)
    # The form the checker matches (lower case, no accents); unique per list.
    normalized = models.CharField(max_length=400, editable=False)
    # Two texts, because whoever types a term sees what the checker says about it: anyone can
    # test a list of names, so what HR knows about a client ("merger talks") stays internal.
    explanation = models.CharField(
        _("explanation for the employee"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional: shown with the finding to anyone whose draft has the term, e.g. "
            "“ask first whether you may name this client”. Never write the reason here."
        ),
    )
    internal_note = models.CharField(
        _("internal note for HR"),
        max_length=200,
        blank=True,
        help_text=_("Optional: only HR sees this, e.g. “merger talks, strictly confidential”."),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["normalized"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "normalized"],
                name="guidelines_term_unique",
                violation_error_message=_("This list already has this term."),
            ),
        ]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        self.text = " ".join(self.text.split())
        self.normalized = normalize_term(self.text)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        problem = term_problem(self.text)
        if problem:
            raise ValidationError({"text": problem})
        if self.rule_id and self.rule.kind not in Rule.TERM_KINDS:
            raise ValidationError({"rule": _("This rule does not use a word list.")})


class RuleSetState(models.Model):
    """A single row whose `token` changes with every change to the checker's rules, terms or
    the tips they link to. Web processes compare it with the token of the rule set they
    compiled, so a change made in one process reaches all of them. A random token rather than
    a counter: a rolled-back change can never leave two different rule sets with one name."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rule set state")
        verbose_name_plural = _("rule set states")

    def __str__(self):
        return self.token

    @classmethod
    def bump(cls) -> str:
        token = uuid.uuid4().hex
        if not cls.objects.filter(pk=1).update(token=token, changed_at=timezone.now()):
            cls.objects.update_or_create(pk=1, defaults={"token": token})
        return token

    @classmethod
    def current(cls) -> str:
        """The token of the rules in the database; "" while nobody changed anything."""
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or ""


class DraftCheckTally(models.Model):
    """How many drafts the checker looked at on one day for one department, and how many of
    them each kind of rule found something in ("" a check done, "*" a draft with any finding).
    Counts only, never a draft, a person or a moment: what insights shows of the checker."""

    CHECKED, FLAGGED = "", "*"

    day = models.DateField()
    department = models.ForeignKey(
        "people.Department", null=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("draft check count")
        verbose_name_plural = _("draft check counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "department", "kind"], condition=Q(department__isnull=False),
                name="guidelines_one_tally",
            ),
            models.UniqueConstraint(
                fields=["day", "kind"], condition=Q(department__isnull=True),
                name="guidelines_one_tally_without_department",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["day"], name="guidelines_tally_day")]

    def __str__(self):
        return f"{self.day} {self.kind or 'checked'}: {self.count}"
