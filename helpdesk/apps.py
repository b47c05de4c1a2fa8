from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    """Practice 3: the internal helpdesk ("vraagbaak") and its FAQ."""

    name = "helpdesk"
    verbose_name = _("Helpdesk")
