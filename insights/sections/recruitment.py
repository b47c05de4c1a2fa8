"""Practice 9: recruitment and referrals."""

from django.apps import apps
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from insights.sections import AVERAGE, COUNT, RATE, Figure, Section
from insights.sections.sharing import CHANNELS

# The counted clicks on the vacancies' personal links come from sharing, when installed.
WITH_CLICKS = apps.is_installed("sharing")


def daily(day):
    from recruitment import api

    found = api.daily_figures(day)
    if WITH_CLICKS:
        from sharing import api as sharing

        found |= sharing.vacancy_clicks_per_channel(day)
    return found


def people(start, end, granularity):
    """The distinct candidates behind the applications and hires per channel, and the
    distinct sharers behind the clicks per channel."""
    from recruitment import api

    found = api.people_behind(start, end, granularity)
    if WITH_CLICKS:
        from sharing import api as sharing

        found |= sharing.vacancy_click_sharers(start, end, granularity)
    return found


def _per_channel(value, network) -> tuple[Figure, ...]:
    """clicks → applications → hires of one channel of the personal links."""
    clicks = Figure(
        f"clicks_{value}",
        format_lazy(_("Counted clicks on vacancies shared on {network}"), network=network),
        COUNT,
    )
    return (
        *((clicks,) if WITH_CLICKS else ()),
        Figure(f"applications_{value}",
               format_lazy(_("Applications through a link shared on {network}"),
                           network=network), COUNT),
        Figure(f"hires_{value}",
               format_lazy(_("Hires through a link shared on {network}"), network=network),
               COUNT),
    )  # fmt: skip


SECTION = Section(
    label="recruitment",
    title=_("Recruitment"),
    order=60,
    daily=daily,
    people=people,
    figures=(
        Figure("applications", _("Applications"), COUNT),
        Figure("applications_via_share", _("Applications through a shared link"), COUNT),
        Figure("hires", _("Hires"), COUNT),
        Figure("hires_via_share", _("Hires through a shared link"), COUNT),
        Figure("applications_via_alumni_share", _("Applications through an alumnus's link"),
               COUNT),
        Figure("hires_via_alumni_share", _("Hires through an alumnus's link"), COUNT),
        Figure("referral_share", _("Hires someone referred"), RATE, "%"),
        Figure("time_to_hire", _("Average days from application to hire"), AVERAGE),
        *(figure for value, network in CHANNELS for figure in _per_channel(value, network)),
        Figure("applications_direct",
               _("Applications without a shared link (careers page, referral by name, "
                 "internal)"), COUNT),
        Figure("hires_direct", _("Hires without a shared link"), COUNT),
    ),
    note=_("Per department of the vacancy. A shared link: an employee's or alumnus's personal "
           "link from a share kit brought the candidate. Per channel: the network the link was "
           "shared on; applications and hires show only where at least five different "
           "candidates are behind them. Counted clicks per channel are per department of the "
           "employees who shared (alumni and freelancers: the organisation only) and show only "
           "where the links of at least five people were clicked."),
)  # fmt: skip
