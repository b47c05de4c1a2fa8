"""Practice 2: trainings."""

from django.utils.translation import gettext_lazy as _

from insights.sections import AVERAGE, COUNT, RATE, Figure, Section


def daily(day):
    from trainings import api

    return api.daily_figures(day)


def people(start, end, granularity):
    from trainings import api

    return api.people_behind(start, end, granularity)


SECTION = Section(
    label="trainings",
    title=_("Trainings"),
    order=20,
    daily=daily,
    people=people,
    figures=(
        Figure("enrolments", _("Enrolments"), COUNT),
        Figure("completions", _("Completions"), COUNT),
        Figure("no_show_rate", _("No-shows"), RATE, "%"),
        Figure("satisfaction", _("Satisfaction (1–5)"), AVERAGE),
        Figure("waitlist_share", _("Waitlist pressure: enrolments that had to wait"), RATE, "%"),
        Figure("proposals", _("Trainings proposed by managers"), COUNT),
        Figure("proposed_completions", _("Proposed trainings completed"), COUNT),
    ),
)
