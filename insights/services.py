"""Writes of insights: the nightly daily figures, initiatives and shared dashboards."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrsocial import audit
from insights.figures import FIGURES
from insights.models import DailyFigure, Initiative, Share
from insights.sections import installed_sections


def daily_figures_build(*, day: datetime.date) -> int:
    """Replace `day`'s aggregates with what every installed section's app reports for it (a
    fixed number of grouped queries per app); returns the number of rows written."""
    rows = []
    for section in installed_sections():
        found = section.daily(day)
        for figure in section.figures:
            for department, (amount, base) in found.get(figure.name, {}).items():
                if amount or base:
                    rows.append(
                        DailyFigure(
                            day=day,
                            figure=figure.key,
                            department_id=department,
                            amount=amount,
                            base=base,
                        )  # fmt: skip
                    )
    with transaction.atomic():
        DailyFigure.objects.filter(day=day).delete()
        DailyFigure.objects.bulk_create(rows, batch_size=1000)
        FIGURES.forget()
    return len(rows)


def initiative_record(*, data: dict, pilot_departments, recorded_by) -> Initiative:
    """Record an initiative HR's form has checked (insights.forms.InitiativeForm)."""
    with transaction.atomic():
        initiative = Initiative.objects.create(**data, created_by=recorded_by)
        initiative.pilot_departments.set(pilot_departments)
        audit.record(actor=recorded_by, action="insights.initiative_record", target=initiative)
    return initiative


def initiative_record_result(*, initiative: Initiative, result: str, recorded_by) -> Initiative:
    initiative.result = result
    initiative.save(update_fields=["result"])
    audit.record(actor=recorded_by, action="insights.initiative_result", target=initiative)
    return initiative


def share_create(*, label: str, expires_on, created_by) -> Share:
    with transaction.atomic():
        share = Share.objects.create(label=label, expires_on=expires_on, created_by=created_by)
        audit.record(actor=created_by, action="insights.share_create", target=share)
    return share


def share_revoke(*, share: Share, revoked_by) -> Share:
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        audit.record(actor=revoked_by, action="insights.share_revoke", target=share)
    return share
