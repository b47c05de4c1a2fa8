"""Writing to the audit log: `audit.record(actor=..., action="people.view", target=person)`.

Action names are "<app>.<verb>" so the log can be filtered per app. Keep `detail` small and
free of the record's personal content: the log says that something was seen or changed, it
is not a second copy of the data.
"""

from django.contrib.contenttypes.models import ContentType

from hrsocial.models import AuditEntry


def record(*, actor, action: str, target=None, **detail) -> AuditEntry:
    entry = AuditEntry(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        detail=detail,
    )
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target)
        entry.target_id = str(target.pk)
        entry.target_repr = str(target)[:200]
    entry.save()
    return entry


def entries_for(target):
    """The audit trail of one record, newest first."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("actor")
