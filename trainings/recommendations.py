"""Recommended trainings from a self-scan: not one size fits all.

For the person's lowest competencies (up to FOCUS of them, below the top level) we look for
trainings that take them one level up, meant for their job or department, in the formats
they said they like. Someone at level 1 gets a starter's course, someone at level 3 on the
same competency an expert's one; someone who prefers e-learning gets e-learning first.
"""

from dataclasses import dataclass, field

from trainings.models import Completion, Enrolment, Training

FOCUS = 3  # competencies to work on at once: more is a list nobody acts on
PER_COMPETENCY = 3


@dataclass
class Recommendation:
    competency: object
    level: int
    target: int
    trainings: list = field(default_factory=list)
    # True when nothing fits the preferred formats and we show other formats instead.
    other_formats: bool = False


def focus_results(scan) -> list:
    """The scan's lowest competencies, lowest first; the framework's order breaks ties."""
    results = sorted(
        scan.results.all(),
        key=lambda r: (r.level, r.competency.order, r.competency.name),
    )
    return [r for r in results if r.level < 4][:FOCUS]


def recommendations_for(person, scan) -> list[Recommendation]:
    """A fixed number of queries: two, plus at most two per focus competency."""
    done = set(Completion.objects.filter(person=person).values_list("training_id", flat=True))
    enrolled = set(
        Enrolment.objects.active().for_person(person).values_list("session__training_id", flat=True)
    )
    formats = [f for f in scan.preferred_formats if f in Training.Format.values]
    recommendations = []
    for result in focus_results(scan):
        target = result.level + 1
        candidates = (
            Training.objects.for_person(person)
            .developing(result.competency, target)
            .filter(develops_to__lte=target + 1)
            .exclude(pk__in=done)
        )
        trainings = list(candidates.filter(format__in=formats)[:PER_COMPETENCY]) if formats else []
        other_formats = False
        if not trainings:
            trainings = list(candidates[:PER_COMPETENCY])
            other_formats = bool(formats and trainings)
        for training in trainings:
            training.enrolled = training.pk in enrolled
        recommendations.append(
            Recommendation(
                competency=result.competency,
                level=result.level,
                target=target,
                trainings=trainings,
                other_formats=other_formats,
            )
        )
    return recommendations
