from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidelinesConfig(AppConfig):
    """Practice 1: tips for using social media, and the "may I post this?" checker."""

    name = "guidelines"
    verbose_name = _("Guidelines")
