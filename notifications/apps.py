from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from hrsocial import navigation
        from notifications import categories, home  # noqa: F401 (registers HR's warning)
        from notifications.models import Notification
        from notifications.services import unread_changed

        # Rows saved one by one (marked read, the admin) change the cached unread count too;
        # notify() and "mark all read" write in bulk and forget it themselves.
        def forget_unread(sender, instance, **kwargs):
            unread_changed([instance.recipient_id])

        post_save.connect(forget_unread, sender=Notification, dispatch_uid="notifications.unread")
        post_delete.connect(
            forget_unread, sender=Notification, dispatch_uid="notifications.unread-deleted"
        )

        categories.register(
            "general",
            _("Announcements from HR"),
            description=_("General messages to everyone or a group."),
            order=0,
        )
        navigation.register(
            navigation.NavItem(
                key="scheduled-tasks",
                label=_("Scheduled tasks"),
                url_name="notifications:scheduled-tasks",
                visible=navigation.hr_staff,
                order=90,
                section="hr",
            )
        )
