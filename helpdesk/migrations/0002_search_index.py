from django.db import migrations

# The queue search on PostgreSQL: a stored tsvector of subject (weight A) and question text
# (weight B), kept up to date by a trigger (so bulk inserts and every save path get it), with a
# GIN index; plus a trigram index on the subject for typos. SQLite searches plainly instead.
CREATE = [
    """
    CREATE OR REPLACE FUNCTION helpdesk_question_search_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('dutch'::regconfig, COALESCE(NEW.subject, '')), 'A') ||
            setweight(to_tsvector('dutch'::regconfig, COALESCE(NEW.body, '')), 'B');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER helpdesk_question_search_vector_update
    BEFORE INSERT OR UPDATE OF subject, body, search_vector ON helpdesk_question
    FOR EACH ROW EXECUTE FUNCTION helpdesk_question_search_vector()
    """,
    "UPDATE helpdesk_question SET search_vector = NULL",
    "CREATE INDEX IF NOT EXISTS helpdesk_question_search ON helpdesk_question "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS helpdesk_question_subject_trgm ON helpdesk_question "
    "USING gin (subject gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS helpdesk_question_subject_trgm",
    "DROP INDEX IF EXISTS helpdesk_question_search",
    "DROP TRIGGER IF EXISTS helpdesk_question_search_vector_update ON helpdesk_question",
    "DROP FUNCTION IF EXISTS helpdesk_question_search_vector()",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0001_initial"), ("hrsocial", "0001_initial")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
