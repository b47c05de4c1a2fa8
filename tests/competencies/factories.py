"""Factories for competencies tests: the framework, role requirements, cycles and reviews."""

import datetime

import factory
from django.utils import timezone

from competencies.models import (
    AssessedLevel,
    AssessmentLine,
    Competency,
    CompetencyCategory,
    CompetencyLevel,
    Review,
    ReviewCycle,
    RoleRequirement,
)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetencyCategory
        django_get_or_create = ["name"]

    name = "Communiceren"
    name_en = "Communicating"


class CompetencyFactory(factory.django.DjangoModelFactory):
    """A competency with its four levels described."""

    class Meta:
        model = Competency
        django_get_or_create = ["name"]
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Competentie {n}")
    name_en = factory.LazyAttribute(lambda c: f"{c.name} (en)")
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def with_levels(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            for level in (1, 2, 3, 4):
                CompetencyLevel.objects.get_or_create(
                    competency=obj,
                    level=level,
                    defaults={
                        "behaviour": f"{obj.name}: gedrag op niveau {level}",
                        "behaviour_en": f"{obj.name}: behaviour at level {level}",
                    },
                )


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleRequirement

    competency = factory.SubFactory(CompetencyFactory)
    level = 3


class CycleFactory(factory.django.DjangoModelFactory):
    """An open cycle: started a week ago, self-assessments due in a week, ends in a month."""

    class Meta:
        model = ReviewCycle
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Beoordelingsronde {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    self_assessment_due = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=7)
    )
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    @factory.post_generation
    def departments(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.departments.set(extracted)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    cycle = factory.SubFactory(CycleFactory)


def self_assessed(review, levels: dict, evidence="Voorbeeld uit mijn werk."):
    """Give a review its self-assessment directly: {competency: level}."""
    for competency, level in levels.items():
        AssessmentLine.objects.create(
            review=review,
            competency=competency,
            self_level=level,
            evidence=evidence,
            framework=competency.snapshot(),
        )
    review.status = Review.Status.AWAITING_REVIEW
    review.self_assessed_at = timezone.now()
    review.save()
    return review


def assess(person, competency, level, self_level=None):
    return AssessedLevel.objects.update_or_create(
        person=person,
        competency=competency,
        defaults={"level": level, "self_level": self_level or level},
    )[0]


def expert(person, *tags, listed=True, ask_me_about=""):
    from competencies import services

    return services.expert_profile_save(
        person=person, is_listed=listed, tags=", ".join(tags), ask_me_about=ask_me_about
    )
