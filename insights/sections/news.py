"""Practices 5–8: internal news, the conversation, must-reads and consultations."""

from django.utils.translation import gettext_lazy as _

from insights.sections import COUNT, RATE, Figure, Section


def daily(day):
    from news import api

    return api.daily_figures(day)


SECTION = Section(
    label="news",
    title=_("News"),
    order=45,
    daily=daily,
    figures=(
        Figure("readers", _("Readers (posts opened)"), COUNT),
        Figure("comments", _("Comments written"), COUNT),
        Figure("reactions", _("Reactions with a click"), COUNT),
        Figure("consultation_turnout", _("Consultation turnout"), RATE, "%"),
        Figure("confirmation_rate", _("Must-reads confirmed"), RATE, "%"),
    ),
    note=_("Readers: each person counts once per post, on the day they first opened it. "
           "Turnout: of the employees a consultation was meant for, the share who took part, "
           "on the day it closed; an anonymous consultation's turnout counts in the "
           "organisation's figures only. Must-reads confirmed: of the live must-reads, the "
           "share of the employees they are meant for who confirmed the current version, "
           "averaged over the days of each period."),
)  # fmt: skip
