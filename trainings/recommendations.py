"""Recommended trainings from a self-scan: not one size fits all.

For the person's lowest competencies (up to FOCUS of them, below the top level) we look for
trainings that take them one level up, meant for their job or department, in the formats
they said they like. Someone at level 1 gets a starter's course, someone at level 3 on the
same competency an expert's one; someone who prefers e-learning gets e-learning first.
A training's own level must fit the step (STEP_LEVELS): an expert course that also reaches
level 4 is too much for someone going from 2 to 3.
"""

from dataclasses import dataclass, field

from trainings.models import Completion, Training

FOCUS = 3  # competencies to work on at once: more is a list nobody acts on
PER_COMPETENCY = 3
# The step to a level, and the training levels that fit it (a simpler course that gets you
# there is fine; a harder one is not).
STEP_LEVELS = {
    2: [Training.Level.STARTER],
    3: [Training.Level.STARTER, Training.Level.ADVANCED],
    4: [Training.Level.STARTER, Training.Level.ADVANCED, Training.Level.EXPERT],
}


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
    """A fixed number of queries: one, plus at most two per focus competency. Each training
    carries the person's state (`Training.my_state`): enrolled, held, on the waitlist."""
    done = set(Completion.objects.filter(person=person).values_list("training_id", flat=True))
    formats = [f for f in scan.preferred_formats if f in Training.Format.values]
    recommendations = []
    for result in focus_results(scan):
        target = result.level + 1
        candidates = (
            Training.objects.for_person(person)
            .developing(result.competency, target)
            .filter(develops_to__lte=target + 1, level__in=STEP_LEVELS[target])
            .exclude(pk__in=done)
            .with_state_for(person)
        )
        trainings = list(candidates.filter(format__in=formats)[:PER_COMPETENCY]) if formats else []
        other_formats = False
        if not trainings:
            trainings = list(candidates[:PER_COMPETENCY])
            other_formats = bool(formats and trainings)
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
