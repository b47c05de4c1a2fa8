"""Any change to a rule, a term or a tip (its title and link appear in findings) means the
compiled rule set of every process is out of date."""

from guidelines.checker.ruleset import ruleset_changed


def rules_changed(sender, **kwargs):
    if kwargs.get("raw"):  # loading fixtures
        return
    ruleset_changed()
