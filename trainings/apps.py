from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    """Practice 2: trainings that fit the person, sessions, waitlists and the self-scan."""

    name = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        from trainings import receivers

        receivers.connect()  # people.signals.employment_ended (offboarding)
        from hrsocial import navigation, search
        from notifications import categories
        from notifications.categories import Delivery
        from trainings import home, sections  # noqa: F401  (they register themselves)
        from trainings.attachments import enrolment_calendar_attachment
        from trainings.models import Training

        navigation.register(
            navigation.NavItem(
                key="trainings",
                label=_("Trainings"),
                url_name="trainings:index",
                visible=navigation.employees,
                order=20,
            )
        )
        navigation.register(
            navigation.NavItem(
                key="trainings",
                label=_("Trainings and sessions"),
                url_name="trainings:hr-sessions",
                visible=navigation.hr_staff,
                order=20,
                section="hr",
            )
        )
        search.register(
            search.SearchSource(
                key="trainings",
                label=_("Trainings"),
                queryset=lambda user: Training.objects.published() if user.is_employee else None,
                fields=("title", "title_en", "summary", "summary_en", "provider_name"),
                snippet="display_summary",
                order=20,
            )
        )
        categories.register(
            "trainings.enrolment",
            _("Your trainings: confirmations, seats from the waitlist, changes"),
            description=_("The confirmation e-mail has the calendar invitation attached."),
            order=20,
            attachments=enrolment_calendar_attachment,
            audience=categories.employees,
        )
        categories.register(
            "trainings.reminder",
            _("Training reminders a day before"),
            order=21,
            audience=categories.employees,
        )
        categories.register(
            "trainings.feedback",
            _("Requests for feedback after a training"),
            order=22,
            default=Delivery.DIGEST,
            audience=categories.employees,
        )
        categories.register(
            "trainings.proposal",
            _("Trainings your manager proposes, and answers to your proposals"),
            order=23,
            audience=categories.employees,
        )
        categories.register(
            "trainings.approval",
            _("Requests to approve a paid training (managers)"),
            order=24,
            audience=categories.managers_and_hr,
        )
