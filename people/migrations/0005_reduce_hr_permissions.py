from django.db import migrations


def reduce_hr_permissions(apps, schema_editor):
    """Take from "HR" every permission its admin pages do not need (docs/PERMISSIONS.md):
    among others delete_user and the permissions on models that are not in the admin.

    The list is people.signals.HR_PERMISSIONS, which post_migrate applies again after every
    migrate; here it is applied once to databases that received the old, wider grant.
    """
    from people.signals import hr_permission_filter

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="HR").first()
    if group is None:
        return
    keep = set(Permission.objects.filter(hr_permission_filter()).values_list("pk", flat=True))
    for permission in group.permissions.all():
        if permission.pk not in keep:
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("people", "0004_directory_index"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(reduce_hr_permissions, migrations.RunPython.noop)]
