"""Practice 3: the helpdesk."""

from django.utils.translation import gettext_lazy as _

from insights.sections import AVERAGE, COUNT, RATE, Figure, Section


def daily(day):
    from helpdesk import api

    return api.daily_figures(day)


def people(start, end, granularity):
    from helpdesk import api

    return api.people_behind(start, end, granularity)


SECTION = Section(
    label="helpdesk",
    title=_("Helpdesk"),
    order=30,
    daily=daily,
    people=people,
    figures=(
        Figure("questions", _("Questions"), COUNT),
        Figure("first_response_hours", _("Average hours to the first response"), AVERAGE),
        Figure("within_target", _("First response within the target"), RATE, "%"),
        Figure("satisfaction", _("Satisfaction (1–5)"), AVERAGE),
        Figure("faq_from_questions", _("FAQ entries made from a question"), COUNT),
        Figure("solved_without_ticket", _("Questions solved without a ticket"), COUNT),
    ),
    note=_("Anonymous questions and questions solved without a ticket belong to no "
           "department: they count in the organisation's figures only."),
)  # fmt: skip
