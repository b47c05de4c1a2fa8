"""Templates ask the apps' permission predicates (`user|can:"<app>.can_…"`), never the roles."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError

ROLE_TEST = re.compile(r"(?<![.\w])user\.is_(hr|hr_lead|manager|employee|alumnus|freelancer)\b")


def test_no_template_decides_access_on_a_role_itself():
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if ROLE_TEST.search(line)
    ]
    assert offenders == []


def _render(source, user):
    return Template("{% load portal %}" + source).render(Context({"user": user}))


@pytest.mark.parametrize(
    "predicate",
    [
        "guidelines.can_manage_tips",
        "trainings.can_manage",
        "helpdesk.can_manage_faq",
        "helpdesk.can_use_queue",
        "competencies.can_manage_competencies",
    ],
)
def test_the_hr_predicates_answer_for_hr_only(predicate, hanna, emma):
    source = f'{{% if user|can:"{predicate}" %}}yes{{% else %}}no{{% endif %}}'
    assert (_render(source, hanna), _render(source, emma)) == ("yes", "no")


def test_a_manager_sees_the_team_link(milan, emma):
    source = '{% if user|can:"competencies.can_see_team" %}yes{% endif %}'
    assert (_render(source, milan), _render(source, emma)) == ("yes", "")


def test_only_permission_predicates_can_be_asked(emma):
    with pytest.raises(TemplateSyntaxError):
        _render('{{ user|can:"helpdesk.get_question_by_token" }}', emma)
