"""Search, the same way everywhere in the portal.

`search(queryset, query, fields)` filters a queryset and orders it by relevance:

* on PostgreSQL, full-text search with the `dutch` configuration (so "trainingen" finds
  "training") plus trigram similarity on the short fields, so a typo ("linkdin") still finds
  "LinkedIn";
* on SQLite (the embedded default), every word must occur in one of the fields,
  case-insensitively.

For speed on a large table, index it in a migration with `SearchIndex` (below): a GIN index on
exactly the document `search()` builds from `fields`, and a `gin_trgm_ops` index on each of
the `trigram_fields`; nothing on SQLite. Small tables need nothing. Where the documents are
long, a stored vector is faster at every size: below a few thousand rows PostgreSQL scans the
table rather than the index and builds every document again (the news search: 12 ms for 300
posts on the expression index, 0.8 ms on the stored vector). The news posts and the training
catalogue keep one (a `search_vector` column refreshed on save, see `PostQuerySet`), the
helpdesk queue a weighted one kept by a trigger; they pass `vector`.

The global search page asks every registered `SearchSource` for its best matches.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.migrations.operations.base import Operation
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Greatest

from hrsocial.navigation import employees

MAX_QUERY_LENGTH = 200
SEARCH_CONFIG = "dutch"


def clean_query(query: str | None) -> str:
    # NUL cannot reach PostgreSQL (DataError), and no one searches for it.
    return " ".join((query or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def search(
    queryset: QuerySet,
    query: str | None,
    fields: Sequence[str],
    *,
    trigram_fields: Sequence[str] | None = None,
    vector: str | None = None,
    config: str = SEARCH_CONFIG,
) -> QuerySet:
    """Filter `queryset` to the rows matching `query`, best matches first.

    `fields` are the text fields searched (related fields with `__` are fine). On PostgreSQL,
    `trigram_fields` (default: the first field) are also matched by similarity for typos, and
    `vector` names a stored search vector to use instead of computing one from `fields`.
    A blank query returns the queryset unchanged, so list pages can always call this.
    """
    query = clean_query(query)
    if not query:
        return queryset
    if not is_postgresql():
        return _search_plain(queryset, query, fields)

    search_query = SearchQuery(query, config=config, search_type="websearch")
    if vector:
        document = vector  # a stored, indexed SearchVectorField: the match can use its index
    else:
        queryset = queryset.annotate(search_document=SearchVector(*fields, config=config))
        document = "search_document"
    queryset = queryset.annotate(search_rank=SearchRank(F(document), search_query))
    matches = Q(**{document: search_query})
    ordering = ["-search_rank"]
    similar_fields = list(trigram_fields if trigram_fields is not None else fields[:1])
    if similar_fields:
        # The %> operator (word similarity above pg_trgm's threshold) can use a trigram
        # index; the similarity itself is only computed to order the matches.
        for field in similar_fields:
            matches |= Q(**{f"{field}__trigram_word_similar": query})
        similarities = [TrigramWordSimilarity(query, field) for field in similar_fields]
        similarity = similarities[0] if len(similarities) == 1 else Greatest(*similarities)
        queryset = queryset.annotate(search_similarity=similarity)
        ordering.append("-search_similarity")
    return queryset.filter(matches).order_by(*ordering, "-pk")


class SearchIndex(Operation):
    """The one way to index a search, as a migration operation:
    `SearchIndex("faqentry", fields=("title", "answer"), trigram_fields=("title",))`.

    On PostgreSQL it creates `<table>_search`, a GIN index on the document `search(queryset,
    query, fields)` matches (so `fields` in the same order as the app passes them), and
    `<table>_<field>_trgm` for each trigram field; the models' state does not change, and on
    SQLite nothing happens. Reversible.
    """

    reduces_to_sql = False

    def __init__(self, model_name: str, fields: Sequence[str], trigram_fields: Sequence[str] = ()):
        if any("__" in field for field in (*fields, *trigram_fields)):
            raise ValueError("an index covers the model's own columns only")
        self.model_name = model_name
        self.fields = tuple(fields)
        self.trigram_fields = tuple(trigram_fields)

    def indexes(self, model) -> list[GinIndex]:
        table = model._meta.db_table
        document = SearchVector(*self.fields, config=SEARCH_CONFIG)
        return [GinIndex(document, name=f"{table}_search")] + [
            GinIndex(OpClass(F(field), name="gin_trgm_ops"), name=f"{table}_{field}_trgm")
            for field in self.trigram_fields
        ]

    def state_forwards(self, app_label, state):
        pass  # PostgreSQL-only: kept out of Meta.indexes, which SQLite would have to build too

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            for index in self.indexes(model):
                schema_editor.add_index(model, index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            for index in self.indexes(model):
                schema_editor.remove_index(model, index)


def _search_plain(queryset: QuerySet, query: str, fields: Sequence[str]) -> QuerySet:
    for word in query.split():
        queryset = queryset.filter(
            reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
        )
    return queryset.distinct() if any("__" in f for f in fields) else queryset


@dataclass(frozen=True)
class SearchSource:
    """One kind of record on the global search page, declared in an app's PortalAppConfig.

    `model` ("guidelines.Guideline") and `rows`, its manager method for the searchable rows
    ("published"), which people `visible(user)` may search. `fields` default to the queryset's
    SEARCH_FIELDS. Results are shown with `str(obj)`, `obj.get_absolute_url()` and, when
    given, the text of `snippet` (an attribute name).
    """

    key: str
    label: str
    model: str
    rows: str = "all"
    visible: Callable = employees
    fields: tuple[str, ...] | None = None
    snippet: str | None = None
    order: int = 100
    limit: int = 5

    def queryset(self, user) -> QuerySet | None:
        """The records this user may find, or None when they may not search this kind."""
        if not self.visible(user):
            return None
        return getattr(apps.get_model(self.model).objects, self.rows)()

    def search(self, queryset: QuerySet, query: str) -> QuerySet:
        return search(queryset, query, self.fields or queryset.SEARCH_FIELDS)


_sources: dict[str, SearchSource] = {}


def collect(sources) -> None:
    """At start (hrsocial.apps): every app's search sources."""
    _sources.update({source.key: source for source in sources})


def search_source(key: str, user, query: str, limit: int = 5) -> list:
    """The best matches of one registered source for this user ([] if not registered or not
    visible to them). Lets one app suggest another app's records without importing it."""
    source = _sources.get(key)
    queryset = source.queryset(user) if source else None
    if queryset is None or not clean_query(query):
        return []
    return list(source.search(queryset, query)[:limit])


def search_everything(user, query: str) -> list[dict]:
    """The best matches per source this user may search: one query per source."""
    query = clean_query(query)
    if not query:
        return []
    groups = []
    for source in sorted(_sources.values(), key=lambda s: (s.order, s.key)):
        queryset = source.queryset(user)
        if queryset is None:
            continue
        hits = list(source.search(queryset, query)[: source.limit])
        groups.append({"key": source.key, "label": source.label, "source": source, "hits": hits})
    return groups
