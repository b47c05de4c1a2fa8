import django.contrib.postgres.search
from django.db import migrations

# The catalogue search on PostgreSQL: a stored search vector with a GIN index, and a trigram
# index for typos in titles. SQLite gets the (unused) column only; its search is a plain match.
FIELDS = ("title", "title_en", "summary", "summary_en", "description", "provider_name")
VECTOR = "to_tsvector('dutch'::regconfig, {})".format(
    " || ' ' || ".join(f"COALESCE({field}, '')" for field in FIELDS)
)
CREATE = [
    "CREATE INDEX IF NOT EXISTS trainings_training_search_vector ON trainings_training "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS trainings_training_title_trgm ON trainings_training "
    "USING gin (title gin_trgm_ops)",
    f"UPDATE trainings_training SET search_vector = {VECTOR}",
]
DROP = [
    "DROP INDEX IF EXISTS trainings_training_search_vector",
    "DROP INDEX IF EXISTS trainings_training_title_trgm",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("trainings", "0001_initial"), ("hrsocial", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="training",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(run(CREATE), run(DROP)),
    ]
