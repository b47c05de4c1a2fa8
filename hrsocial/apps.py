from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.plugins import PortalAppConfig, Receiver


class HrsocialConfig(PortalAppConfig):
    """The shared ground: audit log, search, navigation and the home page."""

    name = "hrsocial"
    verbose_name = _("Portal")
    seed_after = ()
    urls = {}  # hrsocial.urls is the root URLconf
    navigation = [
        navigation.NavItem(
            key="home", label=_("My overview"), url_name="home", visible=navigation.signed_in,
            order=0,
        ),
    ]  # fmt: skip
    # The to-do panel and, until the alumni app exists, the network's honest welcome.
    home_panels = ["hrsocial.home.todo_panel", "hrsocial.home.network_welcome"]
    # After every migrate (every app's, so it runs after django.contrib.sites' too).
    receivers = [Receiver("post_migrate", "hrsocial.sites.site_sync_after_migrate")]

    def ready(self):
        from hrsocial import celery, home, plugins, search

        super().ready()
        # Every app's contributions to the shared ground's registries.
        navigation.collect(plugins.declared("navigation"))
        search.collect(plugins.declared("search_sources"))
        home.collect(plugins.imported("home_panels"))
        for todos in plugins.imported("home_todos"):
            home.register_todo(todos)
        celery.app.conf.beat_schedule = plugins.beat_schedule()
