from django.db import migrations, models


def notes_to_internal(apps, schema_editor):
    """Every existing note was written as HR's knowledge ("merger talks, strictly
    confidential") and was shown to anyone who typed the term: it becomes the internal note.
    The explanation for the employee starts empty (then the finding shows the rule's tip)."""
    Term = apps.get_model("guidelines", "Term")
    Term.objects.exclude(note="").update(internal_note=models.F("note"))


def internal_to_notes(apps, schema_editor):
    Term = apps.get_model("guidelines", "Term")
    Term.objects.exclude(internal_note="").update(note=models.F("internal_note"))


class Migration(migrations.Migration):
    dependencies = [("guidelines", "0002_default_rules")]

    operations = [
        migrations.AddField(
            model_name="term",
            name="explanation",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Optional: shown with the finding to anyone whose draft has the term, e.g. "
                    "“ask first whether you may name this client”. Never write the reason here."
                ),
                max_length=200,
                verbose_name="explanation for the employee",
            ),
        ),
        migrations.AddField(
            model_name="term",
            name="internal_note",
            field=models.CharField(
                blank=True,
                help_text="Optional: only HR sees this, e.g. “merger talks, strictly confidential”.",
                max_length=200,
                verbose_name="internal note for HR",
            ),
        ),
        migrations.RunPython(notes_to_internal, internal_to_notes),
        migrations.RemoveField(model_name="term", name="note"),
    ]
