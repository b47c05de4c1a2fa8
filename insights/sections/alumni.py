"""Practice 10: the alumni and freelancer network."""

from django.utils.translation import gettext_lazy as _

from insights.sections import COUNT, RATE, Figure, Section


def daily(day):
    from alumni import api

    return api.daily_figures(day)


SECTION = Section(
    label="alumni",
    title=_("Alumni and freelancers"),
    order=70,
    daily=daily,
    figures=(
        Figure("members", _("New members"), COUNT),
        Figure("verified", _("Memberships verified"), COUNT),
        Figure("directory_opt_in", _("Members in the directory"), RATE, "%"),
        Figure("gig_interest", _("Interest shown in gigs"), COUNT),
        Figure("gig_fills", _("Gigs filled"), COUNT),
        Figure("boomerang_hires", _("Boomerangs: members who became employees again"), COUNT),
    ),
    note=_("Members belong to no department: their figures count in the organisation's figures "
           "only, except boomerangs, who count in their new department. Members in the "
           "directory: of the members at the end of each day, the share who chose to appear, "
           "averaged over the days of each period."),
)  # fmt: skip
