from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    """Practices 4 and 8: competency profiles, reviews, gaps and the expert finder."""

    name = "competencies"
    verbose_name = _("Competencies")

    def ready(self):
        from competencies import home, receivers, sections  # noqa: F401  (panels register)
        from competencies.models import ExpertProfile
        from hrsocial import navigation, search
        from notifications import categories

        navigation.register(
            navigation.NavItem(
                key="competencies",
                label=_("Competencies"),
                url_name="competencies:index",
                visible=navigation.employees,
                order=40,
            )
        )
        navigation.register(
            navigation.NavItem(
                key="competencies",
                label=_("Competencies and reviews"),
                url_name="competencies:hr-dashboard",
                visible=navigation.hr_staff,
                order=40,
                section="hr",
            )
        )
        search.register(
            search.SearchSource(
                key="experts",
                label=_("Who knows what"),
                queryset=lambda user: ExpertProfile.objects.listed() if user.is_employee else None,
                fields=("tags_text", "ask_me_about", "person__full_name"),
                snippet="tags_text",
                order=45,
            )
        )
        receivers.connect()
        categories.register(
            "competencies.assessment",
            _("Competency reviews: your self-assessment, reminders and the outcome"),
            order=40,
            audience=categories.employees,
        )
        categories.register(
            "competencies.review",
            _("Competency reviews of your team: reviews to do, reminders and reactions"),
            order=41,
            audience=categories.managers_and_hr,
        )
