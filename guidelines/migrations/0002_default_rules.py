"""The checker's rules with their default severity, tip and word lists, so a new portal's
checker can be tuned by HR from day one."""

import unicodedata

from django.db import migrations


def _normalize(term):
    text = " ".join(term.split())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def add_default_rules(apps, schema_editor):
    from guidelines.checker.defaults import DEFAULT_RULES

    Rule = apps.get_model("guidelines", "Rule")
    Term = apps.get_model("guidelines", "Term")
    for kind, default in DEFAULT_RULES.items():
        rule, created = Rule.objects.get_or_create(
            kind=kind,
            defaults={"severity": default.severity, "tip": default.tip, "tip_en": default.tip_en},
        )
        if created:
            Term.objects.bulk_create(
                [Term(rule=rule, text=t, normalized=_normalize(t)) for t in default.terms]
            )


class Migration(migrations.Migration):
    dependencies = [("guidelines", "0001_initial")]

    operations = [migrations.RunPython(add_default_rules, migrations.RunPython.noop)]
