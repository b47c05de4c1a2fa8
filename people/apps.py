from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation, search
from hrsocial.plugins import PortalAppConfig, Receiver, category
from notifications import categories as audiences
from notifications.categories import Delivery


class PeopleConfig(PortalAppConfig):
    name = "people"
    api_routers = ["people.rest.router"]
    verbose_name = _("People")
    seed_after = ()
    navigation = navigation.app_menu("people", order=90, main=(_("Colleagues"), "people:directory"))
    search_sources = [
        search.SearchSource(
            key="people", label=_("Colleagues"), model="people.User", rows="directory",
            snippet="job_role", order=90,
        ),
    ]  # fmt: skip
    notification_categories = [
        category("people.access",
                 _("HR rights: a colleague was added to or removed from the HR groups"), order=95,
                 audience=audiences.hr_leads),
        # Immediately: a reset the person did not ask for must be noticed at once.
        category("people.second_factor_reset",
                 _("Two-factor sign-in: an HR lead reset your second factor"), order=96,
                 default=Delivery.IMMEDIATE, audience=audiences.everyone),
    ]  # fmt: skip
    # Every app's post_migrate, so permissions of apps after "people" are included too.
    receivers = [Receiver("post_migrate", "people.signals.grant_hr_permissions")]
    # The signed-in users are forgotten on any change of people, their groups or the groups
    # themselves: roles and managers come from all three.
    # A second factor set up or removed changes what the signed-in HR user may reach.
    cached = {
        "people.signed_in.PEOPLE": (
            "people.User", "people.User.groups", "auth.Group", "mfa.Authenticator",
        )
    }  # fmt: skip
    periodic_tasks = {
        # Offboarding: shortly after midnight, people whose end date has passed lose access.
        "people-end-employments": {
            "task": "people.tasks.end_employments",
            "schedule": crontab(hour=0, minute=15),
        },
        # HRIS files uploaded for a preview that nobody confirmed are removed.
        "people-purge-import-files": {
            "task": "people.tasks.purge_import_files",
            "schedule": crontab(minute=20),
        },
    }

    def ready(self):
        from hrsocial import plugins
        from people import sections

        super().ready()
        sections.collect(plugins.imported("profile_sections"))
