from django.db import migrations


def site_from_settings(apps, schema_editor):
    from hrsocial.sites import site_sync

    site_sync(site_model=apps.get_model("sites", "Site"), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """The Site row says SITE_URL's domain and PORTAL_NAME instead of "example.com"."""

    dependencies = [("hrsocial", "0001_initial"), ("sites", "0002_alter_domain_unique")]

    operations = [migrations.RunPython(site_from_settings, migrations.RunPython.noop)]
