"""Who gets what from practice 1: employees read, acknowledge and check; HR manages; alumni,
freelancers and visitors have no part in it. A draft tip exists only for HR."""

from guidelines.models import Rule, Term
from guidelines.services import rules_ensure
from tests.access import Route, employees, hr_only
from tests.guidelines.factories import GuidelineFactory, published_tip


def setup(world):
    rules_ensure()
    world.guideline_tip = published_tip(title="Gebruik je gezond verstand")
    world.guideline_draft = GuidelineFactory(title="Nog een concept")
    world.guideline_term = Term.objects.create(
        rule=Rule.objects.get(kind="confidential"), text="Project X"
    )


tip = {"kwargs": lambda w: {"pk": w.guideline_tip.pk}}
draft = {"kwargs": lambda w: {"pk": w.guideline_draft.pk}}

ROUTES = [
    Route("guidelines:index", employees(200)),
    Route("guidelines:index", employees(200), query="?q=verstand"),
    Route("guidelines:detail", employees(200), **tip),
    Route("guidelines:detail", {**employees(404, others=403), "hr": 200}, **draft),
    Route("guidelines:changes", employees(200), **tip),
    Route("guidelines:changes", {**employees(404, others=403), "hr": 200}, **draft),
    Route("guidelines:acknowledge", employees(302), method="post", data={"version": 1}, **tip),
    Route(
        "guidelines:acknowledge",
        {**employees(404, others=403), "hr": 302},
        method="post",
        data={"version": 1},
        **draft,
    ),  # fmt: skip  (HR gets a "cannot be acknowledged")
    Route(
        "guidelines:acknowledge-all",
        employees(302),
        method="post",
        data=lambda w: {"seen": f"{w.guideline_tip.pk}:1"},
    ),  # fmt: skip
    Route("guidelines:check", employees(200)),
    Route("guidelines:check", employees(200), method="post", data={"text": "Mag dit?"}),
    Route(
        "guidelines:api-check",
        {**employees(200), "visitor": 401},
        method="post",
        data={"text": "Mag dit?"},
    ),  # fmt: skip
    Route("guidelines:manage", hr_only(200)),
    Route("guidelines:guideline-create", hr_only(200)),
    Route("guidelines:guideline-edit", hr_only(200), **tip),
    Route("guidelines:guideline-edit", hr_only(200), **draft),
    Route("guidelines:guideline-publish", hr_only(200), **draft),
    Route(
        "guidelines:guideline-publish",
        hr_only(302),
        method="post",
        data={"change_note": "Eerste versie"},
        **draft,
    ),  # fmt: skip
    Route("guidelines:guideline-unpublish", hr_only(302), method="post", **tip),
    Route("guidelines:report", hr_only(200)),
    Route("guidelines:export", hr_only(200)),
    Route("guidelines:rules", hr_only(200)),
    Route("guidelines:rules-restore", hr_only(302), method="post"),
    Route("guidelines:rule-edit", hr_only(200), kwargs=lambda w: {"kind": "confidential"}),
    Route(
        "guidelines:terms-add",
        hr_only(302),
        method="post",
        data={"terms": "Project Y"},
        kwargs=lambda w: {"kind": "confidential"},
    ),  # fmt: skip
    Route(
        "guidelines:term-delete",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.guideline_term.pk},
    ),  # fmt: skip
]
