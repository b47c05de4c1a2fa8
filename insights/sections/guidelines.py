"""Practice 1: the tips and their acknowledgement."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from insights.sections import COUNT, RATE, Figure, Section

# The kinds of the checker's rules (guidelines.models.Rule.Kind; insights imports no model).
RULES = (
    ("confidential", _("confidential terms")),
    ("email", _("e-mail addresses")),
    ("phone", _("phone numbers")),
    ("iban", _("bank account numbers (IBAN)")),
    ("bsn", _("citizen service numbers (BSN)")),
    ("address", _("addresses (postcode and house number)")),
    ("internal", _("internal-only markers")),
    ("financial", _("price-sensitive and financial topics")),
    ("negative", _("negative remarks about clients or colleagues")),
    ("length", _("too long for the network")),
)


def daily(day):
    from guidelines import api

    return api.daily_figures(day)


SECTION = Section(
    label="guidelines",
    title=_("Tips for social media"),
    order=10,
    daily=daily,
    figures=(
        Figure("acknowledgement_rate", _("Acknowledgement rate"), RATE, "%"),
        Figure("acknowledgements", _("Acknowledgements given"), COUNT),
        Figure("draft_checks", _("Drafts checked"), COUNT),
        Figure("draft_flagged", _("Checked drafts with a finding"), COUNT),
        *(
            Figure(f"found_{kind}", format_lazy(_("Drafts with a finding: {rule}"), rule=label),
                   COUNT)
            for kind, label in RULES
        ),
    ),
    note=_("Acknowledgement rate: of the tips that ask for it, the share acknowledged by the "
           "employees, averaged over the days of each period. The draft checker: how many drafts "
           "were checked and what the rules found in them, counted per rule; the drafts "
           "themselves are never stored."),
)  # fmt: skip
