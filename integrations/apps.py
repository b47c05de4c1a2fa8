from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.plugins import PortalAppConfig, category
from notifications import categories as audiences


def _hr_leads(user) -> bool:
    return user.is_authenticated and user.is_hr_lead


class IntegrationsConfig(PortalAppConfig):
    """Shared ground for other systems: the token API (/api/), webhooks. It collects every
    app's `api_routers` and `webhook_events`; it imports no practice app."""

    name = "integrations"
    verbose_name = _("Integrations")
    urls = {"api/": "integrations.api_urls", "integrations/": "integrations.urls"}
    navigation = navigation.app_menu(
        "webhooks", order=91, hr=(_("Webhooks"), "integrations:webhooks"),
    ) + [
        navigation.NavItem("chat-channels", _("Teams and Slack"), "integrations:channels",
                           visible=_hr_leads, order=92, section="hr"),
    ]  # fmt: skip
    notification_categories = [
        category("integrations.webhook_disabled", _("A webhook was switched off after failures"),
                 order=95, audience=audiences.hr_staff),
        category("integrations.channel_disabled",
                 _("A Teams or Slack channel was switched off after failures"),
                 order=96, audience=audiences.hr_leads),
    ]  # fmt: skip
    # notify() hands Teams/Slack deliveries over without importing integrations.
    provides = {"chat_queue": "integrations.chat.chat_queue"}
    periodic_tasks = {
        "integrations-chat-sweep": {
            "task": "integrations.tasks.sweep_chat_messages",
            "schedule": 60.0,
        },
        "integrations-webhook-sweep": {
            "task": "integrations.tasks.sweep_webhooks",
            "schedule": 60.0,
        },
    }
