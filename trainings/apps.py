from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation, search
from hrsocial.plugins import PortalAppConfig, Receiver, category
from notifications import categories as audiences
from notifications.categories import Delivery


class TrainingsConfig(PortalAppConfig):
    """Practice 2: trainings that fit the person, sessions, waitlists and the self-scan."""

    name = "trainings"
    api_routers = ["trainings.rest.router"]
    verbose_name = _("Trainings")
    # A hard dependency: trainings develop competencies (through competencies.api only), and
    # the demo trainings link to the demo competency framework.
    seed_after = ("people", "competencies")
    navigation = navigation.app_menu(
        "trainings", order=20,
        main=(_("Trainings"), "trainings:index"),
        hr=(_("Trainings and sessions"), "trainings:hr-sessions"),
    )  # fmt: skip
    search_sources = [
        search.SearchSource(
            key="trainings", label=_("Trainings"), model="trainings.Training", rows="published",
            fields=("title", "title_en", "summary", "summary_en", "provider_name"),
            snippet="display_summary", order=20,
        ),
    ]  # fmt: skip
    notification_categories = [
        category("trainings.enrolment",
                 _("Your trainings: confirmations, seats from the waitlist, changes"),
                 description=_("The confirmation e-mail has the calendar invitation attached."),
                 order=20, attachments="trainings.attachments.enrolment_calendar_attachment",
                 audience=audiences.employees),
        category("trainings.reminder", _("Training reminders a day before"), order=21,
                 audience=audiences.employees),
        category("trainings.feedback", _("Requests for feedback after a training"), order=22,
                 default=Delivery.DIGEST, audience=audiences.employees),
        category("trainings.proposal",
                 _("Trainings your manager proposes, and answers to your proposals"), order=23,
                 audience=audiences.employees),
        category("trainings.approval", _("Requests to approve a paid training (managers)"),
                 order=24, audience=audiences.managers_and_hr),
    ]  # fmt: skip
    home_panels = ["trainings.home.my_trainings", "trainings.home.approval_requests"]
    home_todos = ["trainings.home.attendance_to_register"]
    profile_sections = ["trainings.sections.completed_trainings"]
    receivers = [
        Receiver("people.signals.employment_ended",
                 "trainings.receivers.cancel_enrolments_of_leaver"),
        # A completed training is evidence on the competencies it develops.
        Receiver("trainings.signals.training_completed",
                 "competencies.api.record_completed_training"),
    ]  # fmt: skip
    # Competencies suggests trainings for a gap without importing trainings.
    provides = {"trainings_for_gap": "trainings.api.trainings_developing"}
    periodic_tasks = {
        # The reminder a day before, the feedback request after a session.
        "trainings-reminders": {
            "task": "trainings.tasks.send_reminders",
            "schedule": crontab(minute=5),
        },
        "trainings-feedback-requests": {
            "task": "trainings.tasks.send_feedback_requests",
            "schedule": crontab(minute=35),
        },
    }
