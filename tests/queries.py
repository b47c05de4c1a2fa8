"""Counting queries: a list page costs the same for 5 rows as for 50 (docs/DEVELOPING.md)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> int:
    """The queries of one GET of `url` (which must answer 200), measured warm: one GET before
    fills the caches (signed-in user, unread count, content types) as a running server has
    them, also after a test added people or notifications."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)
