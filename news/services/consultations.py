"""Policy consultations: questions, answering once, results with privacy, HR's response.

Anonymous consultations are anonymous to anyone holding the database, not only on screen:
see `news.models.AnonymousAnswer` for what is (not) stored and why.
"""

import random
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hrsocial import audit
from hrsocial.privacy import MINIMUM_FREE_TEXT, MINIMUM_GROUP, Group, suppress
from news.models import (
    MAX_COMMENT,
    AnonymousAnswer,
    Consultation,
    ConsultationQuestion,
    NamedAnswer,
    Participation,
    Post,
)
from notifications.services import notify


def consultation_save(
    *,
    post: Post,
    opens_at,
    closes_at,
    anonymous: bool,
    questions: list[dict],
    saved_by,
    now=None,
) -> Consultation:
    """Create or replace a post's consultation. Questions: dicts with kind, text, choices.
    Once someone answered, the questions and anonymity no longer change."""
    now = now or timezone.now()
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("A consultation closes after it opens.")})
    questions = [q for q in questions if q.get("text", "").strip()]
    if not questions:
        raise ValidationError(_("Ask at least one question."))
    for q in questions:
        if q["kind"] == ConsultationQuestion.Kind.CHOICE and len(_lines(q.get("choices"))) < 2:
            raise ValidationError(_("A choice question needs at least two choices."))
    existing = Consultation.objects.filter(post=post).first()
    if existing and existing.participations.exists():
        raise ValidationError(_("People have answered already: the questions stay as they are."))
    with transaction.atomic():
        consultation, _created = Consultation.objects.update_or_create(
            post=post,
            defaults={"opens_at": opens_at, "closes_at": closes_at, "is_anonymous": anonymous},
        )
        consultation.questions.all().delete()
        for order, q in enumerate(questions):
            ConsultationQuestion.objects.create(
                consultation=consultation,
                kind=q["kind"],
                text=q["text"].strip()[:300],
                choices="\n".join(_lines(q.get("choices"))),
                order=order,
            )
        audit.record(actor=saved_by, action="news.consultation_save", target=consultation)
    return consultation


def _lines(text) -> list[str]:
    return [line.strip()[:200] for line in (text or "").splitlines() if line.strip()]


def _clean_answers(consultation: Consultation, data) -> list[tuple]:
    """(question, choice, scale, text) for each question, from posted `answer-<pk>` values."""
    cleaned = []
    for question in consultation.questions.all():
        raw = (data.get(f"answer-{question.pk}") or "").replace("\x00", "").strip()
        choice, scale, text = "", None, ""
        if question.kind == ConsultationQuestion.Kind.CHOICE:
            if raw and raw not in question.choice_list:
                raise ValidationError(_("Choose one of the offered answers."))
            choice = raw
        elif question.kind == ConsultationQuestion.Kind.SCALE:
            if raw:
                if raw not in {"1", "2", "3", "4", "5"}:
                    raise ValidationError(_("A scale answer is a number from 1 to 5."))
                scale = int(raw)
        else:
            if len(raw) > MAX_COMMENT:
                raise ValidationError(
                    _("An answer has at most %(n)d characters.") % {"n": MAX_COMMENT}
                )
            text = raw
        cleaned.append((question, choice, scale, text))
    if not any(c or s or t for _q, c, s, t in cleaned):
        raise ValidationError(_("Answer at least one question."))
    return cleaned


def consultation_answer(*, consultation: Consultation, person, data, now=None) -> Participation:
    """Answer once. Named: changeable until it closes. Anonymous: final, and written so that
    nobody can tell whose it is (participation and answers in one transaction, answers
    unlinked, shuffled, with random keys and the day only)."""
    now = now or timezone.now()
    if now < consultation.opens_at:
        raise ValidationError(_("This consultation is not open yet."))
    if consultation.is_closed(now):
        raise ValidationError(_("This consultation is closed."))
    answers = _clean_answers(consultation, data)
    day = timezone.localdate(now)
    with transaction.atomic():
        if consultation.is_anonymous:
            try:
                with transaction.atomic():
                    participation = Participation.objects.create(
                        consultation=consultation, person=person, day=day
                    )
            except IntegrityError:
                raise ValidationError(
                    _("You already answered; an anonymous answer cannot be changed.")
                ) from None
            rows = [
                AnonymousAnswer(question=q, choice=c, scale=s, text=t, day=day)
                for q, c, s, t in answers
                if c or s or t
            ]
            random.SystemRandom().shuffle(rows)
            AnonymousAnswer.objects.bulk_create(rows)
            return participation
        participation, _created = Participation.objects.get_or_create(
            consultation=consultation, person=person, defaults={"day": day}
        )
        participation.named_answers.all().delete()
        NamedAnswer.objects.bulk_create(
            NamedAnswer(
                participation=participation,
                question=q,
                department_id=person.department_id,
                choice=c,
                scale=s,
                text=t,
            )
            for q, c, s, t in answers
            if c or s or t
        )
    return participation


