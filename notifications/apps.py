from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.plugins import PortalAppConfig, Receiver, category


class NotificationsConfig(PortalAppConfig):
    name = "notifications"
    verbose_name = _("Notifications")
    navigation = navigation.app_menu(
        "scheduled-tasks", order=90,
        hr=(_("Scheduled tasks"), "notifications:scheduled-tasks"),
    )  # fmt: skip
    notification_categories = [
        category("general", _("Announcements from HR"),
                 description=_("General messages to everyone or a group."), order=0),
    ]  # fmt: skip
    home_panels = ["notifications.home.schedule_warning"]
    receivers = [
        Receiver(f"hrsocial.celery.{signal}", f"notifications.services.{signal}")
        for signal in ("periodic_task_started", "periodic_task_finished")
    ]
    # Rows saved one by one (marked read, the admin) change the cached unread count too;
    # notify() and "mark all read" write in bulk and forget it themselves.
    cached = {"notifications.services.UNREAD": ("notifications.Notification",)}
    # The outbox and the periodic runs in /ready/, for the shared ground that does not import us.
    provides = {"readiness_figures": "notifications.readiness.figures"}
    periodic_tasks = {
        "notifications-sweep": {"task": "notifications.tasks.sweep_undelivered", "schedule": 60.0},
        "notifications-daily-digest": {
            "task": "notifications.tasks.send_daily_digests",
            "schedule": crontab(hour=7, minute=0),
        },
    }

    def ready(self):
        from django.utils.module_loading import import_string

        from hrsocial import plugins
        from notifications import categories

        super().ready()
        for declared in plugins.declared("notification_categories"):
            if isinstance(declared.get("attachments"), str):  # a dotted path: it needs models
                declared = {**declared, "attachments": import_string(declared["attachments"])}
            categories.register(**declared)
