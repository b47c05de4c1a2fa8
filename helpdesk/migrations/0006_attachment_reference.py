"""A random reference for every attachment (issue 11): numbers in sequence lined an anonymous
question's files up with their asker's other uploads."""

from django.db import migrations, models

import helpdesk.models.questions


def fill_references(apps, schema_editor):
    Attachment = apps.get_model("helpdesk", "Attachment")
    used = set()
    for attachment in Attachment.objects.only("pk").iterator(chunk_size=2000):
        reference = helpdesk.models.questions.new_reference()
        while reference in used:
            reference = helpdesk.models.questions.new_reference()
        used.add(reference)
        Attachment.objects.filter(pk=attachment.pk).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0005_question_reference")]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="reference",
            field=models.CharField(editable=False, max_length=10, null=True, verbose_name="reference"),
        ),
        migrations.RunPython(fill_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="attachment",
            name="reference",
            field=models.CharField(
                default=helpdesk.models.questions.new_reference,
                editable=False,
                max_length=10,
                unique=True,
                verbose_name="reference",
            ),
        ),
    ]
