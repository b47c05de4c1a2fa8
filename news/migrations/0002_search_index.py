"""The news search's PostgreSQL indexes (hrsocial.search.SearchIndex): the full-text document
over the fields the news page and global search pass, and a trigram index on the title."""

from django.db import migrations

from hrsocial.search import SearchIndex


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial"), ("hrsocial", "0001_initial")]

    operations = [
        SearchIndex("post", fields=("title", "summary", "why", "body"), trigram_fields=("title",))
    ]
