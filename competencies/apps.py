from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    """Practices 4 and 8: competency profiles, reviews, gaps and the expert finder."""

    name = "competencies"
    verbose_name = _("Competencies")
