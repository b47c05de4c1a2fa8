"""Factories for practice 1. `publish(tip)` publishes through the service, as HR would."""

from contextlib import contextmanager

import factory
from django.test import TestCase

from guidelines import services
from guidelines.models import Category, ChangeKind, Guideline, Rule, Term


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Categorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    order = factory.Sequence(lambda n: n)


class GuidelineFactory(factory.django.DjangoModelFactory):
    """A draft tip; use `published_tip()` for one employees can see."""

    class Meta:
        model = Guideline

    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Tip nummer {n}")
    title_en = factory.Sequence(lambda n: f"Tip number {n}")
    tip = "Deel gerust wat je trots maakt."
    tip_en = "Feel free to share what makes you proud."
    body = "Een **uitleg** in Markdown."
    do_examples = "Een foto van de opening\nEen bedankje"
    dont_examples = "Klagen over een klant"
    order = factory.Sequence(lambda n: n)


@contextmanager
def committed():
    """Run what the block's transaction would do after commit (tests never commit): new
    checker rules reach the shared cache, announcements are sent."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def published_tip(*, by=None, **fields) -> Guideline:
    tip = GuidelineFactory(**fields)
    with committed():
        services.guideline_publish(guideline=tip, published_by=by, kind=ChangeKind.MATERIAL)
    tip.refresh_from_db()
    return tip


def open_tips(person, *tips) -> None:
    """Open each tip's page as `person` would (acknowledging needs it)."""
    for tip in tips:
        tip.refresh_from_db()
        services.guideline_open(guideline=tip, person=person)


def change_tip(guideline, *, kind, by=None, **changes) -> Guideline:
    for name, value in changes.items():
        setattr(guideline, name, value)
    with committed():
        services.guideline_publish(
            guideline=guideline, published_by=by, kind=kind, change_note="Aangepast"
        )
    guideline.refresh_from_db()
    return guideline


def add_terms(kind, *texts, explanation="", internal_note="") -> Rule:
    with committed():
        services.rules_ensure()
        rule = Rule.objects.get(kind=kind)
        services.terms_add(
            rule=rule,
            texts=list(texts),
            explanation=explanation,
            internal_note=internal_note,
            added_by=None,
        )
    return rule


__all__ = [
    "CategoryFactory", "GuidelineFactory", "Term", "add_terms", "change_tip", "committed",
    "published_tip",
]  # fmt: skip
