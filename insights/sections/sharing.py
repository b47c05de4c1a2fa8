"""Practices 5 and 9: sharing, its personal links and counted clicks."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from insights.sections import AVERAGE, COUNT, Figure, Section

# The networks of sharing.models.Channel (insights imports no model of another app).
CHANNELS = (
    ("linkedin", "LinkedIn"),
    ("x", "X"),
    ("facebook", "Facebook"),
    ("whatsapp", "WhatsApp"),
    ("email", _("e-mail")),
)


def daily(day):
    from sharing import api

    return api.daily_figures(day)


def people(start, end, granularity):
    from sharing import api

    return api.sharers(start, end, granularity)


SECTION = Section(
    label="sharing",
    title=_("Sharing"),
    order=50,
    daily=daily,
    people=people,
    figures=(
        Figure("shares", _("Shares (new personal links)"), COUNT),
        Figure("clicks", _("Counted clicks"), COUNT),
        Figure("click_through", _("Counted clicks per share"), AVERAGE),
        *(
            Figure(f"click_through_{value}",
                   format_lazy(_("Counted clicks per share on {network}"), network=name), AVERAGE)
            for value, name in CHANNELS
        ),
        Figure("vacancy_shares", _("Shares of vacancies"), COUNT),
        Figure("vacancy_clicks", _("Counted clicks on shared vacancies"), COUNT),
        Figure("vacancy_shares_by_alumni", _("Shares of vacancies by alumni"), COUNT),
        Figure("vacancy_clicks_by_alumni", _("Counted clicks on vacancies alumni shared"), COUNT),
    ),
    note=_("Counted clicks: one per browser per day, bots left out; never estimated reach. "
           "Per department of the sharers; alumni and freelancers share without a department "
           "and count in the organisation's figures only. Clicks per share divides the period's "
           "clicks by the links made in it, and shows only where at least five people made them."),
)  # fmt: skip
