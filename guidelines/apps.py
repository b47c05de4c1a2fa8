from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidelinesConfig(AppConfig):
    """Practice 1: tips for using social media, and the "may I post this?" checker."""

    name = "guidelines"
    verbose_name = _("Guidelines")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from guidelines import home  # noqa: F401  (registers the home panel)
        from guidelines.models import Guideline, GuidelineQuerySet, Rule, Term
        from guidelines.signals import rules_changed
        from hrsocial import navigation, search
        from notifications import categories
        from notifications.categories import Delivery

        for model in (Rule, Term, Guideline):
            post_save.connect(rules_changed, sender=model, dispatch_uid=f"guidelines.{model}.s")
            post_delete.connect(rules_changed, sender=model, dispatch_uid=f"guidelines.{model}.d")

        navigation.register(
            navigation.NavItem(
                key="guidelines",
                label=_("Tips"),
                url_name="guidelines:index",
                visible=navigation.employees,
                order=10,
            )
        )
        navigation.register(
            navigation.NavItem(
                key="guidelines",
                label=_("Tips and checker rules"),
                url_name="guidelines:manage",
                visible=navigation.hr_staff,
                order=10,
                section="hr",
            )
        )
        search.register(
            search.SearchSource(
                key="guidelines",
                label=_("Tips"),
                queryset=lambda user: Guideline.objects.published() if user.is_employee else None,
                fields=GuidelineQuerySet.SEARCH_FIELDS,
                snippet="display_tip",
                order=10,
            )
        )
        categories.register(
            "guidelines.changed",
            _("New and changed tips"),
            default=Delivery.DIGEST,
            description=_("When HR publishes a new tip or changes one so that you read it again."),
            order=10,
            audience=categories.employees,
        )
        categories.register(
            "guidelines.reminder",
            _("Reminders to acknowledge tips"),
            default=Delivery.DIGEST,
            description=_("When tips are still waiting for your “read and understood”."),
            order=11,
            audience=categories.employees,
        )
