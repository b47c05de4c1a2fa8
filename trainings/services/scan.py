"""The self-scan: turning answers into a level per competency."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from trainings.models import ScanAnswer, ScanQuestion, ScanResult, SelfScan, Training


def level_from_answers(values: list[int]) -> int:
    """The competency level from the answers about it: their average, rounded half up
    (answers 2, 3 give 3: people tend to rate themselves a little low on new skills)."""
    average = Decimal(sum(values)) / len(values)
    return int(average.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def scan_submit(*, person, answers: dict[int, int], preferred_formats=()) -> SelfScan:
    """Save a completed self-scan: every question in use answered with 1–4.

    Returns the scan with a level per competency; a missing or out-of-range answer is
    refused with a ValidationError and nothing is saved.
    """
    if not person.is_employee:
        raise PermissionDenied
    questions = list(ScanQuestion.objects.in_use())
    if not questions:
        raise ValidationError(_("The self-scan has no questions yet."), code="empty")
    missing = [q for q in questions if q.pk not in answers]
    if missing:
        raise ValidationError(_("Answer every statement, please."), code="missing")
    if any(answers[q.pk] not in (1, 2, 3, 4) for q in questions):
        raise ValidationError(_("Choose one of the four answers."), code="value")
    formats = [f for f in dict.fromkeys(preferred_formats) if f in Training.Format.values]
    per_competency = defaultdict(list)
    with transaction.atomic():
        scan = SelfScan.objects.create(person=person, preferred_formats=formats)
        rows = []
        for question in questions:
            value = answers[question.pk]
            per_competency[question.competency_id].append(value)
            rows.append(
                ScanAnswer(
                    scan=scan, question=question, competency_id=question.competency_id, value=value
                )
            )
        ScanAnswer.objects.bulk_create(rows)
        ScanResult.objects.bulk_create(
            ScanResult(scan=scan, competency_id=competency_id, level=level_from_answers(values))
            for competency_id, values in per_competency.items()
        )
    return scan
