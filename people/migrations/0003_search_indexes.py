from django.db import migrations

# The colleague search (hrsocial.search with fields full_name and bio) on PostgreSQL: one GIN
# index on exactly the expression search() builds, one trigram index for typos in names.
# SQLite has neither index type; its search is a plain match on a small table.
FTS = (
    "to_tsvector('dutch'::regconfig, "
    "COALESCE(\"full_name\", '') || ' ' || COALESCE(\"bio\", ''))"
)
CREATE = [
    f"CREATE INDEX IF NOT EXISTS people_user_search_fts ON people_user USING gin ({FTS})",
    "CREATE INDEX IF NOT EXISTS people_user_name_trgm ON people_user "
    "USING gin (full_name gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS people_user_search_fts",
    "DROP INDEX IF EXISTS people_user_name_trgm",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("people", "0002_groups"), ("hrsocial", "0001_initial")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
