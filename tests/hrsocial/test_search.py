import pytest
from django.db import connection
from django.urls import reverse

from hrsocial.search import search, search_everything
from people.models import User
from tests.factories import JobRoleFactory, UserFactory


@pytest.fixture
def staff(db):
    UserFactory(full_name="Sanne LinkedIn-expert Bos", bio="Helpt collega's met hun profielen.")
    UserFactory(full_name="Daan Mulder", bio="Schrijft trainingen over sociale media.",
                job_role=JobRoleFactory(title="Communicatieadviseur"))  # fmt: skip
    UserFactory(full_name="Noor Hendriks", bio="Bouwt de website.")


def names(queryset):
    return sorted(u.full_name for u in queryset)


def test_every_word_must_match(staff):
    assert names(search(User.objects.all(), "daan sociale", ["full_name", "bio"])) == [
        "Daan Mulder"
    ]


def test_related_fields_can_be_searched(staff):
    found = search(User.objects.all(), "communicatieadviseur", ["full_name", "job_role__title"])
    assert names(found) == ["Daan Mulder"]


def test_a_blank_query_returns_everything(staff):
    assert search(User.objects.all(), "   ", ["full_name"]).count() == 3


def test_an_overlong_query_is_cut_not_refused(staff):
    assert list(search(User.objects.all(), "x" * 10_000, ["full_name"])) == []


@pytest.mark.parametrize(
    "query", ["'; DROP TABLE people_user; --", "a & b | !c", "<script>", "%_\\"]
)
def test_odd_input_is_just_text(staff, query):
    list(search(User.objects.all(), query, ["full_name", "bio"]))
    assert User.objects.count() == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_dutch_stemming_finds_other_word_forms(staff):
    # "training" finds "trainingen" with the dutch configuration.
    assert names(search(User.objects.all(), "training", ["full_name", "bio"])) == ["Daan Mulder"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigram similarity")
def test_a_typo_still_finds_the_name(staff):
    assert names(search(User.objects.all(), "Hendrix", ["full_name", "bio"])) == ["Noor Hendriks"]


def test_the_global_search_shows_colleagues_to_employees(client, emma, staff):
    client.force_login(emma)
    response = client.get(reverse("search"), {"q": "Mulder"})
    groups = {g["key"]: g["hits"] for g in response.context["groups"]}
    assert [u.full_name for u in groups["people"]] == ["Daan Mulder"]


def test_alumni_do_not_search_the_staff_directory(anouk, staff):
    assert "people" not in {g["key"] for g in search_everything(anouk, "Mulder")}
