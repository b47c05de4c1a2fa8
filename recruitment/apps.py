from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.navigation import signed_in
from hrsocial.plugins import PortalAppConfig, category, webhook_event
from hrsocial.shareables import Shareable
from notifications import categories as audiences
from recruitment.search import VacancySearchSource


class RecruitmentConfig(PortalAppConfig):
    """Practice 9: recruitment via social media — public vacancies, referrals through
    colleagues' networks, candidate questions, applications under the NVP sollicitatiecode."""

    name = "recruitment"
    verbose_name = _("Recruitment")
    # Vacancies take their required competencies from a job role (competencies.api only).
    seed_after = ("people", "competencies")
    urls = {"recruitment/": "recruitment.urls", "vacatures/": "recruitment.urls_public"}
    navigation = navigation.app_menu(
        "recruitment", order=60,
        main=(_("Vacancies"), "recruitment:index"),
        hr=(_("Recruitment"), "recruitment:hr-vacancies"),
    )  # fmt: skip
    # Open vacancies for job boards and integrations (/api/recruitment/, integrations).
    api_routers = ["recruitment.rest.router"]
    webhook_events = [
        webhook_event("recruitment.application_received", _("An application received")),
        webhook_event("recruitment.referral_hired", _("A hire through a referral")),
    ]
    notification_categories = [
        category("recruitment.referral", _("News about the candidates you referred"), order=60,
                 audience=audiences.employees),
        category("recruitment.hr", _("New applications and candidate questions (HR staff)"),
                 order=61, audience=audiences.hr_staff),
    ]  # fmt: skip
    shareables = [
        Shareable(key="recruitment.vacancy", model="recruitment.Vacancy",
                  describe="recruitment.sharing.describe_vacancy"),
    ]  # fmt: skip
    search_sources = [
        # Signed-in alumni and freelancers find public vacancies; employees internal ones too.
        VacancySearchSource(
            key="recruitment.vacancies", label=_("Vacancies"), model="recruitment.Vacancy",
            visible=signed_in, snippet="search_snippet", order=60,
        ),
    ]  # fmt: skip
    home_todos = ["recruitment.home.hr_todos"]
    # Alumni and news list open vacancies without importing recruitment.
    provides = {"open_vacancies": "recruitment.api.open_vacancies"}
    # The public pages and feeds are the same for every visitor: rendered once per change.
    cached = {
        "recruitment.public.PUBLIC": (
            "recruitment.Vacancy", "recruitment.CandidateQuestion", "people.Department",
        ),
        "recruitment.figures.STAGE_COUNTS": ("recruitment.Application",),
    }  # fmt: skip
    periodic_tasks = {
        # NVP sollicitatiecode: candidates' data goes four weeks (or a year) after the end.
        "recruitment-retention": {
            "task": "recruitment.tasks.shred_expired_applications",
            "schedule": crontab(hour=3, minute=20),
        },
        # Candidate e-mails whose task never ran (a broker that was down).
        "recruitment-candidate-mail": {
            "task": "recruitment.tasks.sweep_candidate_messages",
            "schedule": 900.0,
        },
    }
