from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    """Practice 3: the internal helpdesk ("vraagbaak") and its FAQ."""

    name = "helpdesk"
    verbose_name = _("Helpdesk")

    def ready(self):
        from helpdesk import receivers

        receivers.connect()  # people.signals.employment_ended (offboarding)
        from django.db.models.signals import post_delete, post_save

        from guidelines.models import Guideline
        from helpdesk import home  # noqa: F401  (the panels register themselves)
        from helpdesk.models import (
            Attachment,
            Category,
            FaqEntry,
            PublicHoliday,
            Question,
            SavedReply,
        )
        from helpdesk.models.faq import FaqEntryQuerySet
        from helpdesk.models.routing import CATEGORIES
        from helpdesk.queue import counts_changed
        from helpdesk.services.answering import GUIDELINE_CHOICES, SAVED_REPLIES
        from helpdesk.services.files import attachment_file_delete
        from helpdesk.sla import PUBLIC_HOLIDAYS
        from hrsocial import navigation, search
        from notifications import categories
        from notifications.categories import Delivery

        navigation.register(
            navigation.NavItem(
                key="helpdesk",
                label=_("Helpdesk"),
                url_name="helpdesk:index",
                visible=navigation.employees,
                order=30,
            )
        )
        navigation.register(
            navigation.NavItem(
                key="helpdesk",
                label=_("Helpdesk queue"),
                url_name="helpdesk:queue",
                visible=navigation.hr_staff,
                order=30,
                section="hr",
            )
        )
        search.register(
            search.SearchSource(
                key="faq",
                label=_("Frequently asked questions"),
                queryset=lambda user: FaqEntry.objects.published() if user.is_employee else None,
                fields=FaqEntryQuerySet.SEARCH_FIELDS,
                snippet="display_answer",
                order=30,
            )
        )
        # News for anonymous askers is private: the outbox in the admin would otherwise show
        # who has an anonymous question (see helpdesk.anonymity).
        categories.register(
            "helpdesk.anonymous",
            _("News about questions you asked anonymously"),
            order=31,
            private=True,
            audience=categories.employees,
        )
        categories.register(
            "helpdesk.answer",
            _("Answers to your questions to HR"),
            order=30,
            audience=categories.employees,
        )
        # HR's: a rating is only informative; the rest asks for HR's action.
        hr_defaults = {"helpdesk.rating": Delivery.PORTAL}
        for key, label, order in (
            ("helpdesk.new_question", _("New questions to HR (HR staff)"), 32),
            ("helpdesk.assigned", _("Questions assigned to you (HR staff)"), 33),
            ("helpdesk.follow_up", _("Askers replying to your questions (HR staff)"), 34),
            ("helpdesk.response_target", _("Response targets about to pass (HR staff)"), 35),
            ("helpdesk.rating", _("Ratings of your answers (HR staff)"), 36),
        ):
            default = hr_defaults.get(key, Delivery.IMMEDIATE)
            categories.register(
                key, label, order=order, default=default, audience=categories.hr_staff
            )

        # The queue's cached counts, the holiday list, categories and saved replies follow every
        # change.
        post_save.connect(lambda **kw: counts_changed(), sender=Question, weak=False,
                          dispatch_uid="helpdesk.counts.save")  # fmt: skip
        post_delete.connect(lambda **kw: counts_changed(), sender=Question, weak=False,
                            dispatch_uid="helpdesk.counts.delete")  # fmt: skip
        PUBLIC_HOLIDAYS.forget_on_changes_of(PublicHoliday)
        CATEGORIES.forget_on_changes_of(Category)
        SAVED_REPLIES.forget_on_changes_of(SavedReply)
        GUIDELINE_CHOICES.forget_on_changes_of(Guideline)
        post_delete.connect(attachment_file_delete, sender=Attachment,
                            dispatch_uid="helpdesk.attachment.file")  # fmt: skip