@dataclass
class QuestionResult:
    question: ConsultationQuestion
    answered: int = 0
    choices: list = field(default_factory=list)  # (choice, count, percent)
    scale: list = field(default_factory=list)  # (1..5, count, percent)
    average: float | None = None
    texts: list | None = None  # None: too few answers to show free text
    departments: list = field(default_factory=list)  # privacy Groups (named only)


@dataclass
class Results:
    consultation: Consultation
    participants: int
    enough: bool
    questions: list


def _answer_rows(consultation: Consultation) -> list[tuple]:
    """(question_id, choice, scale, text, department_id) of every answer."""
    if consultation.is_anonymous:
        rows = AnonymousAnswer.objects.filter(question__consultation=consultation)
        # Free text in a stable, meaningless order: never the order of answering.
        return [
            (a.question_id, a.choice, a.scale, a.text, None)
            for a in rows.order_by("question_id", "id")
        ]
    rows = NamedAnswer.objects.filter(question__consultation=consultation).order_by(
        "question_id", "text"
    )
    return [(a.question_id, a.choice, a.scale, a.text, a.department_id) for a in rows]


def consultation_results(consultation: Consultation) -> Results:
    """Counts per question; nothing when fewer than five took part; free text only from ten;
    per department (named consultations) only where at least five answered."""
    from people.models import Department

    participants = consultation.participations.count()
    enough = participants >= MINIMUM_GROUP
    questions = list(consultation.questions.all())
    rows = _answer_rows(consultation) if enough else []
    names = dict(Department.objects.values_list("pk", "name"))
    results = []
    for question in questions:
        mine = [r for r in rows if r[0] == question.pk]
        result = QuestionResult(question=question, answered=len(mine))
        if question.kind == ConsultationQuestion.Kind.CHOICE:
            counts = Counter(r[1] for r in mine if r[1])
            result.choices = [
                (c, counts[c], _percent(counts[c], len(mine))) for c in question.choice_list
            ]
        elif question.kind == ConsultationQuestion.Kind.SCALE:
            values = [r[2] for r in mine if r[2]]
            counts = Counter(values)
            result.scale = [(n, counts[n], _percent(counts[n], len(values))) for n in range(1, 6)]
            result.average = round(sum(values) / len(values), 1) if values else None
        else:
            texts = [r[3] for r in mine if r[3]]
            result.texts = sorted(texts) if len(texts) >= MINIMUM_FREE_TEXT else None
        if not consultation.is_anonymous and question.kind != ConsultationQuestion.Kind.TEXT:
            per_department = Counter(r[4] for r in mine)
            groups = [
                Group(
                    key=dept,
                    label=names.get(dept, str(_("No department"))),
                    people=n,
                    value=_summary(question, [r for r in mine if r[4] == dept]),
                )
                for dept, n in sorted(per_department.items(), key=lambda i: names.get(i[0], ""))
            ]
            result.departments = suppress(groups)
        results.append(result)
    return Results(consultation, participants, enough, results)


def _summary(question, rows) -> str:
    if question.kind == ConsultationQuestion.Kind.SCALE:
        values = [r[2] for r in rows if r[2]]
        return f"{sum(values) / len(values):.1f}" if values else "–"
    counts = Counter(r[1] for r in rows if r[1])
    return ", ".join(f"{c}: {counts[c]}" for c in question.choice_list)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def consultation_respond(*, consultation: Consultation, responder, response: str, now=None):
    """HR's "what you said, what we did": published on the post, every participant hears it."""
    response = (response or "").replace("\x00", "").strip()
    if not response:
        raise ValidationError({"response": _("Write the response first.")})
    now = now or timezone.now()
    with transaction.atomic():
        first = consultation.responded_at is None
        consultation.response = response
        consultation.responded_at = now
        consultation.save(update_fields=["response", "responded_at"])
        if first:
            people = [p.person for p in consultation.participations.select_related("person")]
            notify(
                people,
                "news.response",
                format_lazy(
                    _("What you said, what we did: {title}"), title=consultation.post.title
                ),
                _("HR responded to the consultation you took part in."),
                url=consultation.post.get_absolute_url() + "#response",
            )
        audit.record(actor=responder, action="news.consultation_respond", target=consultation)
    return consultation


def export_rows(results: Results) -> list[list]:
    rows = []
    for r in results.questions:
        for choice, count, percent in r.choices:
            rows.append([r.question.text, choice, count, percent])
        for n, count, percent in r.scale:
            rows.append([r.question.text, n, count, percent])
        for text in r.texts or []:
            rows.append([r.question.text, text, "", ""])
    return rows
