from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation, search
from hrsocial.plugins import PortalAppConfig, Receiver, category, webhook_event
from notifications import categories as audiences
from notifications.categories import Delivery


class HelpdeskConfig(PortalAppConfig):
    """Practice 3: the internal helpdesk ("vraagbaak") and its FAQ."""

    name = "helpdesk"
    api_routers = ["helpdesk.rest.router"]
    webhook_events = [webhook_event("helpdesk.question_asked", _("A new question"))]
    verbose_name = _("Helpdesk")
    # A hard dependency: questions link to tips (Question.related_guidelines), through
    # guidelines.api only.
    seed_after = ("people", "guidelines")
    navigation = navigation.app_menu(
        "helpdesk", order=30,
        main=(_("Helpdesk"), "helpdesk:index"),
        hr=(_("Helpdesk queue"), "helpdesk:queue"),
    )  # fmt: skip
    search_sources = [
        search.SearchSource(
            key="faq", label=_("Frequently asked questions"), model="helpdesk.FaqEntry",
            rows="published", snippet="display_answer", order=30,
        ),
    ]  # fmt: skip
    notification_categories = [
        # News for anonymous askers is private: the outbox in the admin would otherwise show
        # who has an anonymous question (see helpdesk.anonymity).
        category("helpdesk.anonymous", _("News about questions you asked anonymously"), order=31,
                 private=True, audience=audiences.employees),
        category("helpdesk.answer", _("Answers to your questions to HR"), order=30,
                 audience=audiences.employees),
        # HR's categories: a rating is only informative; the rest asks for HR's action.
        category("helpdesk.new_question", _("New questions to HR (HR staff)"), order=32,
                 audience=audiences.hr_staff),
        category("helpdesk.assigned", _("Questions assigned to you (HR staff)"), order=33,
                 audience=audiences.hr_staff),
        category("helpdesk.follow_up", _("Askers replying to your questions (HR staff)"),
                 order=34, audience=audiences.hr_staff),
        category("helpdesk.response_target", _("Response targets about to pass (HR staff)"),
                 order=35, audience=audiences.hr_staff),
        category("helpdesk.rating", _("Ratings of your answers (HR staff)"), order=36,
                 default=Delivery.PORTAL, audience=audiences.hr_staff),
    ]  # fmt: skip
    home_panels = ["helpdesk.home.my_questions"]
    home_todos = ["helpdesk.home.hr_queue"]
    receivers = [
        Receiver("people.signals.employment_ended",
                 "helpdesk.receivers.handle_questions_of_leaver"),
        Receiver("post_delete", "helpdesk.services.files.attachment_file_delete",
                 ("helpdesk.Attachment",)),
    ]  # fmt: skip
    # The queue's counts, the holiday list, categories and saved replies follow every change.
    cached = {
        "helpdesk.queue.COUNTS": ("helpdesk.Question",),
        "helpdesk.sla.PUBLIC_HOLIDAYS": ("helpdesk.PublicHoliday",),
        "helpdesk.models.routing.CATEGORIES": ("helpdesk.Category",),
        "helpdesk.services.answering.SAVED_REPLIES": ("helpdesk.SavedReply",),
    }
    periodic_tasks = {
        # SLA warnings and breaches, news for anonymous askers, waiting questions.
        "helpdesk-sla": {"task": "helpdesk.tasks.check_response_targets", "schedule": 600.0},
        "helpdesk-anonymous-news": {
            "task": "helpdesk.tasks.notify_anonymous_askers",
            "schedule": 900.0,
        },
        "helpdesk-waiting": {
            "task": "helpdesk.tasks.follow_up_waiting_questions",
            "schedule": crontab(hour=8, minute=15),
        },
    }
