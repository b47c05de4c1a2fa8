from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation, search
from hrsocial.plugins import PortalAppConfig, Receiver, category
from notifications import categories as audiences


class CompetenciesConfig(PortalAppConfig):
    """Practices 4 and 8: competency profiles, reviews, gaps and the expert finder."""

    name = "competencies"
    verbose_name = _("Competencies")
    navigation = navigation.app_menu(
        "competencies", order=40,
        main=(_("Competencies"), "competencies:index"),
        hr=(_("Competencies and reviews"), "competencies:hr-dashboard"),
    )  # fmt: skip
    search_sources = [
        search.SearchSource(
            key="experts", label=_("Who knows what"), model="competencies.ExpertProfile",
            rows="listed", fields=("tags_text", "ask_me_about", "person__full_name"),
            snippet="tags_text", order=45,
        ),
    ]  # fmt: skip
    notification_categories = [
        category("competencies.assessment",
                 _("Competency reviews: your self-assessment, reminders and the outcome"),
                 order=40, audience=audiences.employees),
        category("competencies.review",
                 _("Competency reviews of your team: reviews to do, reminders and reactions"),
                 order=41, audience=audiences.managers_and_hr),
    ]  # fmt: skip
    home_panels = ["competencies.home.my_review", "competencies.home.reviews_to_do"]
    home_todos = ["competencies.home.cycles_behind"]
    profile_sections = ["competencies.sections.expertise"]
    receivers = [
        Receiver("people.signals.employment_ended",
                 "competencies.receivers.withdraw_reviews_of_leaver"),
    ]  # fmt: skip
    periodic_tasks = {
        # Newcomers join open review cycles; reminders before the deadlines.
        "competencies-deadline-reminders": {
            "task": "competencies.tasks.send_deadline_reminders",
            "schedule": crontab(hour=8, minute=45),
        },
    }
