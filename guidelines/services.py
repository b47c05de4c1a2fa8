"""Everything in practice 1 that changes data or has rules: publishing tips, acknowledging
them, reminding people, maintaining the checker's rules, and checking a draft.

`draft_check(text, network)` is the entry point for other apps (news and vacancy share kits):
it needs no request and returns a `CheckResult` whose iteration gives the findings.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from guidelines.checker.defaults import DEFAULT_RULES
from guidelines.checker.engine import MAX_DRAFT_LENGTH, CheckResult, Finding, check
from guidelines.checker.ruleset import current_ruleset, ruleset_changed
from guidelines.checker.text import normalize_term, term_problem
from guidelines.models import (
    Acknowledgement,
    AcknowledgementReminder,
    ChangeKind,
    Guideline,
    GuidelineVersion,
    Rule,
    Term,
    TipOpening,
)
from hrsocial import audit
from hrsocial.i18n import localized
from integrations import webhooks
from notifications.services import notify
from people.models import User

__all__ = ["CheckResult", "Finding", "draft_check", "draft_check_count"]


# --- The draft checker ---------------------------------------------------------------------


def draft_check(text: str, network: str | None = None) -> CheckResult:
    """Check a text someone is about to post. Nothing is stored.

    `network` (a `guidelines.checker.engine.Network` value) adds that network's length limit.
    Raises ValueError for a text over `MAX_DRAFT_LENGTH` characters: forms say so first.
    """
    text = (text or "").replace("\r\n", "\n")
    if len(text) > MAX_DRAFT_LENGTH:
        raise ValueError(f"A draft can be at most {MAX_DRAFT_LENGTH} characters.")
    return check(text, network, current_ruleset())


def draft_check_count(*, result: CheckResult, checked_by) -> None:
    """Count a draft the checker page or endpoint checked, for insights: one more check for
    the person's department today and one more for each kind of rule that found something.
    Never the draft, the person or the moment (guidelines.models.DraftCheckTally)."""
    from django.db import IntegrityError
    from django.db.models import F

    from guidelines.models import DraftCheckTally

    found = sorted({finding.kind for finding in result})
    kinds = [DraftCheckTally.CHECKED] + ([DraftCheckTally.FLAGGED, *found] if found else [])
    day, department = timezone.localdate(), checked_by.department_id
    for kind in kinds:
        rows = DraftCheckTally.objects.filter(day=day, department_id=department, kind=kind)
        if rows.update(count=F("count") + 1):
            continue
        try:
            with transaction.atomic():
                DraftCheckTally.objects.create(
                    day=day, department_id=department, kind=kind, count=1
                )
        except IntegrityError:  # another request made the row first
            rows.update(count=F("count") + 1)


# --- Tips: publishing ----------------------------------------------------------------------


def guideline_save_draft(*, guideline: Guideline, saved_by) -> Guideline:
    """Save a tip that is not published yet (new or still a draft)."""
    if guideline.is_published:
        raise ValidationError(_("A published tip changes by publishing a new version."))
    with transaction.atomic():
        created = guideline.pk is None
        guideline.full_clean()
        guideline.save()
        audit.record(
            actor=saved_by,
            action="guidelines.create" if created else "guidelines.change",
            target=guideline,
        )
    return guideline


def guideline_arrange(*, guideline: Guideline, arranged_by) -> Guideline:
    """Save where a published tip stands (category, order, golden rule) without a new version:
    readers see the same text, so nobody is asked to read it again."""
    with transaction.atomic():
        guideline.full_clean()
        guideline.save(update_fields=["category", "order", "is_golden_rule", "updated_at"])
        audit.record(actor=arranged_by, action="guidelines.arrange", target=guideline)
    return guideline


def guideline_publish(
    *,
    guideline: Guideline,
    published_by,
    kind: str,
    change_note: str = "",
    change_note_en: str = "",
    announce: bool = True,
) -> GuidelineVersion:
    """Publish the tip's current content as a new version.

    The first publication always asks everyone to acknowledge. After that, a material change
    asks again for this tip only; an editorial change keeps the acknowledgements. Employees
    are told about a new tip or a material change unless `announce` is off (demo data).
    """
    if kind not in ChangeKind.values:
        raise ValidationError(_("Choose whether the change is material or editorial."))
    with transaction.atomic():
        locked = Guideline.objects.select_for_update().get(pk=guideline.pk)
        previous = locked.versions.order_by("-number").first()
        if previous and previous.content() == guideline.content() and locked.is_published:
            raise ValidationError(_("Nothing has changed since the last version."))
        if previous is None:
            kind = ChangeKind.MATERIAL
        now = timezone.now()
        guideline.full_clean()
        guideline.version = locked.version + 1
        guideline.status = Guideline.Status.PUBLISHED
        if kind == ChangeKind.MATERIAL:
            guideline.ack_version = guideline.version
            guideline.ack_requested_at = now
        else:
            guideline.ack_version = locked.ack_version
            guideline.ack_requested_at = locked.ack_requested_at
        guideline.save()
        version = GuidelineVersion.objects.create(
            guideline=guideline,
            number=guideline.version,
            kind=kind,
            change_note=change_note.strip(),
            change_note_en=change_note_en.strip(),
            published_at=now,
            published_by=published_by,
            **guideline.content(),
        )
        audit.record(
            actor=published_by,
            action="guidelines.publish",
            target=guideline,
            version=version.number,
            kind=kind,
        )
        if previous is None or not locked.is_published:
            webhooks.publish(
                "guidelines.tip_published",
                {
                    "id": guideline.pk,
                    "title": guideline.title,
                    "title_en": guideline.title_en,
                    "tip": guideline.tip,
                    "tip_en": guideline.tip_en,
                    "version": version.number,
                    "url": settings.SITE_URL + guideline.get_absolute_url(),
                },
            )
        if announce and kind == ChangeKind.MATERIAL:
            from guidelines.tasks import announce_version

            transaction.on_commit(lambda: announce_version.delay(version.pk), robust=True)
    return version


def guideline_unpublish(*, guideline: Guideline, unpublished_by) -> None:
    """Take a tip off the overview (back to draft). Its versions and acknowledgements stay;
    publishing it again makes a new version."""
    with transaction.atomic():
        guideline.status = Guideline.Status.DRAFT
        guideline.save(update_fields=["status", "updated_at"])
        audit.record(actor=unpublished_by, action="guidelines.unpublish", target=guideline)


def version_announce(*, version: GuidelineVersion) -> int:
    """Tell every employee that a tip is new or changed materially (called by a task)."""
    guideline = version.guideline
    if not guideline.is_published or guideline.version != version.number:
        return 0  # a newer version or an unpublication overtook this one
    recipients = User.objects.employees().exclude(pk=version.published_by_id)

    def title():
        label = _("New tip: %(title)s") if version.number == 1 else _("Changed tip: %(title)s")
        return label % {"title": localized(guideline, "title")}

    with transaction.atomic():
        rows = notify(
            recipients,
            "guidelines.changed",
            title,
            lambda: localized(version, "change_note"),
            url=guideline.get_absolute_url(),
        )
    return len(rows)


# --- Opening and acknowledging -------------------------------------------------------------


def guideline_open(*, guideline: Guideline, person) -> None:
    """Record that `person` opened the tip's page in its current version.

    Called by the GET of that page. A side effect of a GET is safe here: it records only a
    fact about the signed-in reader themself (never about anyone else), grants nothing, is
    idempotent, and a forged request cannot fake it: the session cookie is SameSite=Lax, so
    a request from another site (an image, a script, a form) arrives signed out, and the
    only cross-site request that arrives signed in is a top-level navigation, which opens the
    page in front of the reader — exactly what is recorded. Reading is required, not proven:
    what an opening proves is that the tip was on the reader's screen.
    """
    if not person.is_employee or not guideline.is_published:
        return
    TipOpening.objects.bulk_create(
        [TipOpening(person=person, guideline=guideline, version=guideline.version)],
        ignore_conflicts=True,
    )


def _opened(*, guideline: Guideline, person) -> bool:
    return TipOpening.objects.filter(
        person=person, guideline=guideline, version__gte=guideline.ack_version
    ).exists()


def guideline_acknowledge(*, guideline: Guideline, person, version: int) -> bool:
    """Record that `person` read and understood `version` of the tip ("gelezen en begrepen").

    `version` is the one the person saw; if the tip changed since, nothing is recorded and
    ValidationError asks them to read the new version. The person must have opened the tip's
    page since its latest material change (`guideline_open`), so that the rate HR reports
    counts people who had the tip in front of them. Returns False when already done.
    """
    if not person.is_employee or not guideline.is_published:
        raise ValidationError(_("This tip cannot be acknowledged."))
    if version != guideline.version:
        raise ValidationError(
            _("“%(title)s” changed while you were reading it. Please read the new version.")
            % {"title": guideline.display_title}
        )
    if not _opened(guideline=guideline, person=person):
        raise ValidationError(
            _("Open “%(title)s” and read it first; then confirm that you read it.")
            % {"title": guideline.display_title}
        )
    _ack, created = Acknowledgement.objects.get_or_create(
        person=person, guideline=guideline, version=version
    )
    return created


def guidelines_acknowledge_all(
    *, person, seen: dict[int, int]
) -> tuple[int, list[Guideline], list[Guideline]]:
    """Acknowledge in one click every outstanding tip the person has opened, each in the
    version the person saw (`seen`: tip id → version). Returns how many were recorded, the
    tips that changed in the meantime and the tips not opened yet (both stay outstanding:
    there is no "acknowledge all" without reading)."""
    if not person.is_employee:
        raise ValidationError(_("Only employees acknowledge tips."))
    outstanding = list(Guideline.objects.outstanding_for(person).in_reading_order())
    changed = [g for g in outstanding if g.pk in seen and seen[g.pk] != g.version]
    unopened = [g for g in outstanding if not g.opened and g not in changed]
    rows = [
        Acknowledgement(person=person, guideline=g, version=g.version)
        for g in outstanding
        if g.opened and seen.get(g.pk) == g.version
    ]
    Acknowledgement.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows), changed, unopened


def acknowledgement_reminders_send(*, now=None) -> int:
    """Remind employees who have not acknowledged tips asked of them more than
    GUIDELINES_REMINDER_DAYS ago, at most once per that many days. Returns people reminded."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.GUIDELINES_REMINDER_DAYS)
    due = list(Guideline.objects.published().filter(ack_requested_at__lte=cutoff))
    if not due:
        return 0
    candidates = (
        User.objects.employees()
        .filter(date_joined__lte=cutoff)
        .exclude(guideline_reminders__sent_at__gt=cutoff)
    )
    missing: dict[int, list[Guideline]] = defaultdict(list)
    for guideline in due:
        done = Acknowledgement.objects.filter(
            guideline=guideline, version__gte=guideline.ack_version
        )
        for person_id in candidates.exclude(pk__in=done.values("person_id")).values_list(
            "pk", flat=True
        ):
            missing[person_id].append(guideline)
    if not missing:
        return 0
    by_tips: dict[tuple, list[int]] = defaultdict(list)
    for person_id, tips in missing.items():
        by_tips[tuple(g.pk for g in tips)].append(person_id)
    tips_by_pk = {g.pk: g for g in due}
    with transaction.atomic():
        for tip_ids, person_ids in by_tips.items():
            tips = [tips_by_pk[pk] for pk in tip_ids]
            notify(
                User.objects.filter(pk__in=person_ids),
                "guidelines.reminder",
                _reminder_title(len(tips)),
                _reminder_body(tips),
                url=reverse("guidelines:index"),
            )
        AcknowledgementReminder.objects.bulk_create(
            AcknowledgementReminder(person_id=pk, sent_at=now, tip_count=len(tips))
            for pk, tips in missing.items()
        )
    return len(missing)


