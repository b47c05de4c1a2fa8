"""A random reference for every question (issue 11): numbers in sequence lined anonymous
questions up with their askers' named ones."""

from django.db import migrations, models

import helpdesk.models.questions


def fill_references(apps, schema_editor):
    Question = apps.get_model("helpdesk", "Question")
    used = set()
    for question in Question.objects.only("pk").iterator(chunk_size=2000):
        reference = helpdesk.models.questions.new_reference()
        while reference in used:
            reference = helpdesk.models.questions.new_reference()
        used.add(reference)
        Question.objects.filter(pk=question.pk).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0004_held_notices")]

    operations = [
        migrations.AddField(
            model_name="question",
            name="reference",
            field=models.CharField(editable=False, max_length=10, null=True, verbose_name="reference"),
        ),
        migrations.RunPython(fill_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="question",
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
