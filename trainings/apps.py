from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    """Practice 2: trainings that fit the person, sessions, waitlists and the self-scan."""

    name = "trainings"
    verbose_name = _("Trainings")
