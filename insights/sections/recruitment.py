"""Practice 9: recruitment and referrals."""

from django.utils.translation import gettext_lazy as _

from insights.sections import AVERAGE, COUNT, RATE, Figure, Section


def daily(day):
    from recruitment import api

    return api.daily_figures(day)


SECTION = Section(
    label="recruitment",
    title=_("Recruitment"),
    order=60,
    daily=daily,
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
    ),
    note=_("Per department of the vacancy. A shared link: an employee's or alumnus's personal "
           "link from a share kit brought the candidate."),
)  # fmt: skip
