"""The queue search on PostgreSQL: Dutch stemming, typos, and answered from an index."""

import pytest
from django.db import connection
from django.urls import reverse

from helpdesk.models import Question
from helpdesk.queue import SEARCH_FIELDS
from hrsocial.search import search
from tests.helpdesk.factories import QuestionFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text search indexes are PostgreSQL-only"
    ),
]


def test_the_trigger_keeps_the_search_vector_up_to_date(emma):
    question = QuestionFactory(asker=emma, subject="Foto's van klanten", body="Op Instagram")
    question.refresh_from_db()
    assert "klant" in question.search_vector
    question.body = "Op LinkedIn"
    question.save()
    question.refresh_from_db()
    assert "linkedin" in question.search_vector and "instagram" not in question.search_vector


def test_it_finds_dutch_word_forms_and_typos(client, emma, hanna):
    QuestionFactory(asker=emma, subject="Mag ik over klanten twitteren?", body="Over De Linde.")
    QuestionFactory(asker=emma, subject="Werktijd", body="Instagram onder werktijd")
    client.force_login(hanna)

    def found(query):
        response = client.get(reverse("helpdesk:queue"), {"q": query, "status": ""})
        return [row["question"].subject for row in response.context["rows"]]

    assert found("klant") == ["Mag ik over klanten twitteren?"]
    assert found("instagram") == ["Werktijd"]
    assert found("twiteren") == ["Mag ik over klanten twitteren?"]  # a typo in the subject


def test_the_search_is_answered_from_the_gin_index(emma):
    QuestionFactory.create_batch(3, asker=emma)
    queryset = search(
        Question.objects.all(), "klant", SEARCH_FIELDS, trigram_fields=("subject",),
        vector="search_vector",
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "helpdesk_question_search" in plan
    assert "helpdesk_question_subject_trgm" in plan
