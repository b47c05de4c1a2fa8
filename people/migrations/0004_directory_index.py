from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("people", "0003_search_indexes")]

    operations = [
        migrations.AddIndex(
            model_name="user",
            index=models.Index(
                condition=models.Q(("is_active", True), ("kind", "employee")),
                fields=["full_name"],
                name="people_user_directory",
            ),
        ),
    ]
