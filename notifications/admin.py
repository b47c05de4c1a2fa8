from django.contrib import admin

from hrsocial.admin import ReadOnlyAdminMixin
from notifications import categories
from notifications.models import Notification, NotificationPreference, PeriodicTaskRun


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """For looking into delivery problems; notifications are written by the portal only."""

    list_display = [
        "created_at",
        "recipient",
        "category",
        "title",
        "email_status",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]
    list_filter = ["email_status", "category", "delivery"]
    search_fields = ["recipient__email", "title"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient"]
    date_hierarchy = "created_at"
    deletable = True

    def get_queryset(self, request):
        """Rows of private categories are not for browsing (see categories.Category)."""
        return super().get_queryset(request).exclude(category__in=categories.private_keys())


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "category", "delivery"]
    raw_id_fields = ["user"]


@admin.register(PeriodicTaskRun)
class PeriodicTaskRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Written by the scheduled tasks themselves; HR also sees them on the portal's page."""

    list_display = ["task", "last_started_at", "last_finished_at", "outcome", "error"]
    list_filter = ["outcome"]
    deletable = True
