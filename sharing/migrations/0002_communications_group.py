from django.db import migrations


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Communicatie")


class Migration(migrations.Migration):
    """The communications team ("Communicatie") curates share kits and reads their figures:
    on this app the same rights as HR (sharing.permissions.can_manage_sharing)."""

    dependencies = [("sharing", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
