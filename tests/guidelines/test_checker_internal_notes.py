"""HR's internal note about a checker term never reaches the employee (issue 11)."""

import importlib
import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from guidelines.models import Rule, Term
from tests.guidelines.factories import add_terms

pytestmark = pytest.mark.django_db

SECRET = "Fusiegesprekken, strikt vertrouwelijk."
PUBLIC = "Vraag HR of je deze naam mag noemen."


@pytest.fixture
def merger_term(db):
    return add_terms(
        Rule.Kind.CONFIDENTIAL,
        "Coöperatie Groenstroom Drenthe",
        explanation=PUBLIC,
        internal_note=SECRET,
    )


def test_it_shows_the_employee_only_the_public_explanation(client, emma, merger_term):
    client.force_login(emma)
    response = client.post(
        "/guidelines/check/", {"text": "Mooi gesprek met Coöperatie Groenstroom Drenthe"}
    )
    html = response.content.decode()
    assert PUBLIC in html
    assert SECRET not in html


def test_it_keeps_the_internal_note_out_of_the_json_api(client, emma, merger_term):
    client.force_login(emma)
    response = client.post(
        "/guidelines/api/check/",
        json.dumps({"text": "Coöperatie Groenstroom Drenthe"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    [finding] = response.json()["findings"]
    assert finding["explanation"] == PUBLIC


def test_it_shows_hr_both_texts_on_the_rules_page(client, hanna, merger_term):
    client.force_login(hanna)
    html = client.get("/guidelines/manage/rules/confidential/").content.decode()
    assert SECRET in html and PUBLIC in html


def test_it_moves_existing_notes_to_the_internal_note(transactional_db):
    migration = importlib.import_module("guidelines.migrations.0003_term_explanation_internal_note")
    executor = MigrationExecutor(connection)
    old = [("guidelines", "0002_default_rules")]
    executor.migrate(old)
    apps = executor.loader.project_state(old).apps
    OldRule, OldTerm = apps.get_model("guidelines", "Rule"), apps.get_model("guidelines", "Term")
    rule = OldRule.objects.get_or_create(kind="confidential")[0]
    OldTerm.objects.create(rule=rule, text="Klant X", normalized="klant x", note=SECRET)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    term = Term.objects.get(text="Klant X")
    assert (term.internal_note, term.explanation) == (SECRET, "")
    assert migration.Migration.dependencies == old
