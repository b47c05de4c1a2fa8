from django.db import migrations

GROUPS = ["HR", "HR leads"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    """HR staff are the members of "HR"; "HR leads" see confidential helpdesk questions and
    receive escalations. Their admin permissions are granted after every migrate
    (people.signals), because permissions do not exist yet while migrations run."""

    dependencies = [("people", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