def _reminder_title(count: int):
    """The reminder's title, in whichever language notify() asks for."""
    return lambda: (
        ngettext(
            "One tip is waiting for your “read and understood”",
            "%(count)s tips are waiting for your “read and understood”",
            count,
        )
        % {"count": count}
    )


def _reminder_body(tips: list[Guideline]):
    return lambda: "\n".join(
        [_("Please read these tips and confirm you read them:")]
        + [f"- {localized(tip, 'title')}" for tip in tips]
    )


# --- The checker's rules -------------------------------------------------------------------


def rules_ensure() -> int:
    """Create the rules that are missing, with their default severity, tip and word list.
    Returns how many were created."""
    created = 0
    with transaction.atomic():
        existing = set(Rule.objects.values_list("kind", flat=True))
        for kind in Rule.Kind.values:
            if kind in existing:
                continue
            default = DEFAULT_RULES[kind]
            rule = Rule.objects.create(
                kind=kind, severity=default.severity, tip=default.tip, tip_en=default.tip_en
            )
            Term.objects.bulk_create(
                [Term(rule=rule, text=t, normalized=normalize_term(t)) for t in default.terms],
                ignore_conflicts=True,
            )
            created += 1
        if created:
            ruleset_changed()
    return created


def rule_update(*, rule: Rule, updated_by, fields: list[str]) -> Rule:
    with transaction.atomic():
        rule.full_clean()
        rule.save()
        audit.record(actor=updated_by, action="guidelines.rule-change", target=rule, fields=fields)
    return rule


