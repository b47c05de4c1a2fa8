"""Factories for trainings tests: a training, its sessions, enrolments, competencies."""

from datetime import timedelta

import factory
from django.utils import timezone

from competencies.models import Competency, CompetencyCategory
from trainings.models import ScanQuestion, Session, Training, TrainingCompetency


class CompetencyCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetencyCategory
        django_get_or_create = ["name"]

    name = "Digitale vaardigheden"


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competency
        django_get_or_create = ["name"]

    category = factory.SubFactory(CompetencyCategoryFactory)
    name = factory.Sequence(lambda n: f"Competentie {n}")


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Training {n}")
    summary = "Een korte, praktische training."
    format = Training.Format.CLASSROOM
    level = Training.Level.STARTER
    duration_minutes = 120
    provider_name = "HR"

    @factory.post_generation
    def develops(obj, create, extracted, **kwargs):
        """TrainingFactory(develops=[(competency, level), ...])"""
        for competency, level in extracted or []:
            TrainingCompetency.objects.create(training=obj, competency=competency, level=level)


class ElearningFactory(TrainingFactory):
    format = Training.Format.ELEARNING
    elearning_url = "https://leren.example.com/linkedin"


class PaidTrainingFactory(TrainingFactory):
    provider = Training.Provider.EXTERNAL
    provider_name = "Social Media Academie"
    cost = 495


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    training = factory.SubFactory(TrainingFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=2))
    location = "Utrecht, zaal 2"
    trainer = "Sanne Bos"
    capacity = 10


class ScanQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScanQuestion

    competency = factory.SubFactory(CompetencyFactory)
    text = factory.Sequence(lambda n: f"Stelling {n}")
