from django.test import Client
from django.urls import reverse

from people.services import person_change_manager
from tests.factories import AlumnusFactory, UserFactory
from tests.queries import count_queries


def test_colleagues_find_each_other_in_the_directory(client, emma, cas):
    client.force_login(emma)
    response = client.get(reverse("people:directory"), {"q": "Cas"})
    assert list(response.context["page"].object_list) == [cas]


def test_the_directory_leaves_out_alumni_and_freelancers(client, emma, anouk, femke):
    client.force_login(emma)
    people = list(client.get(reverse("people:directory")).context["page"].object_list)
    assert anouk not in people and femke not in people


def test_the_directory_runs_a_fixed_number_of_queries(client, emma):
    client.force_login(emma)

    def queries():
        return count_queries(client, reverse("people:directory"))

    UserFactory.create_batch(5, verified=False)
    with_5 = queries()
    UserFactory.create_batch(45, verified=False)
    assert queries() == with_5


def test_alumni_see_only_their_own_profile(client, anouk, emma):
    client.force_login(anouk)
    assert client.get(reverse("people:profile", args=[anouk.pk])).status_code == 200
    assert client.get(reverse("people:profile", args=[emma.pk])).status_code == 404


def test_people_edit_their_own_profile(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("people:profile-edit"),
        {
            "full_name": "Emma Jansen",
            "bio": "Schrijft graag.",
            "linkedin_url": "https://www.linkedin.com/in/emma",
            "x_url": "",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    emma.refresh_from_db()
    assert emma.bio == "Schrijft graag."
    assert emma.preferred_language == "en"


def test_a_profile_link_must_go_where_it_says(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("people:profile-edit"),
        {
            "full_name": "Emma",
            "linkedin_url": "https://evil.example.com/in/emma",
            "preferred_language": "nl",
        },  # fmt: skip
    )
    assert response.status_code == 200
    assert "linkedin.com" in response.context["form"].errors["linkedin_url"][0]
    emma.refresh_from_db()
    assert emma.linkedin_url == ""


def test_a_bio_longer_than_500_characters_is_refused(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("people:profile-edit"),
        {"full_name": "Emma", "bio": "x" * 501, "preferred_language": "nl"},
    )
    assert "bio" in response.context["form"].errors


def test_the_language_switch_remembers_the_choice(client, emma):
    client.force_login(emma)
    response = client.post(reverse("people:set-language"), {"language": "en", "next": "/people/"})
    assert response["Location"] == "/people/"
    emma.refresh_from_db()
    assert emma.preferred_language == "en"
    assert client.get("/").headers["Content-Language"] == "en"


def test_visitors_switch_language_with_a_cookie(client, db):
    client.post(reverse("people:set-language"), {"language": "en"})
    response = client.get(reverse("account_login"))
    assert response.headers["Content-Language"] == "en"
    assert b"Sign in" in response.content


def test_dutch_is_the_default_whatever_the_browser_asks(db):
    response = Client(headers={"accept-language": "en-US,en;q=0.9"}).get(reverse("account_login"))
    assert response.headers["Content-Language"] == "nl"


def test_an_unknown_language_gets_a_message_and_changes_nothing(client, emma):
    client.force_login(emma)
    response = client.post(reverse("people:set-language"), {"language": "xx"}, follow=True)
    assert "Onbekende taal." in [str(m) for m in response.context["messages"]]
    emma.refresh_from_db()
    assert emma.preferred_language == "nl"


def test_the_language_switch_does_not_redirect_elsewhere(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("people:set-language"), {"language": "en", "next": "https://evil.example.com/"}
    )
    assert response["Location"] == "/"


def test_a_manager_cycle_is_refused(emma, milan, hanna, in_english):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="management cycle"):
        person_change_manager(person=milan, manager=emma, changed_by=hanna)
    milan.refresh_from_db()
    assert milan.manager is None


def test_an_end_date_before_the_start_date_is_refused(db, in_english):
    import datetime

    import pytest
    from django.core.exceptions import ValidationError

    person = AlumnusFactory.build(
        start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError, match="end date cannot be before"):
        person.full_clean()


def test_roles_follow_groups_and_reports(emma, milan, hanna, anouk):
    assert emma.is_employee and not emma.is_manager and not emma.is_hr
    assert milan.is_manager
    assert hanna.is_hr and hanna.is_hr_lead
    assert anouk.is_alumnus and not anouk.is_employee


def test_the_directory_filters_by_department(client, emma, cas):
    client.force_login(emma)
    response = client.get(reverse("people:directory"), {"department": cas.department_id})
    assert list(response.context["page"].object_list) == [cas]


def test_a_bad_department_filter_is_ignored_not_an_error(client, emma):
    client.force_login(emma)
    assert client.get(reverse("people:directory"), {"department": "abc"}).status_code == 200


def test_the_colleague_search_uses_its_indexes_on_postgresql(emma):
    import pytest
    from django.db import connection

    from hrsocial.search import search
    from people.models import User, UserQuerySet

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL indexes")
    queryset = search(User.objects.all(), "jansen", UserQuerySet.SEARCH_FIELDS)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A tiny test table would be scanned whole; leave the planner only bitmap index scans.
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
        cursor.execute("RESET enable_indexscan")
    assert "people_user_search_fts" in plan, plan
    assert "people_user_name_trgm" in plan
