from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HrsocialConfig(AppConfig):
    """The shared ground: audit log, search, navigation and the home page."""

    name = "hrsocial"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from hrsocial import navigation
        from hrsocial.sites import site_sync_after_migrate

        # After every migrate (every app's, so it runs after django.contrib.sites' too).
        post_migrate.connect(site_sync_after_migrate, dispatch_uid="hrsocial.site_sync")

        navigation.register(
            navigation.NavItem(
                key="home",
                label=_("My overview"),
                url_name="home",
                visible=navigation.signed_in,
                order=0,
            )
        )
