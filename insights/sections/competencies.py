"""Practice 4: competencies."""

from django.utils.translation import gettext_lazy as _

from insights.sections import AVERAGE, COUNT, RATE, Figure, Section


def daily(day):
    from competencies import api

    return api.daily_figures(day)


def people(start, end, granularity):
    from competencies import api

    return api.people_behind(start, end, granularity)


SECTION = Section(
    label="competencies",
    title=_("Competencies"),
    order=40,
    daily=daily,
    people=people,
    figures=(
        Figure("cycle_progress", _("Review cycle progress"), RATE, "%"),
        Figure("reviews_done", _("Reviews done"), COUNT),
        Figure("average_gap", _("Average gap to the required level"), AVERAGE),
        Figure("at_target", _("Reviewed competencies at the required level"), RATE, "%"),
        Figure("gaps_found", _("Gaps found in reviews"), COUNT),
    ),
)
