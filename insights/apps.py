from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.plugins import PortalAppConfig


class InsightsConfig(PortalAppConfig):
    """Setting the example and recording results: what each practice achieves over time, and
    initiatives measured against the rest. Reads every app through its api.py; nobody reads
    insights."""

    name = "insights"
    # Published figures for integrations (HR tokens only, scope insights:read).
    api_routers = ["insights.rest.router"]
    verbose_name = _("Insights")

    @property
    def seed_after(self):
        # The last demo days are built from the other apps' demo rows: after all that exist.
        from django.apps import apps

        optional = ("sharing", "news", "alumni", "recruitment")
        return ("people", "guidelines", "trainings", "helpdesk", "competencies",
                *(label for label in optional if apps.is_installed(label)))  # fmt: skip

    navigation = navigation.app_menu("insights", order=90, hr=(_("Insights"), "insights:index"))
    periodic_tasks = {
        # The daily aggregates the dashboard reads (insights.models.DailyFigure).
        "insights-daily-figures": {
            "task": "insights.tasks.build_daily_figures",
            "schedule": crontab(hour=2, minute=20),
        },
    }
    # The headcounts per department behind every figure's group size.
    cached = {"insights.figures.DEPARTMENTS": ("people.Department", "people.User")}
