"""The chains across practices: stages counted in the same period, each from a section's
figure. They are not followed per person: that would be monitoring individual employees."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Stage:
    figure: str  # a figure key; the stage shows the sum of its amounts (a count)
    label: str


@dataclass(frozen=True)
class Chain:
    key: str
    title: str
    stages: tuple[Stage, ...]


CHAINS = (
    Chain("faq", _("From question to self-service"), (
        Stage("helpdesk.questions", _("Questions asked")),
        Stage("helpdesk.faq_from_questions", _("FAQ entries made from a question")),
        Stage("helpdesk.solved_without_ticket", _("Questions solved without a ticket")),
    )),
    Chain("development", _("From gap to level"), (
        Stage("competencies.gaps_found", _("Gaps found in reviews")),
        Stage("trainings.proposals", _("Trainings proposed")),
        Stage("trainings.proposed_completions", _("Proposed trainings completed")),
        Stage("competencies.at_target", _("Competencies at the required level at a review")),
    )),
    Chain("recruitment", _("From share to hire"), (
        Stage("sharing.vacancy_shares", _("Vacancies shared by employees and alumni")),
        Stage("sharing.vacancy_clicks", _("Counted clicks on the shared vacancies")),
        Stage("recruitment.applications_via_share", _("Applications through a shared link")),
        Stage("recruitment.hires_via_share", _("Hires through a shared link")),
    )),
    Chain("alumni-recruitment", _("From an alumnus's share to hire"), (
        Stage("sharing.vacancy_shares_by_alumni", _("Vacancies shared by alumni")),
        Stage("sharing.vacancy_clicks_by_alumni", _("Counted clicks on the vacancies they shared")),
        Stage("recruitment.applications_via_alumni_share",
              _("Applications through an alumnus's link")),
        Stage("recruitment.hires_via_alumni_share", _("Hires through an alumnus's link")),
    )),
)  # fmt: skip


def available_chains(figure_keys) -> list[Chain]:
    """The chains whose every stage comes from an installed section."""
    return [c for c in CHAINS if all(s.figure in figure_keys for s in c.stages)]
