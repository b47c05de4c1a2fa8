from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation, search
from hrsocial.plugins import PortalAppConfig, Receiver, category, webhook_event
from notifications import categories as audiences
from notifications.categories import Delivery


class GuidelinesConfig(PortalAppConfig):
    """Practice 1: tips for using social media, and the "may I post this?" checker."""

    name = "guidelines"
    api_routers = ["guidelines.rest.router"]
    webhook_events = [webhook_event("guidelines.tip_published", _("A published tip"))]
    verbose_name = _("Guidelines")
    navigation = navigation.app_menu(
        "guidelines", order=10,
        main=(_("Tips"), "guidelines:index"),
        hr=(_("Tips and checker rules"), "guidelines:manage"),
    )  # fmt: skip
    search_sources = [
        search.SearchSource(
            key="guidelines", label=_("Tips"), model="guidelines.Guideline", rows="published",
            snippet="display_tip", order=10,
        ),
    ]  # fmt: skip
    notification_categories = [
        category("guidelines.changed", _("New and changed tips"), default=Delivery.DIGEST,
                 description=_("When HR publishes a new tip or changes one so that you read it "
                               "again."), order=10, audience=audiences.employees),
        category("guidelines.reminder", _("Reminders to acknowledge tips"),
                 default=Delivery.DIGEST,
                 description=_("When tips are still waiting for your “read and understood”."),
                 order=11, audience=audiences.employees),
    ]  # fmt: skip
    home_panels = ["guidelines.home.acknowledgement_todo"]
    # A rule, a term or a tip changed: the compiled rule set of every process is out of date.
    receivers = [
        Receiver(signal, "guidelines.signals.rules_changed",
                 ("guidelines.Rule", "guidelines.Term", "guidelines.Guideline"))
        for signal in ("post_save", "post_delete")
    ]  # fmt: skip
    cached = {"guidelines.api.PUBLISHED_TIPS": ("guidelines.Guideline",)}
    periodic_tasks = {
        # Remind who has not acknowledged tips in time.
        "guidelines-acknowledgement-reminders": {
            "task": "guidelines.tasks.send_acknowledgement_reminders",
            "schedule": crontab(hour=9, minute=30),
        },
    }
    # The draft checker for the shared ground (sharing's share page), which may not import
    # guidelines: `hrsocial.plugins.provided("draft_check")(text, network)`.
    provides = {"draft_check": "guidelines.api.draft_check"}