def terms_add(
    *, rule: Rule, texts: list[str], explanation: str = "", internal_note: str = "", added_by
) -> tuple[int, int]:
    """Add terms to a rule's word list: all of them or, when one is not acceptable, none.
    Terms already in the list are skipped. Returns (added, skipped)."""
    if not rule.has_terms:
        raise ValidationError(_("This rule does not use a word list."))
    cleaned, problems = {}, []
    for line_number, text in enumerate(texts, start=1):
        text = " ".join(text.split())
        if not text:
            continue
        problem = term_problem(text)
        if problem:
            problems.append(
                _("Line %(line)s (“%(term)s”): %(problem)s")
                % {"line": line_number, "term": text[:60], "problem": problem}
            )
        else:
            cleaned.setdefault(normalize_term(text), text)
    if problems:
        raise ValidationError(problems)
    if not cleaned:
        raise ValidationError(_("Enter at least one word or phrase."))
    with transaction.atomic():
        existing = set(
            Term.objects.filter(rule=rule, normalized__in=cleaned).values_list(
                "normalized", flat=True
            )
        )
        new = [
            Term(
                rule=rule,
                text=text,
                normalized=key,
                explanation=explanation.strip(),
                internal_note=internal_note.strip(),
                created_by=added_by,
            )
            for key, text in cleaned.items()
            if key not in existing
        ]
        Term.objects.bulk_create(new, ignore_conflicts=True)
        audit.record(actor=added_by, action="guidelines.terms-add", target=rule, count=len(new))
        ruleset_changed()
    return len(new), len(cleaned) - len(new)


def term_delete(*, term: Term, deleted_by) -> None:
    with transaction.atomic():
        audit.record(
            actor=deleted_by, action="guidelines.term-delete", target=term.rule, term=term.pk
        )
        term.delete()
