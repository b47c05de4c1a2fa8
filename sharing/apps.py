from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.plugins import PortalAppConfig, category
from notifications import categories as audiences
from notifications.categories import Delivery


def sharers(user) -> bool:
    from sharing.permissions import can_share

    return can_share(user)


def curators(user) -> bool:
    from sharing.permissions import can_manage_sharing

    return can_manage_sharing(user)


class SharingConfig(PortalAppConfig):
    """Practices 5 and 9: employees as ambassadors. Share kits, suggested texts, disclosure,
    personal tracked links (/s/<code>), counted clicks and visit attribution. Shared ground:
    news, recruitment and alumni declare `shareables` and call `provides` below."""

    name = "sharing"
    verbose_name = _("Sharing")
    urls = {"sharing/": "sharing.urls", "s/": "sharing.urls_links"}
    # The redirect reads no session, not even a signed-in visitor's (hrsocial.middleware).
    sessionless_paths = ("/s/",)

    @property
    def seed_after(self):
        # The demo shares recruitment's demo vacancies when that app is installed.
        from django.apps import apps

        return ("people", *(("recruitment",) if apps.is_installed("recruitment") else ()))

    navigation = [
        navigation.NavItem(key="sharing", label=_("Share"), url_name="sharing:index",
                           visible=sharers, order=45),
        navigation.NavItem(key="sharing", label=_("Share kits"),
                           url_name="sharing:manage", visible=curators, order=45, section="hr"),
    ]  # fmt: skip
    notification_categories = [
        # One notice per kit in the portal; by e-mail once a week (sharing.weekly), not a
        # mail per kit, unless the person chooses otherwise.
        category("sharing.new_kit", _("New things to share"), order=45,
                 default=Delivery.PORTAL, audience=audiences.everyone),
        category("sharing.weekly", _("A weekly e-mail with what there is to share"), order=44,
                 default=Delivery.IMMEDIATE, audience=audiences.everyone),
        category("sharing.monthly_clicks", _("Visits your shares brought (monthly)"), order=46,
                 default=Delivery.PORTAL, audience=audiences.everyone),
    ]  # fmt: skip
    home_panels = ["sharing.home.to_share"]
    # HR's figures page, forgotten by what it adds up (and by clicks_aggregate's bulk writes).
    cached = {
        "sharing.services.figures.FIGURES": (
            "sharing.Share", "sharing.ShareKit", "sharing.Campaign", "sharing.SharingProfile",
            "sharing.DailyFigure", "people.Department", "people.User",
        ),
    }  # fmt: skip
    periodic_tasks = {
        "sharing-aggregate-clicks": {"task": "sharing.tasks.aggregate_clicks", "schedule": 300.0},
        "sharing-weekly-kits": {
            "task": "sharing.tasks.send_weekly_kits",
            "schedule": crontab(day_of_week="mon", hour=8, minute=15),
        },
        "sharing-monthly-notes": {
            "task": "sharing.tasks.send_monthly_notes",
            "schedule": crontab(day_of_month=1, hour=8, minute=30),
        },
    }
    provides = {
        "share_kit_url": "sharing.api.share_kit_url",
        "share_attribution": "sharing.api.share_attribution",
        "share_figures": "sharing.api.share_figures",
    }
