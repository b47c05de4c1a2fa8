"""Evidence from outside reviews: a completed training, recorded on its competencies."""

from django.db import transaction

from competencies.models import LEVEL_VALUES, Competency, Evidence


def evidence_record_training(*, person, training, competencies) -> int:
    """Record that `person` completed `training`, which develops each (competency, level) in
    `competencies`. Idempotent: the same training is recorded once per competency. Returns
    how many new pieces of evidence were recorded."""
    title = str(getattr(training, "display_title", "") or training)[:200]
    try:
        url = training.get_absolute_url()[:500]
    except AttributeError:
        url = ""
    recorded = 0
    with transaction.atomic():
        for competency, level in competencies:
            if not isinstance(competency, Competency) or level not in LEVEL_VALUES:
                continue
            _evidence, created = Evidence.objects.get_or_create(
                person=person,
                competency=competency,
                source=Evidence.Source.TRAINING,
                source_id=training.pk,
                defaults={"level": level, "title": title, "url": url},
            )
            recorded += created
    return recorded
