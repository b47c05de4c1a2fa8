from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HrsocialConfig(AppConfig):
    """The shared ground: audit log, search, navigation and the home page."""

    name = "hrsocial"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from hrsocial import navigation
        from hrsocial.sites import site_follow_settings

        post_migrate.connect(site_follow_settings, dispatch_uid="hrsocial.site_follow_settings")

        navigation.register(
            navigation.NavItem(
                key="home",
                label=_("My overview"),
                url_name="home",
                visible=navigation.signed_in,
                order=0,
            )
        )
