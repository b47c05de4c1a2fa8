"""HR defines the framework and the role profiles. Every change is in the audit log; earlier
assessments keep the texts they were made against (AssessmentLine.framework)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competencies.models import LEVEL_VALUES, Competency, CompetencyLevel, RoleRequirement
from hrsocial import audit

COMPETENCY_FIELDS = ("category", "name", "name_en", "description", "description_en", "order")


def competency_save(*, competency: Competency, levels: dict, changed_by) -> Competency:
    """Create or change a competency and its four levels: `levels` is {1: (Dutch, English),
    ..., 4: (...)}. All or nothing; the audit log records which fields changed."""
    if set(levels) != set(LEVEL_VALUES):
        raise ValidationError(_("Describe all four levels."))
    for level, (dutch, _english) in levels.items():
        if not (dutch or "").strip():
            raise ValidationError(
                _("Describe the observable behaviour of level %(level)s in Dutch.")
                % {"level": level}
            )
    created = competency.pk is None
    before = {}
    if not created:
        stored = Competency.objects.get(pk=competency.pk)
        before = {name: getattr(stored, name) for name in COMPETENCY_FIELDS}
        before.update(
            {
                f"level_{level.level}": (level.behaviour, level.behaviour_en)
                for level in stored.levels.all()
            }
        )
    competency.full_clean()
    with transaction.atomic():
        competency.save()
        for level, (dutch, english) in sorted(levels.items()):
            CompetencyLevel.objects.update_or_create(
                competency=competency,
                level=level,
                defaults={"behaviour": dutch.strip(), "behaviour_en": (english or "").strip()},
            )
        after = {name: getattr(competency, name) for name in COMPETENCY_FIELDS}
        after.update(
            {
                f"level_{level}": (dutch.strip(), (english or "").strip())
                for level, (dutch, english) in levels.items()
            }
        )
        changed = sorted(name for name in after if before.get(name) != after[name])
        audit.record(
            actor=changed_by,
            action="competencies.framework_create" if created else "competencies.framework_change",
            target=competency,
            fields=changed,
        )
    return competency


def competency_set_active(*, competency: Competency, active: bool, changed_by) -> None:
    """Retire a competency (or bring it back). Retired ones leave new reviews, role profiles'
    use and the heat map, but stay in earlier reviews and evidence."""
    if competency.is_active == active:
        return
    competency.is_active = active
    competency.save(update_fields=["is_active"])
    audit.record(
        actor=changed_by,
        action="competencies.framework_reactivate" if active else "competencies.framework_retire",
        target=competency,
    )


def role_requirements_save(*, job_role, levels: dict, changed_by) -> None:
    """Set what `job_role` requires: `levels` is {Competency: level or None (not required)}."""
    for competency, level in levels.items():
        if level is not None and level not in LEVEL_VALUES:
            raise ValidationError(
                _("Choose a level from 1 to 4 for %(competency)s.") % {"competency": competency}
            )
    with transaction.atomic():
        current = {r.competency_id: r for r in RoleRequirement.objects.filter(job_role=job_role)}
        changed = []
        for competency, level in levels.items():
            existing = current.get(competency.pk)
            if level is None:
                if existing:
                    existing.delete()
                    changed.append(competency.pk)
            elif existing is None:
                RoleRequirement.objects.create(
                    job_role=job_role, competency=competency, level=level
                )
                changed.append(competency.pk)
            elif existing.level != level:
                existing.level = level
                existing.save(update_fields=["level"])
                changed.append(competency.pk)
        if changed:
            audit.record(
                actor=changed_by,
                action="competencies.role_change",
                target=job_role,
                competencies=changed,
            )
