"""Practice 1: the tips and their acknowledgement."""

from django.utils.translation import gettext_lazy as _

from insights.sections import COUNT, RATE, Figure, Section


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
    ),
    note=_("Acknowledgement rate: of the tips that ask for it, the share acknowledged by the "
           "employees, averaged over the days of each period."),
)  # fmt: skip
