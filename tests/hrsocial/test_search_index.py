"""SearchIndex, the one migration operation for search indexes (hrsocial.search)."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hrsocial.search import SearchIndex, search
from people.models import User, UserQuerySet

COLLEAGUES = SearchIndex("user", fields=UserQuerySet.SEARCH_FIELDS, trigram_fields=["full_name"])


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "people_user")
    return {name for name, info in constraints.items() if info["index"]}


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A tiny test table would be scanned whole; leave the planner only bitmap index scans.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _apply(direction: str) -> None:
    state = MigrationExecutor(connection).loader.project_state()
    with connection.schema_editor() as editor:
        getattr(COLLEAGUES, f"database_{direction}")("people", editor, state, state)


def test_it_indexes_exactly_what_search_matches_on_postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL indexes")
    with connection.cursor() as cursor:  # the hand-written ones of people/0003, for the test
        cursor.execute("DROP INDEX people_user_search_fts, people_user_name_trgm")
    _apply("forwards")
    assert {"people_user_search", "people_user_full_name_trgm"} <= _indexes()
    plan = _plan(search(User.objects.all(), "jansen", UserQuerySet.SEARCH_FIELDS))
    assert "people_user_search" in plan, plan
    assert "people_user_full_name_trgm" in plan, plan

    _apply("backwards")
    assert not {"people_user_search", "people_user_full_name_trgm"} & _indexes()


def test_it_does_nothing_on_sqlite():
    class SQLiteEditor:
        connection = SimpleNamespace(vendor="sqlite")

        def add_index(self, model, index):
            raise AssertionError("SQLite has no GIN indexes")

        remove_index = add_index

    COLLEAGUES.database_forwards("people", SQLiteEditor(), None, None)
    COLLEAGUES.database_backwards("people", SQLiteEditor(), None, None)


def test_it_is_written_into_a_migration_as_it_was_declared():
    name, args, kwargs = COLLEAGUES.deconstruct()
    assert SearchIndex(*args, **kwargs).deconstruct() == (name, args, kwargs)


def test_it_refuses_a_field_of_another_table():
    with pytest.raises(ValueError):
        SearchIndex("faqentry", fields=["title", "category__name"])
